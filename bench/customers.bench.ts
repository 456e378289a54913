/**
 * `npm run bench -- customers`: the customers domain at size, against a Siyu server on 127.0.0.1.
 * - import 100k rows (CSV and XLSX) through the API, then the same file again (idempotent re-import);
 * - event ingestion through POST /api/admin/customer-events, batches of 1,000;
 * - the customer list with three filters at 1M customers (PostgreSQL only: with DATABASE_URL set, a
 *   dedicated database `<name>_bench_customers` is created, 1M customers are loaded set-based with
 *   generate_series, then the list is loaded with autocannon).
 * Every loop is bounded in count and time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSiyu } from '@siyu/core';
import { createTenant } from '@siyu/core/access';
import * as customers from '@siyu/core/customers';
import { inTransaction, loadConfig } from '@siyu/core/platform';
import { csvOf, freshDatabase, loadMillion, sheetRows, xlsxOf } from './customers-data';
import { BENCH_SECRET_KEY, engine, load, machine, type Row, record, startServer } from './harness';

const ROWS = 100_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Session = { url: string; cookie: string; csrf: string };

export async function login(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@demo.siyu.dev', password: 'siyu-demo' }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { url, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.csrfToken };
}

async function call<T>(
  s: Session,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
): Promise<T> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': type }) },
    body:
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? body
          : Buffer.isBuffer(body)
            ? new Uint8Array(body)
            : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

type Job = {
  id: string;
  status: string;
  total: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  startedAt: string | null;
  finishedAt: string | null;
  stats: Record<string, number>;
  suggestedMapping: Record<string, string | null>;
};

/** Uploads and runs one import; rows/s over the job's own start and finish. Bounded to 10 minutes. */
export async function importOnce(
  s: Session,
  name: string,
  fileName: string,
  body: string | Buffer,
  type: string,
): Promise<Row> {
  const t0 = Date.now();
  const up = await call<Job>(
    s,
    'POST',
    `/api/admin/customer-imports?fileName=${encodeURIComponent(fileName)}`,
    body,
    type,
  );
  await call<Job>(s, 'POST', `/api/admin/customer-imports/${up.id}/start`, { mapping: up.suggestedMapping });
  let job = up;
  let lastProgress = -1;
  let progressUpdates = 0;
  while (Date.now() - t0 < 600_000) {
    await new Promise((r) => setTimeout(r, 500));
    job = await call<Job>(s, 'GET', `/api/admin/customer-imports/${up.id}`);
    if (job.processed !== lastProgress) progressUpdates++;
    lastProgress = job.processed;
    if (job.status === 'done' || job.status === 'failed') break;
  }
  if (job.status !== 'done') throw new Error(`${name}: import ended ${job.status}`);
  const seconds = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt!)) / 1000;
  return {
    name,
    throughput: `${Math.round(job.processed / seconds)} rows/s`,
    p50: '',
    p99: '',
    note: `${job.processed} rows in ${seconds.toFixed(1)} s (wall ${((Date.now() - t0) / 1000).toFixed(1)} s incl. upload); ${job.succeeded} ok, ${job.failed} rejected; ${JSON.stringify(job.stats)}; progress seen moving ${progressUpdates}×`,
  };
}

/** POST /api/admin/customer-events, 1,000 events a request, for up to `seconds` or 50 requests. */
/** `clients` concurrent senders, each posting batches of 1,000 events until `seconds` or 50 batches in all. */
export async function ingest(
  s: Session,
  name: string,
  customerIds: string[],
  seconds: number,
  clients = 1,
): Promise<Row> {
  const t0 = Date.now();
  let accepted = 0;
  let batches = 0;
  const times: number[] = [];
  const sender = async () => {
    while (Date.now() - t0 < seconds * 1000 && batches < 50) {
      const b = batches++;
      const events = Array.from({ length: 1000 }, (_, i) => ({
        customerId: customerIds[(b * 1000 + i) % customerIds.length],
        type: ['product.viewed', 'page.viewed', 'cart.added'][i % 3],
        properties: { product: '燕麦拿铁', n: i },
        idempotencyKey: `bench-${t0}-${b}-${i}`,
        source: 'bench',
      }));
      const b0 = Date.now();
      const r = await call<{ accepted: number }>(s, 'POST', '/api/admin/customer-events', { events });
      accepted += r.accepted; // after the await: concurrent senders must not add to a stale total
      times.push(Date.now() - b0);
    }
  };
  await Promise.all(Array.from({ length: clients }, sender));
  const elapsed = (Date.now() - t0) / 1000;
  times.sort((x, y) => x - y);
  return {
    name,
    throughput: `${Math.round(accepted / elapsed)} events/s`,
    p50: `${times[Math.floor(times.length / 2)]} ms`,
    p99: `${times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]} ms`,
    note: `${accepted} events in ${batches} requests of 1,000 over ${customerIds.length} customers, ${clients} client(s); latency per request`,
  };
}

/**
 * The same events in process, without HTTP: recordEvents, then the outbox delivered (tag rules
 * evaluated for the batch's customers) — against history loaded without announcing.
 */
export async function ingestInProcess(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-ingest-'));
  const rt = await startSiyu(
    loadConfig({ ...process.env, SIYU_DATA_DIR: dataDir, SIYU_LOG_LEVEL: 'silent', SIYU_SECRET_KEY: BENCH_SECRET_KEY }),
  );
  try {
    const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'bench' } });
    const slug = `bench-${Date.now()}`;
    const owner = { name: 'Bench', email: `${slug}@bench.test`, password: 'bench-pass-123' };
    const { tenantId } = await inTransaction(base, (tx) => createTenant(tx.db, tx.clock, { slug, name: slug, owner }));
    const ctx = rt.ctx({ tenantId, actor: { kind: 'system', name: 'bench' } });
    const people = Array.from({ length: 1000 }, (_, i) => ({
      identities: [{ kind: 'phone' as const, value: `187${String(i).padStart(8, '0')}` }],
      attributes: {},
      source: 'bench',
    }));
    const ids = (
      await inTransaction(ctx, (tx) =>
        customers.resolveCustomersBatch(tx, people, { update: 'fill', tagGroup: 'bench', addedBy: null }),
      )
    ).map((o) => o.customerId);
    await inTransaction(ctx, async (tx) => {
      const group = await customers.createTagGroup(tx, { name: '兴趣', selectMode: 'multi', sort: 0 });
      const tag = await customers.createTag(tx, { groupId: group.id, name: '燕麦拿铁爱好者', sort: 0 });
      await customers.createTagRule(tx, {
        name: '30 天浏览燕麦拿铁 ≥ 3 次',
        tagId: tag.id,
        enabled: true,
        removeWhenFalse: false,
        condition: { all: [{ event: 'product.viewed', withinDays: 30, min: 3, where: { product: '燕麦拿铁' } }] },
      });
    });
    await rt.drain({ tenantId });
    /** `minutesApart`: each batch a minute after the previous, so every customer's last activity is rewritten. */
    const batch = (tag: string, b: number, over: number, minutesApart: boolean) =>
      Array.from({ length: 1000 }, (_, i) => ({
        customerId: ids[(b * 1000 + i) % over]!,
        type: ['product.viewed', 'page.viewed', 'cart.added'][i % 3]!,
        properties: { product: '燕麦拿铁' },
        source: 'bench',
        occurredAt: minutesApart ? new Date(Date.now() - (60 - b) * 61_000) : undefined,
        idempotencyKey: `${tag}-${over}-${b}-${i}`,
      }));
    const measure = async (name: string, over: number, announce: boolean, seconds: number, minutesApart = false) => {
      const t0 = Date.now();
      let n = 0;
      let b = 0;
      for (; b < 50 && Date.now() - t0 < seconds * 1000; b++) {
        const events = batch(name, b, over, minutesApart);
        n += (await inTransaction(ctx, (tx) => customers.recordEvents(tx, events, { announce }))).accepted;
        await rt.drain({ tenantId });
      }
      const s = (Date.now() - t0) / 1000;
      return {
        name,
        throughput: `${Math.round(n / s)} events/s`,
        p50: '',
        p99: '',
        note: `${n} events in ${b} batches of 1,000 over ${over} customers, in process${announce ? '; incl. delivering the outbox: one tag rule on product.viewed evaluated for the batch' : ''}`,
      };
    };
    return [
      await measure('recordEvents (in process), batches of 1,000 over 1,000 customers', 1000, true, 30),
      await measure(
        'recordEvents (in process), batches of 1,000 over 1,000 customers, a minute apart (every customers row rewritten)',
        1000,
        true,
        30,
        true,
      ),
      await measure('recordEvents (in process), batches of 1,000 over 20 customers', 20, true, 30),
      await measure('recordEvents without announcing (history), over 1,000 customers', 1000, false, 30),
    ];
  } finally {
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function customerIds(s: Session, n: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < n) {
    const q = `/api/admin/customers?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { items: { id: string }[]; nextCursor: string | null } = await call(s, 'GET', q);
    ids.push(...page.items.map((c) => c.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids.slice(0, n);
}

export async function run() {
  if (engine === 'postgres') process.env.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL!);
  const started = Date.now();
  const server = await startServer();
  const rows: Row[] = [];
  const notes = [
    `Server start with the demo seed (5,000 customers, 12 months of timeline): ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  ];
  try {
    const s = await login(server.url);
    const data = sheetRows(ROWS);
    const csv = csvOf(data);
    rows.push(await importOnce(s, 'import 100k rows, CSV (new customers)', 'bench.csv', csv, 'text/csv'));
    rows.push(
      await importOnce(s, 're-import the same 100k rows (idempotent: nothing changes)', 'bench.csv', csv, 'text/csv'),
    );
    const xlsx = await xlsxOf(sheetRows(ROWS).map((r) => [r[0]!, r[1]!.replace(/^188/, '186'), ...r.slice(2)]));
    rows.push(await importOnce(s, 'import 100k rows, XLSX (new customers)', 'bench.xlsx', xlsx, XLSX));
    const ids = await customerIds(s, 1000);
    for (const clients of [1, 4]) {
      const what = `event ingestion, 1,000 events/request, ${clients} client(s)`;
      rows.push(await ingest(s, `${what}, over 1,000 customers`, ids, 60, clients));
      rows.push(await ingest(s, `${what}, over 20 customers`, ids.slice(0, 20), 60, clients));
    }
    if (engine === 'postgres') {
      const t0 = Date.now();
      const m = await loadMillion(process.env.DATABASE_URL!);
      notes.push(
        `Loaded 1,000,000 customers with generate_series (+ ~300k tags) and VACUUM ANALYZE in ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
      );
      const headers = { cookie: s.cookie };
      const list = (q: string) => `${server.url}/api/admin/customers?limit=50&${q}`;
      const three = 'stage=active&sourceChannel=%E9%97%A8%E5%BA%97%E6%89%AB%E7%A0%81&birthMonth=5';
      const tagged = `tagsAny=${m.tag}&stage=loyal&ownerId=${m.staff}`;
      const cases: [string, string][] = [
        ['stage + sourceChannel + birthMonth', three],
        ['tag + stage + owner', tagged],
        ['no filter (first page)', ''],
      ];
      for (const [label, q] of cases) {
        const n = (await call<{ count: number }>(s, 'GET', `/api/admin/customers/count?${q}`)).count;
        for (const connections of [1, 10]) {
          const r = await load(`list at 1.2M: ${label}, ${connections} client(s)`, {
            url: list(q),
            headers,
            connections,
            duration: 10,
          });
          rows.push({ ...r, note: `${n} match; 50 a page` });
        }
      }
    }
  } finally {
    await server.stop();
  }
  rows.push(...(await ingestInProcess()));
  notes.push(
    `Server in its own process (inline worker runs the jobs), bench client in this one; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${machine()}.`,
  );
  notes.push(
    'Targets: import ≥ 5,000 rows/s; list p99 ≤ 150 ms at 1M customers on PostgreSQL; ingestion ≥ 10,000 events/s.',
  );
  record('customers', rows, notes);
}
