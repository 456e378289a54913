/**
 * `npm test [-- files…]`: prepares the database once, then runs node's test runner over every
 * `*.test.ts` (or the given files). PGlite: a migrated template, cached by the hash of the
 * migrations. PostgreSQL (DATABASE_URL): migrates that database.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { registry } from '@siyu/core';
import { createRuntime, loadConfig, MIGRATIONS_DIR, openDatabase } from '@siyu/core/platform';

const root = path.resolve(import.meta.dirname, '..');

function findTests(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}

function migrationsHash() {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const p = path.join(MIGRATIONS_DIR, f);
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p));
  }
  h.update(JSON.stringify(Object.keys(registry.jobs).sort()));
  return h.digest('hex').slice(0, 16);
}

async function prepare(): Promise<Record<string, string>> {
  const config = { ...loadConfig({ ...process.env, SIYU_LOG_LEVEL: 'silent' }) };
  if (config.engine === 'postgres') {
    const rt = await createRuntime({ config, registry, migrate: true, role: 'client' });
    await rt.close();
    return {};
  }
  const template = path.join(root, '.siyu', `test-template-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(template)) {
    const started = Date.now();
    const database = await openDatabase(config, { pgliteDir: null });
    const rt = await createRuntime({ config, registry, database, migrate: true, role: 'client' });
    await rt.jobs.stop();
    const lite = database.lite;
    if (!lite) throw new Error('expected a PGlite database');
    const dump = await lite.dumpDataDir('gzip');
    fs.mkdirSync(path.dirname(template), { recursive: true });
    fs.writeFileSync(template, Buffer.from(await dump.arrayBuffer()));
    await rt.close();
    console.log(`# prepared the PGlite test template in ${Date.now() - started} ms`);
  }
  return { SIYU_TEST_TEMPLATE: template };
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : findTests(root).sort();
const env = { ...process.env, ...(await prepare()) };
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-force-exit', '--test-concurrency=2', '--test-timeout=120000', ...files],
  { stdio: 'inherit', env, cwd: root },
);
process.exit(r.status ?? 1);
