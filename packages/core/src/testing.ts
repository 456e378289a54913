/**
 * Test helpers (tests only): one runtime per test process on the engine under test, a fresh tenant
 * per test, and `drain()` for the outbox and due jobs.
 *
 * PGlite: every test process loads the migrated template that `npm test` prepares (SIYU_TEST_TEMPLATE),
 * in memory. PostgreSQL (DATABASE_URL): all processes share the database `npm test` migrated; tests
 * stay apart by tenant.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ALL_PERMISSIONS } from '@siyu/contracts';
import { createTenant } from './access';
import { registry } from './index';
import {
  type Config,
  createRuntime,
  inTransaction,
  loadConfig,
  openDatabase,
  type Runtime,
  type TestClock,
  testClock,
} from './platform';

export const TEST_PASSWORD = 'test-pass-123';

let shared: Promise<{ rt: Runtime; clock: TestClock }> | null = null;

export function testConfig(): Config {
  return { ...loadConfig({ ...process.env, SIYU_MODE: 'demo', SIYU_LOG_LEVEL: 'silent' }), secureCookies: false };
}

async function open() {
  const config = testConfig();
  const clock = testClock(new Date());
  let database: Awaited<ReturnType<typeof openDatabase>>;
  if (config.engine === 'postgres') {
    database = await openDatabase(config, { poolSize: 4 });
  } else {
    const template = process.env.SIYU_TEST_TEMPLATE;
    if (!template || !fs.existsSync(template))
      throw new Error('SIYU_TEST_TEMPLATE is not set: run tests with `npm test` (or `npm test -- <files>`)');
    database = await openDatabase(config, { pgliteDir: null, loadDataDir: new Blob([fs.readFileSync(template)]) });
  }
  const rt = await createRuntime({ config, registry, clock, database, migrate: false, role: 'client' });
  return { rt, clock };
}

/** The process-wide test runtime (opened once; closed when the process exits). */
export async function testRuntime() {
  shared ??= open(); // PGlite keeps a timer: `npm test` runs with --test-force-exit
  return shared;
}

export const uniqueSlug = (prefix = 't') => `${prefix}-${randomBytes(5).toString('hex')}`;

/** A fresh tenant with the built-in roles and an owner whose password is TEST_PASSWORD. */
export async function createTestTenant(rt: Runtime, opts: { slug?: string; name?: string } = {}) {
  const slug = opts.slug ?? uniqueSlug();
  const ownerEmail = `owner@${slug}.test`;
  const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'test' } });
  const t = await inTransaction(base, (tx) =>
    createTenant(tx.db, tx.clock, {
      slug,
      name: opts.name ?? `Tenant ${slug}`,
      owner: { name: 'Owner', email: ownerEmail, password: TEST_PASSWORD },
    }),
  );
  const ctx = rt.ctx({
    tenantId: t.tenantId,
    actor: { kind: 'staff', id: t.ownerId, name: 'Owner', permissions: [...ALL_PERMISSIONS] },
  });
  return { ...t, slug, ownerEmail, ctx };
}
