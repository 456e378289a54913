import type { Settings, SettingsInput } from '@siyu/contracts';
import type { z } from 'zod';
import {
  type Clock,
  type Ctx,
  cached,
  conflict,
  type Db,
  diffChanges,
  hashPassword,
  invalidate,
  newId,
  notFound,
  withTenant,
} from '../platform';
import { insertRoles } from './roles.repo';
import { BUILT_IN_ROLES } from './roles.builtins';
import { insertStaff, setStaffRoles } from './staff.repo';
import { findTenantById, findTenantBySlug, insertTenant, type TenantRow, updateTenant } from './tenants.repo';

export const toSettings = (t: TenantRow): Settings => ({
  brandName: t.brandName,
  logoUrl: t.logoUrl,
  timeZone: t.timeZone,
  currency: 'CNY',
  locale: t.locale,
});

export type CreateTenantInput = {
  slug: string;
  name: string;
  brandName?: string;
  timeZone?: string;
  owner: { name: string; email: string; password: string };
};

/** A new tenant with the built-in roles and its owner. Run inside a transaction. */
export async function createTenant(db: Db, clock: Clock, input: CreateTenantInput) {
  if (await findTenantBySlug(db, input.slug)) throw conflict('SLUG_TAKEN', `The slug ${input.slug} is taken`);
  const now = clock.now();
  const tenantId = newId('ten', now);
  await insertTenant(db, {
    id: tenantId,
    slug: input.slug,
    name: input.name,
    brandName: input.brandName ?? input.name,
    timeZone: input.timeZone ?? 'Asia/Shanghai',
    createdAt: now,
  });
  const roleIds: Record<string, string> = {};
  await insertRoles(
    db,
    Object.entries(BUILT_IN_ROLES).map(([key, r]) => {
      roleIds[key] = newId('rol', now);
      return {
        tenantId,
        id: roleIds[key]!,
        key,
        name: r.name,
        description: r.description,
        permissions: [...r.permissions],
        dataScope: r.dataScope,
        createdAt: now,
        templatePermissions: [...r.permissions],
      };
    }),
  );
  const ownerId = newId('stf', now);
  await insertStaff(db, {
    tenantId,
    id: ownerId,
    name: input.owner.name,
    email: input.owner.email.toLowerCase(),
    status: 'active',
    passwordHash: await hashPassword(input.owner.password),
    createdAt: now,
    updatedAt: now,
  });
  await setStaffRoles(db, tenantId, ownerId, [roleIds.owner!]);
  return { tenantId, ownerId, roleIds };
}

export async function getTenantBySlug(db: Db, slug: string) {
  const t = await findTenantBySlug(db, slug);
  if (!t) throw notFound('Shop', slug);
  return t;
}

/**
 * The tenant of a shop URL, for every storefront request: kept by the read cache under the tag
 * `tenants` (not a tenant's own: the slug is what is known), dropped when settings change.
 */
export const shopTenant = (ctx: Ctx, slug: string) =>
  cached(withTenant(ctx, ''), `tenant:${slug}`, ['tenants'], () => getTenantBySlug(ctx.db, slug));

export async function getSettings(ctx: Ctx): Promise<Settings> {
  const t = await findTenantById(ctx.db, ctx.tenantId);
  if (!t) throw notFound('Tenant', ctx.tenantId);
  return toSettings(t);
}

export async function updateSettings(ctx: Ctx, input: z.output<typeof SettingsInput>): Promise<Settings> {
  const before = await getSettings(ctx);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (!Object.keys(set).length) return before;
  const row = await updateTenant(ctx.db, ctx.tenantId, set);
  if (!row) throw notFound('Tenant', ctx.tenantId);
  const after = toSettings(row);
  const changes = diffChanges(before, after, ['logoUrl']);
  await ctx.audit({
    action: 'settings.update',
    entityType: 'tenant',
    entityId: ctx.tenantId,
    summary: 'Updated tenant settings',
    changes,
  });
  await invalidate(withTenant(ctx, ''), ['tenants']);
  return after;
}

const slugs = new Map<string, string>();
/** The shop slug of the context's tenant (slugs never change, so it is remembered). */
export async function tenantSlug(ctx: Ctx): Promise<string> {
  const known = slugs.get(ctx.tenantId);
  if (known) return known;
  const t = await findTenantById(ctx.db, ctx.tenantId);
  if (!t) throw notFound('Tenant', ctx.tenantId);
  slugs.set(ctx.tenantId, t.slug);
  return t.slug;
}
