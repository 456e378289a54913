import type { IdentityKind, Touch } from '@siyu/contracts';
import type { z } from 'zod';
import { type Ctx, newId } from '../../platform';
import { recordEvent } from '../events/events.service';
import { mergeCustomers } from './merge.service';
import {
  addIdentities,
  findCustomerRow,
  findIdentities,
  type IdentityKey,
  insertCustomer,
  lockIdentities,
  refreshSearch,
  updateCustomerRow,
} from './profiles.repo';

export type IdentityIn = { kind: z.infer<typeof IdentityKind>; namespace?: string; value: string; verified?: boolean };
export type Attributes = Partial<{
  name: string | null;
  nickname: string | null;
  gender: 'unknown' | 'male' | 'female';
  birthday: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  avatarUrl: string | null;
  email: string | null;
  storeId: string | null;
}>;
export type ResolveInput = {
  identities: IdentityIn[];
  attributes?: Attributes;
  custom?: Record<string, unknown>;
  source: string;
  touch?: z.infer<typeof Touch>;
};

/** Canonical form of an identity value: phones as digits (no +86), emails lower case. */
export function normalizeIdentity(i: IdentityIn): IdentityKey & { verified: boolean } {
  let value = i.value.trim();
  if (i.kind === 'phone') value = value.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (i.kind === 'email') value = value.toLowerCase();
  return { kind: i.kind, namespace: i.namespace ?? '', value, verified: i.verified ?? false };
}

/** A verified phone or a unionid identifies one person: customers sharing one are merged. */
const mergesOn = (i: { kind: string; verified: boolean }) => (i.kind === 'phone' && i.verified) || i.kind === 'unionid';

const birthMonthOf = (birthday: string | null | undefined) => (birthday ? Number(birthday.slice(5, 7)) : null);

/**
 * Finds or creates the one customer behind these identities (OneID). Identities nobody holds are
 * attached; empty attributes are filled, present ones kept; customers that share a verified phone or
 * a unionid with the input are merged into the oldest (audited, reversible). Run in a transaction:
 * resolutions of the same identity wait for each other (lockIdentities), so concurrent first visits
 * of one shopper make one customer.
 */
export async function resolveCustomer(ctx: Ctx, input: ResolveInput) {
  const t = ctx.tenantId;
  const ids = input.identities.map(normalizeIdentity).filter((i) => i.value);
  await lockIdentities(ctx.db, t, ids);
  const found = await findIdentities(ctx.db, t, ids);
  const holders = [...new Set(found.map((f) => f.customerId))].sort();
  const now = ctx.clock.now();
  const phone = ids.find((i) => i.kind === 'phone')?.value ?? null;
  const email = input.attributes?.email ?? ids.find((i) => i.kind === 'email')?.value ?? null;
  let customerId = holders[0];
  const merged: string[] = [];
  let created = false;
  if (!customerId) {
    customerId = newId('cus', now);
    created = true;
    await insertCustomer(ctx.db, {
      tenantId: t,
      id: customerId,
      ...input.attributes,
      email,
      phone,
      birthMonth: birthMonthOf(input.attributes?.birthday),
      custom: input.custom ?? {},
      firstTouch: input.touch ?? null,
      lastTouch: input.touch ?? null,
      sourceChannel: input.touch?.channel ?? input.source,
      storeId: input.attributes?.storeId ?? input.touch?.storeId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(ctx, {
      customerId,
      type: 'customer.created',
      source: input.source,
      properties: { channel: input.touch?.channel ?? input.source },
    });
    await ctx.emit('customers.customer.created', { customerId, source: input.source });
  } else {
    const survivor = (await findCustomerRow(ctx.db, t, customerId))!;
    for (const other of holders.slice(1)) {
      const link = ids.find(
        (i) => mergesOn(i) && found.some((f) => f.customerId === other && f.kind === i.kind && f.value === i.value),
      );
      if (!link) continue;
      await mergeCustomers(ctx, survivor, (await findCustomerRow(ctx.db, t, other))!, {
        reason: `same ${link.kind} ${link.value}`,
        automatic: true,
      });
      merged.push(other);
    }
    const current = (await findCustomerRow(ctx.db, t, customerId))!;
    const fill: Record<string, unknown> = {};
    for (const [k, v] of Object.entries({ ...input.attributes, phone, email }))
      if (v != null && current[k as keyof typeof current] == null) fill[k] = v;
    if (fill.birthday) fill.birthMonth = birthMonthOf(fill.birthday as string);
    if (input.custom) fill.custom = { ...input.custom, ...current.custom };
    if (input.touch) fill.lastTouch = input.touch;
    if (Object.keys(fill).length) await updateCustomerRow(ctx.db, t, customerId, { ...fill, updatedAt: now });
  }
  await addIdentities(
    ctx.db,
    ids.map((i) => ({ tenantId: t, ...i, customerId: customerId!, source: input.source, createdAt: now })),
  );
  await refreshSearch(ctx.db, t, customerId);
  return { customerId, created, merged };
}

/**
 * The customer holding this identity, or null — a lookup only: nothing is created, attached or
 * merged (a deletion event about someone never seen must not make a customer).
 */
export async function findCustomerByIdentity(ctx: Ctx, identity: IdentityIn): Promise<string | null> {
  const key = normalizeIdentity(identity);
  if (!key.value) return null;
  const [found] = await findIdentities(ctx.db, ctx.tenantId, [key]);
  return found?.customerId ?? null;
}
