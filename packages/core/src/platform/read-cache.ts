import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Ctx } from './context';
import type { Database } from './db';
import type { Logger } from './logger';

/**
 * The read cache: results of hot public reads (the storefront's catalog) kept in memory, each under
 * tags. A write names the tags it affects (`invalidate`): this process bumps their versions once the
 * transaction has committed, and other processes hear it through PostgreSQL NOTIFY, which is
 * delivered at commit. An entry is served only while every tag of it is still at the version it had
 * when the read began, so a read that overlaps a write is never served afterwards. Entries are
 * immutable (deep-frozen) so that callers can share them, and the HTTP layer can serialise each
 * once. See docs/adr/0003-read-cache.md.
 */

export const READ_CACHE = {
  /**
   * Entries per process, measured as their JSON length (the objects and their serialised bodies take
   * about three times that): the RSS budget of issue 4 is 300 MB for the whole server.
   */
  maxBytes: 16 * 1024 * 1024,
  /** The oldest an entry may be: what no tag covers (e.g. sales counts) is this fresh. */
  maxAgeMs: 60_000,
  /** NOTIFY allows 8,000 bytes; a longer list of tags becomes "everything of the tenant". */
  maxNotifyBytes: 7_000,
  channel: 'siyu_read_cache',
} as const;

type Entry = { value: unknown; tags: string[]; versions: number[]; epoch: number; at: number; size: number };

const versions = new Map<string, number>();
let epoch = 0;
const entries = new LRUCache<string, Entry>({
  maxSize: READ_CACHE.maxBytes,
  sizeCalculation: (e) => e.size,
});
/** Listeners this process depends on (PostgreSQL), and how many of them are connected now. */
const listeners = { registered: 0, connected: 0 };
const ORIGIN = Math.random().toString(36).slice(2);

const versionOf = (tag: string) => versions.get(tag) ?? 0;
const scoped = (tenantId: string, tag: string) => `${tenantId}|${tag}`;
const available = () => listeners.connected === listeners.registered;

function bump(tags: string[]) {
  for (const t of tags) versions.set(t, versionOf(t) + 1);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * The value under `key` (per tenant) if it is still current, else `load()`'s, kept for the next
 * reader. Reads inside a transaction bypass the cache (they may see their own uncommitted writes).
 * The value is deep-frozen: do not mutate what this returns.
 */
export async function cached<T>(ctx: Ctx, key: string, tags: string[], load: () => Promise<T>): Promise<T> {
  if (ctx.inTransaction || !available()) return load();
  const k = scoped(ctx.tenantId, key);
  const now = ctx.clock.now().getTime();
  const hit = entries.get(k);
  if (
    hit &&
    hit.epoch === epoch &&
    now - hit.at < READ_CACHE.maxAgeMs &&
    hit.tags.every((t, i) => versionOf(t) === hit.versions[i])
  )
    return hit.value as T;
  const scopedTags = ['*', ...tags].map((t) => scoped(ctx.tenantId, t));
  const before = scopedTags.map(versionOf);
  const startEpoch = epoch;
  const value = deepFreeze(await load());
  if (startEpoch === epoch && available() && scopedTags.every((t, i) => versionOf(t) === before[i])) {
    const size = JSON.stringify(value)?.length ?? 0;
    entries.set(k, { value, tags: scopedTags, versions: before, epoch, at: now, size: size + key.length });
  }
  return value;
}

/**
 * Marks the tags (of ctx's tenant) changed by the current transaction; `*` (a tag of every entry)
 * means everything of the tenant. Other processes learn it at commit through NOTIFY; this one right after the commit.
 */
export async function invalidate(ctx: Ctx, tags: string[]) {
  let scopedTags = tags.map((t) => scoped(ctx.tenantId, t));
  if (listeners.registered) {
    let payload = JSON.stringify({ o: ORIGIN, t: scopedTags });
    if (payload.length > READ_CACHE.maxNotifyBytes) {
      scopedTags = [scoped(ctx.tenantId, '*')];
      payload = JSON.stringify({ o: ORIGIN, t: scopedTags });
    }
    await ctx.db.execute(sql`select pg_notify(${READ_CACHE.channel}, ${payload})`);
  }
  ctx.afterCommit(() => bump(scopedTags));
}

/**
 * Keeps this process's cache in step with the others' writes: on PostgreSQL, a dedicated connection
 * LISTENs; while it is down the cache is bypassed, and on reconnecting everything cached is dropped
 * (notifications sent meanwhile are lost). The embedded engine has one process: nothing to hear.
 * Returns the function that stops listening.
 */
export function syncReadCache(database: Database, log: Logger): () => Promise<void> {
  if (database.engine !== 'postgres' || !database.listen) return async () => {};
  listeners.registered++;
  let up = false;
  const stop = database.listen(READ_CACHE.channel, {
    message(payload) {
      try {
        const m = JSON.parse(payload) as { o: string; t: string[] };
        if (m.o !== ORIGIN) bump(m.t);
      } catch (e) {
        log.warn({ err: e }, 'unreadable read-cache notification');
        epoch++;
      }
    },
    up() {
      epoch++;
      if (!up) listeners.connected++;
      up = true;
    },
    down(err) {
      if (up) listeners.connected--;
      up = false;
      log.warn({ err }, 'read-cache listener lost its connection; the cache is bypassed until it is back');
    },
  });
  return async () => {
    await stop();
    if (up) listeners.connected--;
    listeners.registered--;
  };
}

/** Entries and memory now (for health and the bench). */
export const readCacheStats = () => ({ entries: entries.size, bytes: entries.calculatedSize, enabled: available() });
