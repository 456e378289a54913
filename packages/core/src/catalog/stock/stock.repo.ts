import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform';
import { products, skus, stock, stockMovements } from '../catalog.tables';

export type StockReason = (typeof stockMovements.$inferSelect)['reason'];
export type MovementRow = typeof stockMovements.$inferSelect;

/** What a ledger row records besides the change itself. */
export type MovementMeta = {
  id: string;
  productId: string;
  reason: StockReason;
  reference: string | null;
  note: string | null;
  actorId: string | null;
  actorName: string | null;
  at: Date;
};
type Levels = { on_hand: number; reserved: number };

/** Writes the ledger row for a stock statement's returned levels, in the same statement. */
const ledger = (t: string, sku: string, loc: string, delta: number, rdelta: number, m: MovementMeta, change: SQL) =>
  sql`with s as (${change} returning on_hand, reserved)
    insert into ${stockMovements} (tenant_id, id, sku_id, product_id, location_id, delta, reserved_delta,
      on_hand_after, reserved_after, reason, reference, note, actor_id, actor_name, at)
    select ${t}, ${m.id}, ${sku}, ${m.productId}, ${loc}, ${delta}, ${rdelta}, s.on_hand, s.reserved, ${m.reason},
      ${m.reference}, ${m.note}, ${m.actorId}, ${m.actorName}, ${m.at.toISOString()}::timestamptz from s
    returning on_hand_after as on_hand, reserved_after as reserved`;

/**
 * Changes on-hand units by `delta` unless that would take them below the reserved units; adds the
 * ledger row. Returns the levels after, or null when refused (the row is left as it was).
 */
export async function changeOnHand(db: Db, t: string, sku: string, loc: string, delta: number, m: MovementMeta) {
  const at = m.at.toISOString();
  const change =
    delta > 0
      ? sql`insert into ${stock} (tenant_id, sku_id, location_id, product_id, on_hand, reserved, updated_at)
          values (${t}, ${sku}, ${loc}, ${m.productId}, ${delta}, 0, ${at}::timestamptz)
          on conflict (tenant_id, sku_id, location_id) do update
          set on_hand = ${stock}.on_hand + excluded.on_hand, updated_at = excluded.updated_at`
      : sql`update ${stock} set on_hand = on_hand + ${delta}, updated_at = ${at}::timestamptz
          where tenant_id = ${t} and sku_id = ${sku} and location_id = ${loc} and on_hand + ${delta} >= reserved`;
  const [r] = rowsOf<Levels>(await db.execute(ledger(t, sku, loc, delta, 0, m, change)));
  return r ? { onHand: Number(r.on_hand), reserved: Number(r.reserved) } : null;
}

/** Reserves `qty` units when that many are available (on hand − reserved); the units left, or null when not. */
export async function reserveAt(db: Db, t: string, sku: string, loc: string, qty: number, m: MovementMeta) {
  const change = sql`update ${stock} set reserved = reserved + ${qty}, updated_at = ${m.at.toISOString()}::timestamptz
    where tenant_id = ${t} and sku_id = ${sku} and location_id = ${loc} and on_hand - reserved >= ${qty}`;
  const [r] = rowsOf<Levels>(await db.execute(ledger(t, sku, loc, 0, qty, m, change)));
  return r ? Number(r.on_hand) - Number(r.reserved) : null;
}

/** Gives reserved units back (release) or takes them out of on-hand too (ship); the units available after, or null when not reserved. */
export async function settleReserved(
  db: Db,
  t: string,
  sku: string,
  loc: string,
  qty: number,
  ship: boolean,
  m: MovementMeta,
) {
  const onHand = ship ? sql`on_hand - ${qty}` : sql`on_hand`;
  const change = sql`update ${stock} set reserved = reserved - ${qty}, on_hand = ${onHand},
      updated_at = ${m.at.toISOString()}::timestamptz
    where tenant_id = ${t} and sku_id = ${sku} and location_id = ${loc} and reserved >= ${qty}`;
  const [r] = rowsOf<Levels>(await db.execute(ledger(t, sku, loc, ship ? -qty : 0, -qty, m, change)));
  return r ? Number(r.on_hand) - Number(r.reserved) : null;
}

/** Stock rows of a SKU with units available, most available first (where to reserve). */
export async function availableRows(db: Db, t: string, sku: string) {
  return db
    .select({ locationId: stock.locationId, available: sql<number>`${stock.onHand} - ${stock.reserved}` })
    .from(stock)
    .where(and(eq(stock.tenantId, t), eq(stock.skuId, sku), sql`${stock.onHand} > ${stock.reserved}`))
    .orderBy(sql`${stock.onHand} - ${stock.reserved} desc`, stock.locationId);
}

export async function availableOfSkus(db: Db, t: string, skuIds: string[]) {
  if (!skuIds.length) return new Map<string, number>();
  const rows = await db
    .select({ skuId: stock.skuId, n: sql<number>`sum(${stock.onHand} - ${stock.reserved})::int` })
    .from(stock)
    .where(and(eq(stock.tenantId, t), inArray(stock.skuId, skuIds)))
    .groupBy(stock.skuId);
  return new Map(rows.map((r) => [r.skuId, Number(r.n)]));
}

export const addSales = (db: Db, t: string, productId: string, qty: number) =>
  db
    .update(products)
    .set({ salesCount: sql`${products.salesCount} + ${qty}` })
    .where(and(eq(products.tenantId, t), eq(products.id, productId)));

/** SKUs (with deleted ones) and their products, for checks and names. */
export const skusWithProducts = (db: Db, t: string, skuIds: string[]) =>
  skuIds.length
    ? db
        .select({
          id: skus.id,
          productId: skus.productId,
          specText: skus.specText,
          enabled: skus.enabled,
          deletedAt: skus.deletedAt,
          title: products.title,
          threshold: products.lowStockThreshold,
          productDeleted: products.deletedAt,
          productStatus: products.status,
        })
        .from(skus)
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
        .where(and(eq(skus.tenantId, t), inArray(skus.id, skuIds)))
    : Promise.resolve([]);

export type LevelRow = {
  sku_id: string;
  location_id: string;
  product_id: string;
  on_hand: number;
  reserved: number;
  updated_at: string | Date;
  title: string;
  spec_text: string;
  threshold: number;
};

/**
 * Stock rows plus a zero row for every (SKU of a product on sale, location) without one: a SKU on sale
 * but never stocked somewhere is the most urgent low-stock case, and it has no row to find.
 */
const withMissingRows = (t: string, locationIds: string[]) => sql`(
  select tenant_id, sku_id, location_id, product_id, on_hand, reserved, updated_at from ${stock} where tenant_id = ${t}
  union all
  select k.tenant_id, k.id, l.id, k.product_id, 0, 0, k.created_at
  from ${skus} k join ${products} q on q.tenant_id = k.tenant_id and q.id = k.product_id and q.status = 'on_sale'
  cross join (values ${sql.join(
    locationIds.map((id) => sql`(${id})`),
    sql`, `,
  )}) as l(id)
  where k.tenant_id = ${t} and not exists (
    select 1 from ${stock} x where x.tenant_id = k.tenant_id and x.sku_id = k.id and x.location_id = l.id))`;

/** Stock levels joined with SKU and product; `low` keeps enabled SKUs at or below their threshold. */
export async function levelRows(
  db: Db,
  t: string,
  f: {
    productId?: string;
    skuId?: string;
    locationId?: string;
    low?: boolean;
    pairs?: [string, string][];
    /** With `low`: these locations count as holding 0 of a SKU they have no stock row for. */
    locationIds?: string[];
  },
  order: 'sku' | 'available',
  after: SQL | undefined,
  limit: number,
) {
  const w: SQL[] = [sql`s.tenant_id = ${t}`];
  if (f.productId) w.push(sql`s.product_id = ${f.productId}`);
  if (f.skuId) w.push(sql`s.sku_id = ${f.skuId}`);
  if (f.locationId) w.push(sql`s.location_id = ${f.locationId}`);
  if (f.low)
    w.push(
      sql`k.enabled and k.deleted_at is null and p.deleted_at is null and s.on_hand - s.reserved <= p.low_stock_threshold`,
    );
  if (f.pairs?.length)
    w.push(
      sql`(s.sku_id, s.location_id) in (${sql.join(
        f.pairs.map(([a, b]) => sql`(${a}, ${b})`),
        sql`, `,
      )})`,
    );
  if (after) w.push(after);
  const orderBy = order === 'sku' ? sql`s.sku_id, s.location_id` : sql`s.on_hand - s.reserved, s.sku_id, s.location_id`;
  const r = await db.execute(sql`select s.sku_id, s.location_id, s.product_id, s.on_hand, s.reserved, s.updated_at,
      p.title, k.spec_text, p.low_stock_threshold as threshold
    from ${f.low && f.locationIds?.length ? withMissingRows(t, f.locationIds) : stock} s
    join ${skus} k on k.tenant_id = s.tenant_id and k.id = s.sku_id
    join ${products} p on p.tenant_id = s.tenant_id and p.id = s.product_id
    where ${sql.join(w, sql` and `)} order by ${orderBy} limit ${limit}`);
  return rowsOf<LevelRow>(r);
}

export async function movementRows(
  db: Db,
  t: string,
  f: { productId?: string; skuId?: string; locationId?: string; reason?: StockReason },
  cursor: string | undefined,
  limit: number,
) {
  return db
    .select({ m: stockMovements, title: products.title, specText: skus.specText })
    .from(stockMovements)
    .innerJoin(products, and(eq(products.tenantId, stockMovements.tenantId), eq(products.id, stockMovements.productId)))
    .innerJoin(skus, and(eq(skus.tenantId, stockMovements.tenantId), eq(skus.id, stockMovements.skuId)))
    .where(
      and(
        eq(stockMovements.tenantId, t),
        f.productId ? eq(stockMovements.productId, f.productId) : undefined,
        f.skuId ? eq(stockMovements.skuId, f.skuId) : undefined,
        f.locationId ? eq(stockMovements.locationId, f.locationId) : undefined,
        f.reason ? eq(stockMovements.reason, f.reason) : undefined,
        cursor ? lt(stockMovements.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(stockMovements.id))
    .limit(limit);
}

/** Opening stock in bulk (a new tenant's import or the demo): rows and their purchase ledger entries. */
export async function insertOpeningStock(
  db: Db,
  levels: (typeof stock.$inferInsert)[],
  movements: (typeof stockMovements.$inferInsert)[],
) {
  for (let i = 0; i < levels.length; i += 1000) await db.insert(stock).values(levels.slice(i, i + 1000));
  for (let i = 0; i < movements.length; i += 1000) await db.insert(stockMovements).values(movements.slice(i, i + 1000));
}
