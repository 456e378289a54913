import type { Customer, CustomerSummary } from '@siyu/contracts';
import { orgUnitSummaries, staffSummaries } from '../../access';
import type { Ctx } from '../../platform';
import { consentsOf, identitiesOf, mergesInto, ownersOf, ownerTagsOf, tagsOfCustomers } from './profiles.repo';
import type { SummaryRow } from './list.repo';
import type { CustomerRow } from './visibility';

const canSeePii = (ctx: Ctx) => ctx.actor.kind !== 'staff' || ctx.actor.permissions.includes('customers.pii');
export const maskPhoneNumber = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
export const maskEmail = (e: string) => {
  const [user = '', domain = ''] = e.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
};
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** List rows: one query each for tags, owner names and store names, whatever the page size. */
export async function toSummaries(ctx: Ctx, rows: SummaryRow[]): Promise<CustomerSummary[]> {
  const ids = rows.map((r) => r.id);
  // one after another: inside a transaction the queries share one connection
  const tagRows = await tagsOfCustomers(ctx.db, ctx.tenantId, ids);
  const staff = await staffSummaries(
    ctx,
    rows.map((r) => r.primaryOwnerId).filter((x): x is string => !!x),
  );
  const stores = await orgUnitSummaries(
    ctx,
    rows.map((r) => r.storeId).filter((x): x is string => !!x),
  );
  const pii = canSeePii(ctx);
  return rows.map((r) => {
    const owner = r.primaryOwnerId ? staff.get(r.primaryOwnerId) : undefined;
    const store = r.storeId ? stores.get(r.storeId) : undefined;
    return {
      id: r.id,
      name: r.name,
      nickname: r.nickname,
      avatarUrl: r.avatarUrl,
      gender: r.gender,
      phone: r.phone && !pii ? maskPhoneNumber(r.phone) : r.phone,
      stage: r.stage,
      primaryOwner: owner ? { id: owner.id, name: owner.name } : null,
      store: store ? { id: store.id, name: store.name } : null,
      sourceChannel: r.sourceChannel,
      tags: tagRows.filter((t) => t.customerId === r.id).map(({ customerId: _c, ...t }) => t),
      orderCount: r.orderCount,
      totalSpent: r.totalSpent,
      lastActiveAt: iso(r.lastActiveAt),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/** The profile, with identities, owners (and their relationship tags), consents and merges. */
export async function toCustomer(ctx: Ctx, row: CustomerRow): Promise<Customer> {
  const [summary] = await toSummaries(ctx, [row]);
  const identities = await identitiesOf(ctx.db, ctx.tenantId, row.id);
  const owners = await ownersOf(ctx.db, ctx.tenantId, row.id);
  const consents = await consentsOf(ctx.db, ctx.tenantId, row.id);
  const merges = await mergesInto(ctx.db, ctx.tenantId, row.id);
  const relTags = await ownerTagsOf(ctx.db, ctx.tenantId, row.id);
  const names = await staffSummaries(
    ctx,
    owners.map((o) => o.staffId),
  );
  const pii = canSeePii(ctx);
  return {
    ...summary!,
    email: row.email && !pii ? maskEmail(row.email) : row.email,
    birthday: row.birthday,
    lunarBirthday: row.lunarBirthday,
    province: row.province,
    city: row.city,
    district: row.district,
    custom: row.custom,
    firstTouch: row.firstTouch ?? null,
    lastTouch: row.lastTouch ?? null,
    identities: identities.map((i) => ({
      kind: i.kind,
      namespace: i.namespace,
      value: pii
        ? i.value
        : i.kind === 'phone'
          ? maskPhoneNumber(i.value)
          : i.kind === 'email'
            ? maskEmail(i.value)
            : i.value,
      verified: i.verified,
      source: i.source,
      createdAt: i.createdAt.toISOString(),
    })),
    owners: owners.map((o) => ({
      staffId: o.staffId,
      staffName: names.get(o.staffId)?.name ?? o.staffId,
      isPrimary: o.isPrimary,
      remark: o.remark,
      description: o.description,
      addWay: o.addWay,
      state: o.state,
      addedAt: o.addedAt.toISOString(),
      tags: relTags.filter((t) => t.staffId === o.staffId).map(({ staffId: _s, ...t }) => t),
    })),
    consents: consents.map((c) => ({ channel: c.channel, status: c.status, source: c.source, at: c.at.toISOString() })),
    mergedInto: row.mergedInto,
    merges: merges.map((m) => ({
      id: m.id,
      mergedId: m.mergedId,
      mergedName: m.snapshot?.name || m.snapshot?.nickname || null,
      mergedPhone: m.snapshot?.phone && !pii ? maskPhoneNumber(m.snapshot.phone) : (m.snapshot?.phone ?? null),
      at: m.createdAt.toISOString(),
      undone: m.undoneAt !== null,
    })),
    lastOrderAt: iso(row.lastOrderAt),
    erased: row.erasedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
