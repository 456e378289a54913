import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { TEST_PASSWORD } from '@siyu/core/testing';
import ExcelJS from 'exceljs';
import { type Agent, loginAs, ownerOfNewTenant, type Res } from '../testing';

const IMPORTS = '/api/admin/customer-imports';
const EXPORTS = '/api/admin/customer-exports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CSV = [
  '姓名,手机号,性别,生日,邮箱,标签,来源',
  '张三,13800138000,男,1990-01-02,zs@example.com,"VIP,老客",门店',
  '李四,13800138001,女,1991/2/3,,VIP,',
  '王五,12345,男,1990-02-30,bad-mail,,',
  ' , ,,,,,',
  '赵六,,女,,,,',
  '张三,138 0013 8000,,,,新标签,',
].join('\r\n');

/** The raw-body upload, as the admin console sends it: the file is the body, the name in the query. */
async function upload(agent: Agent, fileName: string, body: string | Buffer, type = 'text/csv'): Promise<Res> {
  const res = await agent.app.inject({
    method: 'POST',
    url: `${IMPORTS}?fileName=${encodeURIComponent(fileName)}`,
    remoteAddress: agent.ip,
    headers: {
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': agent.csrf ?? '',
      'content-type': type,
    },
    payload: body,
  });
  let data = null;
  try {
    data = JSON.parse(res.body);
  } catch {}
  return Object.assign(res, { data });
}

/** Runs due jobs until the job at `url` ends (on PostgreSQL another test process may have picked it up). */
async function settle(agent: Agent, drain: () => Promise<void>, url: string) {
  for (let i = 0; i < 600; i++) {
    await drain();
    const res = await agent.get(url);
    if (res.data?.status === 'done' || res.data?.status === 'failed') return res.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not finish`);
}

async function importFile(
  agent: Agent,
  drain: () => Promise<void>,
  fileName: string,
  body: string | Buffer,
  type?: string,
) {
  const up = await upload(agent, fileName, body, type);
  assert.equal(up.statusCode, 201, up.body);
  const started = await agent.post(`${IMPORTS}/${up.data.id}/start`, { mapping: up.data.suggestedMapping });
  assert.equal(started.statusCode, 200, started.body);
  const done = await settle(agent, drain, `${IMPORTS}/${up.data.id}`);
  assert.equal(done.status, 'done', JSON.stringify(done));
  return done;
}

async function exportAll(agent: Agent, drain: () => Promise<void>, body: Record<string, unknown> = {}) {
  const created = await agent.post(EXPORTS, body);
  assert.equal(created.statusCode, 201, created.body);
  const job = await settle(agent, drain, `${EXPORTS}/${created.data.id}`);
  assert.equal(job.status, 'done', JSON.stringify(job));
  const file = await agent.get(job.downloadUrl);
  assert.equal(file.statusCode, 200, file.body);
  return { job, file };
}

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('customer imports', () => {
  it('uploads, suggests a mapping, imports the good rows, reports the bad ones; a re-import changes nothing', async () => {
    const { agent, rt, tenant } = await ownerOfNewTenant();
    const drain = () => rt.drain({ tenantId: tenant.tenantId });
    const up = await upload(agent, '客户.csv', CSV);
    assert.equal(up.statusCode, 201, up.body);
    assert.deepEqual(up.data.columns, ['姓名', '手机号', '性别', '生日', '邮箱', '标签', '来源']);
    assert.deepEqual(up.data.suggestedMapping, {
      姓名: 'name',
      手机号: 'phone',
      性别: 'gender',
      生日: 'birthday',
      邮箱: 'email',
      标签: 'tags',
      来源: 'source',
    });
    assert.deepEqual(up.data.sample[0], [
      '张三',
      '13800138000',
      '男',
      '1990-01-02',
      'zs@example.com',
      'VIP,老客',
      '门店',
    ]);
    assert.deepEqual([up.data.status, up.data.mapping, up.data.format], ['queued', null, 'csv']);
    const bad = await agent.post(`${IMPORTS}/${up.data.id}/start`, { mapping: { 姓名: 'name' } });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.data.error.message, /phone/);
    const started = await agent.post(`${IMPORTS}/${up.data.id}/start`, { mapping: up.data.suggestedMapping });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(
      (await agent.post(`${IMPORTS}/${up.data.id}/start`, { mapping: up.data.suggestedMapping })).statusCode,
      409,
    );
    const job = await settle(agent, drain, `${IMPORTS}/${up.data.id}`);
    assert.deepEqual(
      [job.status, job.total, job.processed, job.succeeded, job.failed, job.stats],
      ['done', 5, 5, 3, 2, { created: 2, updated: 1, unchanged: 0 }],
    );
    const errors = await agent.get(`${IMPORTS}/${up.data.id}/errors?limit=1`);
    assert.equal(errors.statusCode, 200, errors.body);
    assert.deepEqual(errors.data.items[0].rowNo, 4);
    assert.deepEqual(
      errors.data.items[0].errors.map((e: { field: string }) => e.field),
      ['手机号', '生日', '邮箱'],
    );
    assert.equal(errors.data.items[0].raw.姓名, '王五');
    const rest = await agent.get(`${IMPORTS}/${up.data.id}/errors?cursor=${errors.data.nextCursor}`);
    assert.deepEqual([rest.data.items.map((e: { rowNo: number }) => e.rowNo), rest.data.nextCursor], [[6], null]);
    const report = await agent.get(`${IMPORTS}/${up.data.id}/errors.csv`);
    assert.equal(report.statusCode, 200);
    assert.match(String(report.headers['content-type']), /text\/csv/);
    assert.match(
      String(report.headers['content-disposition']),
      /attachment; .*filename\*=UTF-8''%E5%AE%A2%E6%88%B7-errors\.csv/,
    );
    const lines = csvLines(report.body);
    assert.equal(lines[0], '行号 row,错误 errors,姓名,手机号,性别,生日,邮箱,标签,来源');
    assert.match(
      lines[1]!,
      /^4,手机号: must be an 11-digit mainland mobile number; 生日: must be a date that exists; 邮箱: .*,王五,12345,/,
    );
    assert.match(lines[2]!, /^6,"手机号: is empty: a row needs a phone, email, unionid or another identity",赵六,,女/);

    const exported = csvLines((await exportAll(agent, drain)).file.body);
    assert.equal(exported.length, 3);
    const zhang = exported.find((l) => l.includes('张三'))!;
    assert.match(
      zhang,
      /张三,,男,13800138000,zs@example.com,1990-01-02,,,,,门店,potential,"VIP,老客,新标签"|张三,,男,13800138000,zs@example.com,1990-01-02,,,,,门店,potential,"[^"]*"/,
    );
    for (const t of ['VIP', '老客', '新标签']) assert.ok(zhang.includes(t), zhang);

    const again = await importFile(agent, drain, '客户.csv', CSV);
    assert.deepEqual([again.succeeded, again.failed, again.stats], [3, 2, { created: 0, updated: 0, unchanged: 3 }]);
    assert.equal(csvLines((await exportAll(agent, drain)).file.body).length, 3);

    const audit = await agent.get('/api/admin/audit-log?action=customer_&limit=50');
    const actions = audit.data.items.map((a: { action: string }) => a.action);
    for (const a of [
      'customer_import.upload',
      'customer_import.start',
      'customer_import.finish',
      'customer_export.create',
      'customer_export.download',
    ])
      assert.ok(actions.includes(a), `${a} in ${actions}`);
  });

  it('imports XLSX: dates and numeric phones as a spreadsheet holds them', async () => {
    const { agent, rt, tenant } = await ownerOfNewTenant();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['客户姓名', '手机', '出生日期', '省份', '城市']);
    ws.addRow(['钱七', 13900139000, new Date(Date.UTC(1988, 4, 6)), '浙江', '杭州']);
    ws.addRow(['孙八', 13900139001, '1992-07-08', '广东', '深圳']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(agent, () => rt.drain({ tenantId: tenant.tenantId }), 'list.xlsx', body, XLSX);
    assert.deepEqual([job.format, job.total, job.succeeded, job.failed, job.stats.created], ['xlsx', 2, 2, 0, 2]);
    const { file } = await exportAll(agent, () => rt.drain({ tenantId: tenant.tenantId }), { format: 'csv' });
    assert.ok(file.body.includes('钱七,,未知,13900139000,,1988-05-06,,浙江,杭州'), file.body);
  });

  it('imports openids of one WeChat app: the mapping names the app; without it 400 names the column', async () => {
    const { agent, rt, tenant } = await ownerOfNewTenant();
    const known = await agent.post('/api/admin/customers', { name: '周九' });
    await agent.post(`/api/admin/customers/${known.data.id}/identities`, {
      kind: 'openid',
      namespace: 'wxapp1',
      value: 'o_app1_001',
    });
    const up = await upload(agent, 'fans.csv', '姓名,公众号openid\r\n周九,o_app1_001\r\n吴十,o_app1_002\r\n');
    assert.equal(up.statusCode, 201, up.body);
    const bare = await agent.post(`${IMPORTS}/${up.data.id}/start`, {
      mapping: { 姓名: 'name', 公众号openid: 'identity:openid' },
    });
    assert.equal(bare.statusCode, 400, bare.body);
    assert.deepEqual(
      bare.data.error.details.issues.map((i: { path: string }) => i.path),
      ['mapping.公众号openid'],
    );
    assert.match(bare.data.error.message, /openid needs its app id/);
    const started = await agent.post(`${IMPORTS}/${up.data.id}/start`, {
      mapping: { 姓名: 'name', 公众号openid: 'identity:openid:wxapp1' },
    });
    assert.equal(started.statusCode, 200, started.body);
    const job = await settle(agent, () => rt.drain({ tenantId: tenant.tenantId }), `${IMPORTS}/${up.data.id}`);
    assert.deepEqual([job.status, job.succeeded, job.stats.created], ['done', 2, 1], JSON.stringify(job));
    const list = await agent.get(`/api/admin/customers?q=${encodeURIComponent('吴十')}`);
    const wu = await agent.get(`/api/admin/customers/${list.data.items[0].id}`);
    assert.deepEqual(
      wu.data.identities.map((i: { kind: string; namespace: string; value: string }) => [i.kind, i.namespace, i.value]),
      [['openid', 'wxapp1', 'o_app1_002']],
    );
    assert.equal((await agent.get('/api/admin/customers/count')).data.count, 2, '周九 was matched by her openid');
  });

  it('refuses files that are not CSV or XLSX, naming the file; an empty body; JSON', async () => {
    const { agent } = await ownerOfNewTenant();
    const pdf = await upload(agent, 'report.pdf', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), 'application/pdf');
    assert.equal(pdf.statusCode, 400, pdf.body);
    assert.equal(pdf.data.error.code, 'UNSUPPORTED_FILE');
    assert.match(pdf.data.error.message, /report\.pdf is not a CSV or XLSX file/);
    const fakeXlsx = await upload(agent, 'x.xlsx', Buffer.from('PK\u0003\u0004garbage'), XLSX);
    assert.equal(fakeXlsx.statusCode, 400, fakeXlsx.body);
    assert.match(fakeXlsx.data.error.message, /x\.xlsx could not be read as XLSX/);
    const empty = await upload(agent, 'a.csv', '');
    assert.equal(empty.statusCode, 400, empty.body);
    const json = await agent.post(`${IMPORTS}?fileName=a.csv`, { a: 1 });
    assert.equal(json.statusCode, 400, json.body);
    assert.match(json.data.error.message, /a\.csv is not a CSV or XLSX file/);
    assert.equal((await upload(agent, 'a.csv', '\r\n\r\n')).data.error.code, 'EMPTY_FILE');
    const big = `姓名,手机\n${'张三,13800138000\n'.repeat(100_000)}`; // 2 MB: above the app's 1 MB JSON limit
    assert.equal((await upload(agent, 'big.csv', big)).statusCode, 201);
    const huge = await upload(agent, 'huge.csv', Buffer.alloc(50 * 1024 * 1024 + 1, 'a'));
    assert.equal(huge.statusCode, 413, huge.body);
  });

  it('answers 404 for another tenant’s job ids on every :id route, 403 without the permission', async () => {
    const a = await ownerOfNewTenant();
    const b = await ownerOfNewTenant();
    const imp = (await upload(a.agent, 'a.csv', CSV)).data.id;
    const exp = (await a.agent.post(EXPORTS, {})).data.id;
    const mapping = { mapping: { 手机号: 'phone' } };
    for (const res of [
      await b.agent.get(`${IMPORTS}/${imp}`),
      await b.agent.post(`${IMPORTS}/${imp}/start`, mapping),
      await b.agent.get(`${IMPORTS}/${imp}/errors`),
      await b.agent.get(`${IMPORTS}/${imp}/errors.csv`),
      await b.agent.get(`${EXPORTS}/${exp}`),
      await b.agent.get(`${EXPORTS}/${exp}/download`),
      await a.agent.get(`${EXPORTS}/${imp}`),
      await a.agent.get(`${IMPORTS}/${exp}`),
    ])
      assert.equal(res.statusCode, 404, res.body);
    assert.equal((await b.agent.get(IMPORTS)).data.items.length, 0);
    assert.equal((await a.agent.get(`${EXPORTS}/${exp}/download`)).statusCode, 409, 'not ready before the job ran');

    const roles = (await a.agent.get('/api/admin/roles')).data.items as { key: string | null; id: string }[];
    const email = `an-${randomBytes(4).toString('hex')}@x.test`;
    const analyst = roles.find((r) => r.key === 'analyst')!.id;
    await a.agent.post('/api/admin/staff', {
      name: '分析',
      email,
      mode: 'password',
      password: TEST_PASSWORD,
      roleIds: [analyst],
    });
    const reader = await loginAs(a.app, email, TEST_PASSWORD);
    assert.equal((await upload(reader, 'a.csv', CSV)).statusCode, 403);
    assert.equal((await reader.post(EXPORTS, {})).statusCode, 403);
  });
});

describe('customer exports', () => {
  it('exports the filtered list as XLSX; masks phones without customers.pii; a narrow scope sees its own only', async () => {
    const { agent, app, rt, tenant } = await ownerOfNewTenant();
    const drain = () => rt.drain({ tenantId: tenant.tenantId });
    await importFile(agent, drain, 'c.csv', CSV);
    const { job, file } = await exportAll(agent, drain, { filter: { sourceChannel: '门店' }, format: 'xlsx' });
    assert.deepEqual([job.total, job.processed, job.succeeded, job.format], [1, 1, 1, 'xlsx']);
    assert.match(String(file.headers['content-disposition']), /customers-\d{8}-\d{4}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    assert.equal(rows.length, 2);
    assert.deepEqual(
      Array.from(rows[1]!.slice(2, 7), (v) => v ?? ''),
      ['张三', '', '男', '13800138000', 'zs@example.com'],
    );

    const roles = (await agent.get('/api/admin/roles')).data.items as { key: string | null; id: string }[];
    const hire = async (roleIds: string[]) => {
      const email = `s-${randomBytes(4).toString('hex')}@x.test`;
      const res = await agent.post('/api/admin/staff', {
        name: '员工',
        email,
        mode: 'password',
        password: TEST_PASSWORD,
        roleIds,
      });
      assert.equal(res.statusCode, 201, res.body);
      return loginAs(app, email, TEST_PASSWORD);
    };
    const operator = await hire([roles.find((r) => r.key === 'operator')!.id]);
    const masked = await exportAll(operator, drain);
    assert.ok(masked.file.body.includes('138****8000'), masked.file.body);
    assert.ok(!masked.file.body.includes('13800138000'));
    assert.ok(masked.file.body.includes('z***@example.com'));

    const own = await agent.post('/api/admin/roles', {
      name: '导出自己的',
      permissions: ['customers.read', 'customers.export'],
      dataScope: 'self',
    });
    const narrow = await hire([own.data.id]);
    const mine = await exportAll(narrow, drain);
    assert.equal(mine.job.total, 0);
    assert.equal(csvLines(mine.file.body).length, 1, 'the header only');
    assert.equal((await narrow.get(`${EXPORTS}/${masked.job.id}`)).statusCode, 404, "another staff member's export");
    assert.deepEqual(
      (await narrow.get(EXPORTS)).data.items.map((j: { id: string }) => j.id),
      [mine.job.id],
    );
  });
});
