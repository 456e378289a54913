/**
 * Browser-test harness: `siyu start` in a child process on a fresh embedded database (the demo
 * tenant seeds itself), and headless Debian Chromium driven by playwright-core.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
export const shots = path.join(root, 'test-results');

export type Harness = { url: string; newPage(opts?: { mobile?: boolean }): Promise<Page> };

/**
 * The seeded demo as a data directory, made once per run of the browser tests (the test files of one
 * `node --test` run share its process as their parent) and copied for each file: seeding the demo
 * (catalog pictures, a year of orders) takes tens of seconds.
 */
function demoTemplate(): string {
  const dir = path.join(os.tmpdir(), `siyu-e2e-template-${process.ppid}`);
  if (fs.existsSync(path.join(dir, 'seeded'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', 'seed', '--demo'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', SIYU_DATA_DIR: dir, SIYU_LOG_LEVEL: 'warn', SIYU_MODE: 'demo' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  fs.writeFileSync(path.join(dir, 'seeded'), new Date().toISOString());
  return dir;
}

export function useHarness(): Harness {
  let child: ChildProcess | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-e2e-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const h: Harness = {
    url: `http://127.0.0.1:${port}`,
    async newPage(opts = {}) {
      const ctx = await browser!.newContext(
        opts.mobile
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' }
          : { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' },
      );
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
  before(async () => {
    fs.mkdirSync(shots, { recursive: true });
    fs.cpSync(demoTemplate(), dataDir, { recursive: true });
    child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        SIYU_DATA_DIR: dataDir,
        SIYU_LOG_LEVEL: 'warn',
        SIYU_MODE: 'demo',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('siyu did not start within 180 s')), 180_000);
      child!.stdout!.on('data', (d: Buffer) => {
        if (!d.toString().includes('is running')) return;
        clearTimeout(t);
        resolve();
      });
      child!.on('exit', (code) => reject(new Error(`siyu exited with ${code}`)));
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return h;
}
