import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Email, Name, Password, Slug } from '@siyu/contracts';
import { createTenant } from '@siyu/core/access';
import { resealPaymentSecrets } from '@siyu/core/orders';
import { startSiyu } from '@siyu/core';
import { ConfigError, DataDirLockedError, inTransaction, loadConfig } from '@siyu/core/platform';
import { runWorker } from '@siyu/worker';
import { z } from 'zod';
import { buildApp } from './app';
import { DEMO, seedDemo } from './demo/seed';
import { distOf } from './http/static';

const USAGE = `Usage: siyu <command>
  start [--no-frontends] run the API, admin console and shop (and jobs, unless SIYU_WORKER=off)
  migrate               apply database migrations
  seed --demo           create the demo tenant (拾光咖啡烘焙) if it does not exist
  worker                run jobs, schedules and the outbox (with DATABASE_URL)
  secrets reseal        seal stored secrets again with SIYU_SECRET_KEY (after a key rotation)
  tenant create --slug S --name N --owner-email E --owner-password P [--owner-name O]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function config() {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

async function open(role: 'worker' | 'client') {
  try {
    return await startSiyu(config(), { role });
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

/** Builds the admin console and the shop when their production builds are missing. */
function ensureFrontends() {
  for (const app of ['admin', 'shop'] as const) {
    if (fs.existsSync(path.join(distOf(app), 'index.html'))) continue;
    console.log(`Building the ${app} front end (first start only)…`);
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: path.dirname(distOf(app)),
      stdio: 'inherit',
    });
    if (r.status !== 0) fail(`Could not build apps/${app}; run \`npm run build\` to see why.`);
  }
}

function onShutdown(close: () => Promise<void>) {
  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
}

async function start(args: string[]) {
  const cfg = config();
  const frontends = !args.includes('--no-frontends');
  if (frontends) ensureFrontends();
  const rt = await open(cfg.inlineWorker ? 'worker' : 'client');
  if (cfg.mode === 'demo' && (await seedDemo(rt))) rt.log.info('seeded the demo tenant');
  const app = await buildApp(rt, {
    logger: cfg.logLevel !== 'silent',
    serveFrontends: frontends,
    // the demo's WeCom sandbox keeps its state beside the data (contact ways, groups, contacts)
    sandboxStateFile: path.join(cfg.dataDir, 'wecom-sandbox.json'),
  });
  onShutdown(async () => {
    await app.close();
    await rt.close();
  });
  await app.listen({ port: cfg.port, host: cfg.host });
  if (cfg.inlineWorker) await runWorker(rt);
  const lines = [
    '',
    `  Siyu 私域 is running (${rt.database.engine}, ${cfg.mode} mode)`,
    `  Admin console: ${cfg.publicUrl}/admin/`,
    `  Shop:          ${cfg.publicUrl}/shop/t/${DEMO.slug}`,
    `  API docs:      ${cfg.publicUrl}/api/docs`,
  ];
  if (cfg.mode === 'demo') lines.push(`  Demo login:    ${DEMO.email} / ${DEMO.password}`);
  if (cfg.mode === 'demo') lines.push(`  SMS sandbox:   ${cfg.publicUrl}/shop/t/${DEMO.slug}/dev/sms`);
  console.log(`${lines.join('\n')}\n`);
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  switch (cmd) {
    case 'start':
      return start(rest);
    case 'migrate': {
      const rt = await open('client');
      console.log(`migrations applied (${rt.database.engine})`);
      return rt.close();
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) fail(USAGE);
      const rt = await open('client');
      console.log((await seedDemo(rt)) ? 'demo tenant created' : 'demo tenant exists already');
      return rt.close();
    }
    case 'worker': {
      const rt = await open('worker');
      onShutdown(() => rt.close());
      await runWorker(rt);
      return;
    }
    case 'secrets': {
      if (rest[0] !== 'reseal') fail(USAGE);
      const rt = await open('client');
      console.log(`${await resealPaymentSecrets(rt.db)} stored secret(s) sealed again with the current key`);
      return rt.close();
    }
    case 'tenant': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: Object.fromEntries(
          ['slug', 'name', 'owner-email', 'owner-password', 'owner-name'].map((k) => [k, { type: 'string' as const }]),
        ),
      });
      const v = values as Record<string, string | undefined>;
      if (positionals[0] !== 'create' || !v.slug || !v.name || !v['owner-email'] || !v['owner-password']) fail(USAGE);
      const checked = z
        .object({ slug: Slug, name: Name, email: Email, password: Password })
        .safeParse({ slug: v.slug, name: v.name, email: v['owner-email'], password: v['owner-password'] });
      if (!checked.success) fail(checked.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));
      const rt = await open('client');
      const ctx = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'cli' } });
      const t = await inTransaction(ctx, (tx) =>
        createTenant(tx.db, tx.clock, {
          slug: checked.data.slug,
          name: checked.data.name,
          owner: {
            name: v['owner-name'] ?? checked.data.name,
            email: checked.data.email,
            password: checked.data.password,
          },
        }),
      );
      console.log(`tenant ${v.slug} created (${t.tenantId}); its owner can log in at /admin/`);
      return rt.close();
    }
    default:
      fail(USAGE);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
