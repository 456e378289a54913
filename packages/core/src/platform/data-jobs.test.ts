import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { createTestTenant, testRuntime } from '../testing';
import {
  addJobErrors,
  allJobErrors,
  createDataJob,
  fileStore,
  finishDataJob,
  getDataJob,
  jobFileKey,
  listDataJobs,
  listJobErrors,
  localFileStore,
  reportProgress,
  startDataJob,
} from './data-jobs';
import { AppError } from './errors';

const text = async (s: Readable) => {
  let out = '';
  for await (const c of s) out += String(c);
  return out;
};

describe('file store', () => {
  it('puts buffers and streams under the root, reads them back, sizes and removes them', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-files-'));
    const store = localFileStore(root);
    assert.deepEqual(await store.put('ten_1/job_1/a.csv', Buffer.from('a,b\n')), { size: 4 });
    await store.put('ten_1/job_1/b.csv', Readable.from(['x', 'y']));
    assert.equal(await text(await store.open('ten_1/job_1/b.csv')), 'xy');
    assert.equal(await store.size('ten_1/job_1/a.csv'), 4);
    assert.equal(await store.size('ten_1/job_1/none.csv'), null);
    assert.ok(fs.existsSync(path.join(root, 'ten_1/job_1/a.csv')));
    await assert.rejects(store.open('ten_1/job_1/none.csv'), (e) => e instanceof AppError && e.status === 404);
    await store.removeAll('ten_1/job_1');
    assert.equal(await store.size('ten_1/job_1/a.csv'), null);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses keys that could leave the root', async () => {
    const store = localFileStore(os.tmpdir());
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', ''])
      await assert.rejects(store.put(key, Buffer.from('x')), /bad file key/, key);
  });

  it('lives in <SIYU_DATA_DIR>/files by default', () => {
    assert.equal(jobFileKey('ten_1', 'job_2', 'input.csv'), 'ten_1/job_2/input.csv');
    assert.ok(fileStore());
  });
});

describe('data jobs', () => {
  it('create, run with progress, report errors page by page, finish; 404 for other tenants', async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt);
    const other = await createTestTenant(rt);
    const job = await createDataJob(t.ctx, {
      kind: 'import',
      entity: 'customers',
      fileName: 'a.csv',
      params: { format: 'csv' },
    });
    assert.match(job.id, /^job_/);
    assert.deepEqual([job.status, job.processed, job.createdBy], ['queued', 0, t.ownerId]);
    await startDataJob(t.ctx, job.id);
    await reportProgress(t.ctx, job.id, { total: 2500, processed: 1000, succeeded: 990, failed: 10 });
    let row = await getDataJob(t.ctx, job.id, 'import', 'customers');
    assert.deepEqual(
      [row.status, row.total, row.processed, row.succeeded, row.failed],
      ['running', 2500, 1000, 990, 10],
    );
    assert.ok(row.startedAt);

    const errors = Array.from({ length: 1203 }, (_, i) => ({
      rowNo: i + 2,
      errors: [{ field: '手机', message: 'bad' }],
      raw: { 手机: String(i) },
    }));
    await addJobErrors(t.ctx, job.id, errors);
    await addJobErrors(t.ctx, job.id, [{ rowNo: 2, errors: [{ field: '邮箱', message: 'again' }], raw: {} }]);
    const page = await listJobErrors(t.ctx, job.id, { limit: 2 });
    assert.deepEqual(
      page.items.map((e) => e.rowNo),
      [2, 3],
    );
    assert.equal(page.items[0]!.errors[0]!.message, 'again');
    assert.equal(page.nextCursor, '3');
    assert.deepEqual(
      (await listJobErrors(t.ctx, job.id, { afterRow: 1203, limit: 5 })).items.map((e) => e.rowNo),
      [1204],
    );
    let n = 0;
    for await (const _ of allJobErrors(t.ctx, job.id)) n++;
    assert.equal(n, 1203);

    await finishDataJob(t.ctx, job.id, { status: 'done', params: { stats: { created: 1 } } });
    row = await getDataJob(t.ctx, job.id, 'import', 'customers');
    assert.equal(row.status, 'done');
    assert.deepEqual(row.params, { format: 'csv', stats: { created: 1 } });
    assert.ok(row.finishedAt);

    await startDataJob(t.ctx, job.id); // a retry starts over
    row = await getDataJob(t.ctx, job.id, 'import', 'customers');
    assert.deepEqual([row.status, row.processed, row.finishedAt], ['running', 0, null]);
    assert.equal((await listJobErrors(t.ctx, job.id, { limit: 5 })).items.length, 0);

    const is404 = (e: unknown) => e instanceof AppError && e.status === 404;
    await assert.rejects(getDataJob(other.ctx, job.id, 'import', 'customers'), is404);
    await assert.rejects(getDataJob(t.ctx, job.id, 'export', 'customers'), is404);
    assert.equal((await listDataJobs(other.ctx, 'import', 'customers', { limit: 10 })).items.length, 0);
  });

  it('lists newest first with a cursor, optionally only one creator’s', async () => {
    const { rt, clock } = await testRuntime();
    const t = await createTestTenant(rt);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      ids.push((await createDataJob(t.ctx, { kind: 'export', entity: 'customers' })).id);
    }
    const first = await listDataJobs(t.ctx, 'export', 'customers', { limit: 2 });
    assert.deepEqual(
      first.items.map((j) => j.id),
      [ids[2], ids[1]],
    );
    const second = await listDataJobs(t.ctx, 'export', 'customers', { limit: 2, cursor: first.nextCursor! });
    assert.deepEqual([second.items.map((j) => j.id), second.nextCursor], [[ids[0]], null]);
    assert.equal((await listDataJobs(t.ctx, 'export', 'customers', { limit: 9 }, 'stf_someone_else')).items.length, 0);
  });
});
