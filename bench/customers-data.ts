/** Data for bench/customers.bench.ts: the 100k-row sheet, and 1M customers loaded set-based on PostgreSQL. */
import ExcelJS from 'exceljs';
import pg from 'pg';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静强磊洋艳勇军杰娟涛明超秀霞平刚';

/** Deterministic rows: name, phone (block 188 xxxx xxxx), gender, birthday, city, tags; 1% bad phones. */
export function sheetRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    SURNAMES[i % 20]! + GIVEN[(i * 7) % 20]! + GIVEN[(i * 13) % 20]!,
    i % 100 === 99 ? `12${i}` : `188${String(i).padStart(8, '0')}`,
    i % 2 ? '女' : '男',
    `${1970 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    ['上海', '杭州', '苏州', '南京'][i % 4]!,
    ['VIP', '老客', 'VIP,咖啡爱好者', ''][i % 4]!,
  ]);
}
export const HEADER = ['姓名', '手机号', '性别', '生日', '城市', '标签'];

export const csvOf = (rows: string[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');

export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 1M customers in the demo tenant, set-based; ~30 % carry one of the demo tags. */
export async function loadMillion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [t],
    } = await client.query(`select id from tenants where slug = 'demo'`);
    const tenant = t.id as string;
    const stores = (
      await client.query(`select id from org_units where tenant_id = $1 and kind = 'store' order by id`, [tenant])
    ).rows.map((r) => r.id);
    const staff = (await client.query(`select id from staff where tenant_id = $1 order by id`, [tenant])).rows.map(
      (r) => r.id,
    );
    const tags = (await client.query(`select id from tags where tenant_id = $1 order by id`, [tenant])).rows.map(
      (r) => r.id,
    );
    const h = (p: number, m: number) => `(((g::bigint * ${p}) % 1000003) % ${m})`;
    for (let from = 1; from <= 1_000_000; from += 100_000) {
      await client.query(
        `insert into customers (tenant_id, id, name, gender, birthday, birth_month, province, city, phone, source_channel,
           stage, store_id, primary_owner_id, order_count, total_spent, last_active_at, custom, created_at, updated_at)
         select $1, 'cus_' || lpad(to_hex(g), 10, '0') || substr(md5(g::text), 1, 16),
           substr($2, 1 + ${h(7919, 20)}::int, 1) || substr($3, 1 + ${h(104729, 20)}::int, 1),
           (array['male','female','unknown'])[1 + ${h(31, 3)}], make_date(1960 + ${h(53, 45)}::int, 1 + ${h(97, 12)}::int, 1 + ${h(89, 28)}::int),
           1 + ${h(97, 12)}, '上海市', (array['上海市','杭州市','苏州市','南京市'])[1 + ${h(13, 4)}], '1770' || lpad(g::text, 7, '0'),
           (array['门店扫码','企微活码','小程序商城','美团','大众点评','老客推荐','抖音','线下活动'])[1 + ${h(17, 8)}],
           (array['potential','potential','new','active','active','loyal','dormant','churned'])[1 + ${h(19, 8)}],
           ($4::text[])[1 + ${h(23, 5)}], ($5::text[])[1 + ${h(29, 14)}], ${h(37, 20)}, ${h(41, 500000)},
           now() - (${h(43, 365)} || ' days')::interval, '{}', now() - interval '3 years' + g * interval '90 ms', now()
         from generate_series($6::int, $7::int) g`,
        [tenant, SURNAMES, GIVEN, stores, staff, from, from + 99_999],
      );
    }
    await client.query(
      `insert into customer_tags (tenant_id, customer_id, tag_id, source, added_at)
       select tenant_id, id, ($2::text[])[1 + (abs(hashtext(id)) % array_length($2::text[], 1))], 'import', now()
       from customers where tenant_id = $1 and phone like '1770%' and abs(hashtext(id || 't')) % 10 < 3
       on conflict do nothing`,
      [tenant, tags],
    );
    await client.query('vacuum analyze customers');
    await client.query('vacuum analyze customer_tags');
    return { tenant, tag: tags[0] as string, staff: staff.at(-1) as string };
  } finally {
    await client.end();
  }
}

/** A new empty database `<name>_bench_<area>` beside the one in `url`; returns its URL. */
export async function freshDatabase(url: string, area = 'customers'): Promise<string> {
  const u = new URL(url);
  const name = `${u.pathname.slice(1) || 'siyu'}_bench_${area}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return Object.assign(u, { pathname: `/${name}` }).toString();
}
