/** Shared bench helpers: a Siyu server in a child process, autocannon runs, and RESULTS.md sections. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export const root = path.resolve(import.meta.dirname, '..');
export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
/** One master key for the bench server and the bench's own runtimes (they seal and open payment keys). */
export const BENCH_SECRET_KEY = 'b3'.repeat(32);

export type Server = { url: string; pid: number; stop(): Promise<void> };

/** `siyu start --no-frontends` on a free loopback port, with a fresh data dir on PGlite. */
export async function startServer(port = 3900 + Math.floor(Math.random() * 90)): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/cli.ts', 'start', '--no-frontends'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SIYU_DATA_DIR: dataDir,
        SIYU_LOG_LEVEL: 'warn',
        SIYU_MODE: 'demo',
        SIYU_SECRET_KEY: BENCH_SECRET_KEY,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('is running')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export type Row = { name: string; throughput: string; p50: string; p99: string; note?: string };

/** Loads one URL for `seconds` with `connections` concurrent clients; bounded in time, loopback only. */
export async function load(name: string, opts: autocannon.Options): Promise<Row> {
  const r = await autocannon({ connections: 20, duration: 10, ...opts });
  if (r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers`);
  return {
    name,
    throughput: `${Math.round(r.requests.average)} req/s`,
    p50: `${r.latency.p50} ms`,
    p99: `${r.latency.p99} ms`,
  };
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

export function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${engine}`;
}

/** Replaces the `## <area> (<engine>)` section of bench/RESULTS.md with the new table. */
export function record(area: string, rows: Row[], notes: string[] = []) {
  const file = path.join(root, 'bench/RESULTS.md');
  const head = `## ${area} (${engine})`;
  const table = [
    head,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    '',
    '| what | throughput | p50 | p99 | note |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.throughput} | ${r.p50} | ${r.p99} | ${r.note ?? ''} |`),
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
  const old = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmark results\n\nRun with `npm run bench -- <area>`; set DATABASE_URL for PostgreSQL.\n\n';
  const re = new RegExp(`${head.replace(/[()]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |$)`);
  fs.writeFileSync(file, re.test(old) ? old.replace(re, table) : `${old.trimEnd()}\n\n${table}`);
  console.table(rows);
}

export type Session = { call<T>(method: string, path: string, body?: unknown): Promise<T> };

/** A cookie session against the server (a shopper's or a staff member's): keeps the cookie and the CSRF token. */
export function session(url: string): Session {
  let cookie = '';
  let csrf = '';
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${text.slice(0, 300)}`);
    const data = text ? JSON.parse(text) : null;
    if (data && typeof data === 'object' && 'csrfToken' in data) csrf = String(data.csrfToken);
    return data as T;
  };
  return { call };
}
