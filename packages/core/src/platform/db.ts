import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from './config';

/** Drizzle over either engine, or a transaction of it. */
// biome-ignore lint/suspicious/noExplicitAny: both engines' drizzle types meet here
export type Db = PgDatabase<PgQueryResultHKT, any>;

/** The rows of a raw `db.execute(sql…)` answer (both engines answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A value as one jsonb parameter: bulk rows travel as one (`jsonb_to_recordset`), not one per field. */
export const jsonb = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** Runs raw SQL; pg-boss and migrations use it. Multi-statement text without values is allowed. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** What a LISTEN connection reports: each notification, and when it is (re)connected or lost. */
export type ListenHandlers = { message(payload: string): void; up(): void; down(err: unknown): void };

export type Database = {
  engine: 'pglite' | 'postgres';
  /** PostgreSQL only: LISTENs on `channel` over a connection of its own, reconnecting when lost. */
  listen?(channel: string, on: ListenHandlers): () => Promise<void>;
  /** The embedded instance (PGlite only): for dumps and the test template. */
  lite?: PGlite;
  db: Db;
  executeSql: ExecuteSql;
  close(): Promise<void>;
};

export class DataDirLockedError extends Error {}

/**
 * Opens the configured engine: PGlite in `dataDir/pgdata` (with a lock file), or a pg Pool. Each
 * engine's driver is loaded only when it is the one configured (~20 MB of a process's memory).
 */
export async function openDatabase(
  config: Pick<Config, 'engine' | 'dataDir' | 'databaseUrl'>,
  opts: { poolSize?: number; pgliteDir?: string | null; loadDataDir?: Blob } = {},
): Promise<Database> {
  if (config.engine === 'postgres') {
    const { drizzle: drizzlePg } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: opts.poolSize ?? 10, allowExitOnIdle: true });
    pool.on('error', () => {}); // idle client errors are reported on the next query
    const db = drizzlePg(pool) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      executeSql: async (text, values) => {
        const r = await pool.query(text, values as unknown[]);
        const results = Array.isArray(r) ? r : [r];
        return { rows: results.flatMap((x) => x.rows ?? []) };
      },
      listen: (channel, on) => listenWithRetry(config.databaseUrl!, channel, on),
      close: () => pool.end(),
    };
  }
  const dir = opts.pgliteDir === undefined ? path.join(config.dataDir, 'pgdata') : opts.pgliteDir;
  const release = dir ? lockDataDir(config.dataDir) : () => {};
  try {
    if (dir) fs.mkdirSync(dir, { recursive: true });
    const [{ PGlite }, { drizzle: drizzleLite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
    ]);
    const lite = await PGlite.create(
      dir ? { dataDir: dir } : opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {},
    );
    const db = drizzleLite(lite) as unknown as Db;
    return {
      engine: 'pglite',
      lite,
      db,
      executeSql: async (text, values) =>
        values?.length
          ? ((await lite.query(text, values)) as { rows: Record<string, unknown>[] })
          : { rows: (await lite.exec(text)).flatMap((r) => (r.rows ?? []) as Record<string, unknown>[]) },
      close: async () => {
        await lite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

const RETRY_MS = [100, 500, 1000, 2000, 5000];

function listenWithRetry(url: string, channel: string, on: ListenHandlers): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    const lost = (err: unknown) => {
      if (client !== c) return;
      client = null;
      c.end().catch(() => {});
      on.down(err);
      if (!stopped) timer = setTimeout(connect, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
    };
    c.on('error', lost);
    c.on('end', () => lost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === channel) on.message(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped || client !== c) return void c.end().catch(() => {});
      failures = 0;
      on.up();
    } catch (e) {
      lost(e);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

/**
 * PGlite does not lock its data directory, and two processes on one directory silently lose
 * writes. Take an exclusive lock file; a second process gets a clear error.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'siyu.lock');
  const take = () => {
    const fd = fs.openSync(file, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
  };
  try {
    take();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by another Siyu process (pid ${pid}). ` +
          'Stop it first, or set SIYU_DATA_DIR to another directory. The embedded database allows one process only.',
      );
    }
    fs.rmSync(file, { force: true }); // stale lock of a process that is gone
    take();
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {}
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
