import type { ProfileInput } from '@siyu/contracts';
import type { z } from 'zod';
import { type Ctx, hashPassword, invalid, notFound, verifyPassword } from '../platform';
import { findAccount, updateAccountRow } from './shop-accounts.repo';
import { toShopAccount } from './shop-auth.service';

async function account(ctx: Ctx, id: string) {
  const a = await findAccount(ctx.db, ctx.tenantId, id);
  if (!a) throw notFound('Account', id);
  return a;
}

export async function updateProfile(ctx: Ctx, accountId: string, input: z.output<typeof ProfileInput>) {
  await account(ctx, accountId);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const row = Object.keys(set).length
    ? await updateAccountRow(ctx.db, ctx.tenantId, accountId, set)
    : await account(ctx, accountId);
  return toShopAccount(row!);
}

/** Sets a first password, or changes it (then the current one is required). */
export async function setShopPassword(
  ctx: Ctx,
  accountId: string,
  input: { currentPassword?: string; newPassword: string },
) {
  const a = await account(ctx, accountId);
  if (a.passwordHash) {
    if (!input.currentPassword) throw invalid('currentPassword', 'is required to change the password');
    if (!(await verifyPassword(input.currentPassword, a.passwordHash)))
      throw invalid('currentPassword', 'is not your current password');
  }
  await updateAccountRow(ctx.db, ctx.tenantId, accountId, { passwordHash: await hashPassword(input.newPassword) });
  return { ok: true as const };
}
