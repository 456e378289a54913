import type { CreateCustomerInput, CustomerFilter, IdentityInput, UpdateCustomerInput } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, diffChanges, notFound } from '../../platform';
import { recordEvent } from '../events/events.service';
import { validateCustom } from './custom-fields.service';
import { toCustomer, toSummaries } from './dto';
import { countCustomers as countRows, pageCustomers } from './list.repo';
import { mergeCustomers, undoMerge } from './merge.service';
import {
  addIdentities,
  deleteIdentity,
  findCustomerRow,
  findIdentities,
  refreshSearch,
  updateCustomerRow,
} from './profiles.repo';
import { normalizeIdentity, resolveCustomer } from './resolve.service';
import { filterCondition, getVisibleCustomer } from './visibility';

export async function listCustomers(ctx: Ctx, q: CustomerFilter & { cursor?: string; limit: number }) {
  const rows = await pageCustomers(ctx.db, await filterCondition(ctx, q), q.cursor, q.limit + 1);
  const items = await toSummaries(ctx, rows.slice(0, q.limit));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

export const countCustomers = async (ctx: Ctx, f: CustomerFilter) => ({
  count: await countRows(ctx.db, await filterCondition(ctx, f)),
});

export const getCustomer = async (ctx: Ctx, id: string) => toCustomer(ctx, await getVisibleCustomer(ctx, id));

/** Creates a customer by hand; with a phone that a customer holds already, answers that customer. */
export async function createCustomer(ctx: Ctx, input: z.output<typeof CreateCustomerInput>) {
  const { phone, custom, ...attributes } = input;
  if (custom) await validateCustom(ctx, custom, true);
  const r = await resolveCustomer(ctx, {
    identities: [
      ...(phone ? [{ kind: 'phone' as const, value: phone, verified: false }] : []),
      ...(input.email ? [{ kind: 'email' as const, value: input.email }] : []),
    ],
    attributes,
    custom,
    source: 'admin',
    touch: { channel: 'admin', at: ctx.clock.now().toISOString() },
  });
  if (r.created && ctx.actor.kind === 'staff')
    await ctx.audit({
      action: 'customer.create',
      entityType: 'customer',
      entityId: r.customerId,
      summary: `Created customer ${input.name ?? r.customerId}`,
    });
  return toCustomer(ctx, (await findCustomerRow(ctx.db, ctx.tenantId, r.customerId))!);
}

export async function updateCustomer(ctx: Ctx, id: string, input: z.output<typeof UpdateCustomerInput>) {
  const before = await getVisibleCustomer(ctx, id);
  if (input.custom) await validateCustom(ctx, input.custom, false);
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (input.custom)
    set.custom = Object.fromEntries(
      Object.entries({ ...before.custom, ...input.custom }).filter(([, v]) => v !== null),
    );
  if ('birthday' in set) set.birthMonth = input.birthday ? Number(input.birthday.slice(5, 7)) : null;
  await updateCustomerRow(ctx.db, ctx.tenantId, id, { ...set, updatedAt: ctx.clock.now() });
  if (input.email)
    await addIdentities(ctx.db, [
      {
        tenantId: ctx.tenantId,
        kind: 'email',
        namespace: '',
        value: input.email,
        customerId: id,
        source: 'admin',
        createdAt: ctx.clock.now(),
      },
    ]);
  await refreshSearch(ctx.db, ctx.tenantId, id);
  const after = await getVisibleCustomer(ctx, id);
  const changes = diffChanges(before as Record<string, unknown>, after as Record<string, unknown>, ['search']);
  delete changes.updatedAt;
  delete changes.search;
  await ctx.audit({
    action: 'customer.update',
    entityType: 'customer',
    entityId: id,
    summary: `Changed customer ${after.name ?? id}`,
    changes,
  });
  await recordEvent(ctx, {
    customerId: id,
    type: 'profile.updated',
    source: 'staff',
    properties: { fields: Object.keys(changes) },
  });
  return toCustomer(ctx, after);
}

export async function addIdentity(ctx: Ctx, id: string, input: z.output<typeof IdentityInput>) {
  await getVisibleCustomer(ctx, id);
  const key = normalizeIdentity(input);
  const [held] = await findIdentities(ctx.db, ctx.tenantId, [key]);
  if (held && held.customerId !== id)
    throw conflict(
      'IDENTITY_TAKEN',
      `Customer ${held.customerId} has this ${key.kind} already; merge the two instead`,
      { customerId: held.customerId, field: 'value' },
    );
  await addIdentities(ctx.db, [
    { tenantId: ctx.tenantId, ...key, customerId: id, source: 'admin', createdAt: ctx.clock.now() },
  ]);
  const c = await findCustomerRow(ctx.db, ctx.tenantId, id);
  if (key.kind === 'phone' && !c?.phone) await updateCustomerRow(ctx.db, ctx.tenantId, id, { phone: key.value });
  if (key.kind === 'email' && !c?.email) await updateCustomerRow(ctx.db, ctx.tenantId, id, { email: key.value });
  await refreshSearch(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'customer.identity_add',
    entityType: 'customer',
    entityId: id,
    summary: `Added ${key.kind} identity`,
    changes: { kind: key.kind, namespace: key.namespace },
  });
  return getCustomer(ctx, id);
}

export async function removeIdentity(
  ctx: Ctx,
  id: string,
  input: { kind: z.output<typeof IdentityInput>['kind']; namespace: string; value: string },
) {
  await getVisibleCustomer(ctx, id);
  const key = normalizeIdentity(input);
  const [held] = await findIdentities(ctx.db, ctx.tenantId, [key]);
  if (!held || held.customerId !== id) throw notFound('Identity');
  await deleteIdentity(ctx.db, ctx.tenantId, key);
  await ctx.audit({
    action: 'customer.identity_remove',
    entityType: 'customer',
    entityId: id,
    summary: `Removed ${key.kind} identity`,
    changes: { kind: key.kind, namespace: key.namespace },
  });
  return getCustomer(ctx, id);
}

export async function mergeInto(ctx: Ctx, id: string, otherId: string, reason: string) {
  const survivor = await getVisibleCustomer(ctx, id);
  const other = await getVisibleCustomer(ctx, otherId);
  await mergeCustomers(ctx, survivor, other, { reason, automatic: false });
  return getCustomer(ctx, id);
}

export async function undoMergeOf(ctx: Ctx, id: string, mergeId: string) {
  await getVisibleCustomer(ctx, id);
  await undoMerge(ctx, id, mergeId);
  return getCustomer(ctx, id);
}
