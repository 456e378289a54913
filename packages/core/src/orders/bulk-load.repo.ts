import { getTableColumns, sql, type Table } from 'drizzle-orm';
import type { Db } from '../platform';
import { orderLines, orders, orderTransitions, payments, shipments } from './orders.tables';

export type BulkRows = {
  orders: (typeof orders.$inferInsert)[];
  lines: (typeof orderLines.$inferInsert)[];
  transitions: (typeof orderTransitions.$inferInsert)[];
  payments: (typeof payments.$inferInsert)[];
  shipments: (typeof shipments.$inferInsert)[];
};

/** Rows a statement: one JSON parameter each, whatever the number of columns. */
const CHUNK = 5000;

/**
 * Inserts rows as one jsonb parameter a statement (`jsonb_to_recordset`, typed from the table's own
 * columns). Only the columns the first row names are written (the others get their defaults); a
 * column with one value in every row of a statement travels once, not once a row, and the keys are
 * short: on PGlite the cost of a statement grows with the bytes of its JSON.
 */
async function insertMany<T extends Table>(db: Db, table: T, rows: T['$inferInsert'][]) {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK) as Record<string, unknown>[];
    const json = columns.map(([key]) => part.map((r) => JSON.stringify(r[key] ?? null)));
    const same = json.map((values) => values.every((v) => v === values[0]));
    const varying = columns.flatMap((c, k) => (same[k] ? [] : [{ k, c: c[1] }]));
    const values = part.map((_, r) => `{${varying.map(({ k }) => `"c${k}":${json[k]![r]}`).join(',')}}`);
    const select = columns.map(([, c], k) =>
      same[k] ? sql`(${json[k]![0]}::jsonb #>> '{}')::${sql.raw(c.getSQLType())}` : sql.raw(`x.c${k}`),
    );
    const types = sql.raw(varying.map(({ k, c }) => `c${k} ${c.getSQLType()}`).join(', ') || 'c text');
    const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
    await db.execute(
      sql`insert into ${table} (${names}) select ${sql.join(select, sql`, `)}
          from jsonb_to_recordset(${`[${values.join(',')}]`}::jsonb) as x(${types})`,
    );
  }
}

/** Writes loaded orders with their lines, history, payment attempts and parcels, a statement per 5,000 rows. */
export async function insertOrderHistory(db: Db, rows: BulkRows) {
  await insertMany(db, orders, rows.orders);
  await insertMany(db, orderLines, rows.lines);
  await insertMany(db, orderTransitions, rows.transitions);
  await insertMany(db, payments, rows.payments);
  await insertMany(db, shipments, rows.shipments);
}
