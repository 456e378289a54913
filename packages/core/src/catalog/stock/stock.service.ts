import type { StockAdjustInput, StockLevel, StockMovement } from '@siyu/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { listOrgUnits, orgUnitSummaries } from '../../access';
import { actorId, badRequest, conflict, type Ctx, forbidden, invalid, newId } from '../../platform';
import { type LevelRow, levelRows, type MovementMeta, movementRows, skusWithProducts } from './stock.repo';
import { productsChanged } from '../shop/shop-cache';
import { changeOnHand, type StockReason } from './stock.repo';

export const actorName = (ctx: Ctx) =>
  ctx.actor.kind === 'staff' ? ctx.actor.name : ctx.actor.kind === 'system' ? ctx.actor.name : null;

export const movementMeta = (
  ctx: Ctx,
  productId: string,
  reason: StockReason,
  reference: string | null,
  note: string | null = null,
): MovementMeta => {
  const at = ctx.clock.now();
  return {
    id: newId('stm', at),
    productId,
    reason,
    reference,
    note,
    actorId: actorId(ctx),
    actorName: actorName(ctx),
    at,
  };
};

const isLocation = (kind: string) => kind === 'store' || kind === 'warehouse';

export async function listLocations(ctx: Ctx) {
  const units = (await listOrgUnits(ctx)).items.filter((u) => isLocation(u.kind));
  return { items: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as 'store' | 'warehouse' })) };
}

/** The stores and warehouses stock can be at (a SKU without a row at one of them counts as zero there). */
export const stockLocationIds = async (ctx: Ctx) => (await listLocations(ctx)).items.map((l) => l.id);

async function toLevels(ctx: Ctx, rows: LevelRow[]): Promise<StockLevel[]> {
  const names = await orgUnitSummaries(
    ctx,
    rows.map((r) => r.location_id),
  );
  return rows.map((r) => {
    const available = Number(r.on_hand) - Number(r.reserved);
    return {
      skuId: r.sku_id,
      productId: r.product_id,
      productTitle: r.title,
      specText: r.spec_text,
      locationId: r.location_id,
      locationName: names.get(r.location_id)?.name ?? '',
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available,
      threshold: Number(r.threshold),
      low: available <= Number(r.threshold),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}

const SIGN: Partial<Record<StockReason, 1 | -1>> = { purchase: 1, return: 1, damage: -1 };

/**
 * A manual stock change, all lines or none. Lines go in SKU order (no deadlocks between two
 * adjustments); each is one conditional statement with its ledger row. Staff whose data scope is
 * their org units may only change stock at those units.
 */
export async function adjustStock(ctx: Ctx, input: z.output<typeof StockAdjustInput>) {
  const skuInfo = new Map(
    (
      await skusWithProducts(
        ctx.db,
        ctx.tenantId,
        input.lines.map((l) => l.skuId),
      )
    ).map((s) => [s.id, s]),
  );
  const units = await orgUnitSummaries(
    ctx,
    input.lines.map((l) => l.locationId),
  );
  input.lines.forEach((l, i) => {
    const s = skuInfo.get(l.skuId);
    if (!s || s.productDeleted) throw invalid(`lines.${i}.skuId`, 'no such SKU');
    const u = units.get(l.locationId);
    if (!u || !isLocation(u.kind)) throw invalid(`lines.${i}.locationId`, 'must be a store or a warehouse');
    if (ctx.scope.kind === 'org_units' && !ctx.scope.unitIds.includes(l.locationId))
      throw forbidden(`lines.${i}.locationId: you may change stock only at your own stores`);
    const sign = SIGN[input.reason];
    if (sign && Math.sign(l.delta) !== sign)
      throw invalid(`lines.${i}.delta`, `${input.reason} must ${sign > 0 ? 'add' : 'remove'} units`);
  });
  const order = input.lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (a.l.skuId + a.l.locationId < b.l.skuId + b.l.locationId ? -1 : 1));
  for (const { l, i } of order) {
    const s = skuInfo.get(l.skuId)!;
    const meta = movementMeta(ctx, s.productId, input.reason, input.reference, input.note);
    const after = await changeOnHand(ctx.db, ctx.tenantId, l.skuId, l.locationId, l.delta, meta);
    if (!after)
      throw conflict('STOCK_SHORT', `lines.${i}: ${s.title} ${s.specText} has fewer units than that to remove`, {
        line: i,
        skuId: l.skuId,
        locationId: l.locationId,
      });
  }
  await ctx.audit({
    action: 'catalog.stock.adjusted',
    entityType: 'stock',
    summary: `${input.reason}: ${input.lines.length} lines${input.reference ? ` (${input.reference})` : ''}`,
    changes: { reason: input.reason, reference: input.reference, lines: input.lines },
  });
  await productsChanged(ctx, [...new Set(input.lines.map((l) => skuInfo.get(l.skuId)!.productId))], 'stock');
  const rows = await levelRows(
    ctx.db,
    ctx.tenantId,
    { pairs: input.lines.map((l) => [l.skuId, l.locationId]) },
    'sku',
    undefined,
    500,
  );
  return { items: await toLevels(ctx, rows) };
}

const splitCursor = (c: string | undefined, parts: number) => {
  if (!c) return null;
  const p = c.split('~');
  if (p.length !== parts) throw badRequest('BAD_CURSOR', 'cursor: must be a cursor from the previous page');
  return p;
};

export async function listStock(
  ctx: Ctx,
  q: { productId?: string; skuId?: string; locationId?: string; lowOnly?: boolean; cursor?: string; limit: number },
) {
  const c = splitCursor(q.cursor, 2);
  const after = c ? sql`(s.sku_id, s.location_id) > (${c[0]}, ${c[1]})` : undefined;
  const locationIds = q.lowOnly ? await stockLocationIds(ctx) : undefined;
  const rows = await levelRows(ctx.db, ctx.tenantId, { ...q, low: q.lowOnly, locationIds }, 'sku', after, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await toLevels(ctx, page),
    nextCursor: rows.length > q.limit && last ? `${last.sku_id}~${last.location_id}` : null,
  };
}

export async function listLowStock(ctx: Ctx, q: { locationId?: string; cursor?: string; limit: number }) {
  const c = splitCursor(q.cursor, 3);
  if (c && !/^-?\d{1,10}$/.test(c[0]!))
    throw badRequest('BAD_CURSOR', 'cursor: must be a cursor from the previous page');
  const after = c
    ? sql`(s.on_hand - s.reserved, s.sku_id, s.location_id) > (${Number(c[0])}::int, ${c[1]}, ${c[2]})`
    : undefined;
  const locationIds = await stockLocationIds(ctx);
  const rows = await levelRows(
    ctx.db,
    ctx.tenantId,
    { locationId: q.locationId, low: true, locationIds },
    'available',
    after,
    q.limit + 1,
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await toLevels(ctx, page),
    nextCursor:
      rows.length > q.limit && last
        ? `${Number(last.on_hand) - Number(last.reserved)}~${last.sku_id}~${last.location_id}`
        : null,
  };
}

export async function listMovements(
  ctx: Ctx,
  q: { productId?: string; skuId?: string; locationId?: string; reason?: StockReason; cursor?: string; limit: number },
): Promise<{ items: StockMovement[]; nextCursor: string | null }> {
  const rows = await movementRows(ctx.db, ctx.tenantId, q, q.cursor, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const names = await orgUnitSummaries(
    ctx,
    page.map((r) => r.m.locationId),
  );
  return {
    items: page.map(({ m, title, specText }) => ({
      id: m.id,
      skuId: m.skuId,
      productId: m.productId,
      productTitle: title,
      specText,
      locationId: m.locationId,
      locationName: names.get(m.locationId)?.name ?? '',
      delta: m.delta,
      reservedDelta: m.reservedDelta,
      onHandAfter: m.onHandAfter,
      reservedAfter: m.reservedAfter,
      reason: m.reason,
      reference: m.reference,
      note: m.note,
      actorId: m.actorId,
      actorName: m.actorName,
      at: m.at.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? page.at(-1)!.m.id : null,
  };
}
