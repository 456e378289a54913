import type { Address, AddressInput, AddressPatch } from '@siyu/contracts';
import { ORDER_LIMITS } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, newId, notFound } from '../../platform';
import {
  type AddressRow,
  addressRows,
  clearDefaultAddress,
  countAddresses,
  deleteAddressRow,
  findAddress,
  insertAddress,
  promoteNewestAddress,
  updateAddressRow,
} from './cart.repo';

export const toAddress = (r: AddressRow): Address => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  province: r.province,
  city: r.city,
  district: r.district,
  detail: r.detail,
  isDefault: r.isDefault,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listAddresses(ctx: Ctx, customerId: string) {
  return { items: (await addressRows(ctx.db, ctx.tenantId, customerId)).map(toAddress) };
}

/** An address of the customer; absent id: the default one (null when there is none). */
export async function addressOf(ctx: Ctx, customerId: string, id?: string) {
  if (id) {
    const r = await findAddress(ctx.db, ctx.tenantId, customerId, id);
    if (!r) throw notFound('Address', id);
    return toAddress(r);
  }
  const [first] = await addressRows(ctx.db, ctx.tenantId, customerId);
  return first?.isDefault ? toAddress(first) : null;
}

export async function createAddress(ctx: Ctx, customerId: string, input: z.output<typeof AddressInput>) {
  const count = await countAddresses(ctx.db, ctx.tenantId, customerId);
  if (count >= ORDER_LIMITS.addressesPerCustomer)
    throw conflict('ADDRESS_LIMIT', `At most ${ORDER_LIMITS.addressesPerCustomer} addresses`, {
      limit: ORDER_LIMITS.addressesPerCustomer,
    });
  const now = ctx.clock.now();
  const isDefault = input.isDefault || count === 0;
  if (isDefault) await clearDefaultAddress(ctx.db, ctx.tenantId, customerId);
  const id = newId('adr', now);
  await insertAddress(ctx.db, {
    ...input,
    tenantId: ctx.tenantId,
    id,
    customerId,
    isDefault,
    createdAt: now,
    updatedAt: now,
  });
  return addressOf(ctx, customerId, id) as Promise<Address>;
}

export async function updateAddress(ctx: Ctx, customerId: string, id: string, patch: z.output<typeof AddressPatch>) {
  if (!(await findAddress(ctx.db, ctx.tenantId, customerId, id))) throw notFound('Address', id);
  const { isDefault, ...fields } = patch;
  if (isDefault) await clearDefaultAddress(ctx.db, ctx.tenantId, customerId);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const row = await updateAddressRow(ctx.db, ctx.tenantId, customerId, id, {
    ...set,
    ...(isDefault ? { isDefault: true } : {}),
    updatedAt: ctx.clock.now(),
  });
  if (!row) throw notFound('Address', id);
  return toAddress(row);
}

export async function deleteAddress(ctx: Ctx, customerId: string, id: string) {
  const gone = await deleteAddressRow(ctx.db, ctx.tenantId, customerId, id);
  if (!gone) throw notFound('Address', id);
  if (gone.isDefault) await promoteNewestAddress(ctx.db, ctx.tenantId, customerId);
  return { ok: true as const };
}
