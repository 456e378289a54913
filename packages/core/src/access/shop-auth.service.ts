import type { ShopAccount } from '@siyu/contracts';
import {
  AppError,
  type Ctx,
  enforce,
  hashPassword,
  inTransaction,
  invalid,
  LIMITS,
  newId,
  type RateLimiter,
  randomDigits,
  type SmsProvider,
  sha256,
  unauthorized,
  verifyPassword,
} from '../platform';
import { closeSessionsOf, openSession, resolveSession } from './sessions.service';
import {
  consumeCode,
  findSessionWithAccount,
  findAccountByPhone,
  findLiveCode,
  insertAccountOnce,
  insertSmsCode,
  type ShopAccountRow,
  takeGuess,
  updateAccountRow,
} from './shop-accounts.repo';
import type { TenantRow } from './tenants.repo';

export type ShopDeps = { limiter: RateLimiter; sms: SmsProvider };
type Client = { ip: string | null; userAgent: string | null };
type Purpose = 'login' | 'reset_password';

export const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');

export const toShopAccount = (a: ShopAccountRow): ShopAccount => ({
  id: a.id,
  phone: maskPhone(a.phone),
  nickname: a.nickname,
  avatarUrl: a.avatarUrl,
  gender: a.gender,
  birthday: a.birthday,
  hasPassword: a.passwordHash !== null,
  createdAt: a.createdAt.toISOString(),
});

const codeHash = (tenantId: string, phone: string, code: string) => sha256(`${tenantId}:${phone}:${code}`);

/** Sends a 6-digit code, within the per-phone and per-IP limits. */
export async function sendSmsCode(
  ctx: Ctx,
  deps: ShopDeps,
  tenant: TenantRow,
  phone: string,
  purpose: Purpose,
  ip: string | null,
) {
  const L = LIMITS.smsCode;
  await enforce(
    deps.limiter,
    [
      [`sms:${tenant.id}:${phone}:m`, L.perPhoneMinute],
      [`sms:${tenant.id}:${phone}:h`, L.perPhoneHour],
      [`sms:${tenant.id}:${phone}:d`, L.perPhoneDay],
      [`sms:ip:${ip}`, L.perIpHour],
    ],
    'Too many verification codes requested',
  );
  const now = ctx.clock.now();
  const result = { expiresInSeconds: L.codeTtlSeconds, resendAfterSeconds: L.perPhoneMinute.windowSeconds };
  // A reset for an unknown phone answers the same way, so nobody learns which phones are registered.
  if (purpose === 'reset_password' && !(await findAccountByPhone(ctx.db, tenant.id, phone))) return result;
  const code = randomDigits(6);
  await insertSmsCode(ctx.db, {
    tenantId: tenant.id,
    id: newId('smc', now),
    phone,
    purpose,
    codeHash: codeHash(tenant.id, phone, code),
    expiresAt: new Date(now.getTime() + L.codeTtlSeconds * 1000),
    createdAt: now,
  });
  const what = purpose === 'login' ? '登录' : '重置密码';
  await deps.sms.send({
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    phone,
    code,
    text: `【${tenant.brandName}】您的${what}验证码是 ${code}，${L.codeTtlSeconds / 60} 分钟内有效。如非本人操作请忽略。`,
  });
  return result;
}

/** Checks a code. Every guess counts (atomically, committed even when the request fails); five burn the code. */
async function useCode(ctx: Ctx, tenantId: string, phone: string, code: string, purpose: Purpose) {
  const live = await findLiveCode(ctx.db, tenantId, phone, purpose, ctx.clock.now());
  const expired = () => invalid('code', 'has expired or was never sent; request a new one', 'CODE_EXPIRED');
  if (!live || !(await takeGuess(ctx.db, tenantId, live.id, LIMITS.smsCode.maxAttempts))) throw expired();
  if (live.codeHash !== codeHash(tenantId, phone, code)) throw invalid('code', 'is wrong', 'CODE_WRONG');
  if (!(await consumeCode(ctx.db, tenantId, live.id, ctx.clock.now()))) throw expired();
}

/** Limits code checks per phone and per IP, on top of the five guesses per code. */
async function limitCodeChecks(deps: ShopDeps, tenantId: string, phone: string, ip: string | null) {
  const L = LIMITS.smsCode;
  await enforce(
    deps.limiter,
    [
      [`sms-check:${tenantId}:${phone}`, L.checksPerPhone],
      [`sms-check:ip:${ip}`, L.checksPerIp],
    ],
    'Too many verification attempts',
  );
}

async function startSession(ctx: Ctx, account: ShopAccountRow, client: Client, method: 'sms' | 'password') {
  await ctx.emit('access.shop_account.logged_in', { accountId: account.id, method });
  const s = await openSession(ctx.db, ctx.clock, {
    tenantId: account.tenantId,
    kind: 'shopper',
    subjectId: account.id,
    idleDays: LIMITS.sessions.shopIdleDays,
    ...client,
  });
  const updated = await updateAccountRow(ctx.db, account.tenantId, account.id, { lastLoginAt: ctx.clock.now() });
  return { session: s, account: toShopAccount(updated ?? account) };
}

/** Phone + code; the first successful login registers the phone. */
export async function loginWithSms(
  ctx: Ctx,
  deps: ShopDeps,
  tenant: TenantRow,
  input: { phone: string; code: string },
  client: Client,
) {
  await limitCodeChecks(deps, tenant.id, input.phone, client.ip);
  await useCode(ctx, tenant.id, input.phone, input.code, 'login');
  return inTransaction(ctx, async (tx) => {
    const { account, created } = await insertAccountOnce(tx.db, {
      tenantId: tenant.id,
      id: newId('acc', tx.clock.now()),
      phone: input.phone,
      createdAt: tx.clock.now(),
    });
    if (created) await tx.emit('access.shop_account.registered', { accountId: account.id, phone: account.phone });
    return { ...(await startSession(tx, account, client, 'sms')), registered: created };
  });
}

export async function loginWithPassword(
  ctx: Ctx,
  deps: ShopDeps,
  tenant: TenantRow,
  input: { phone: string; password: string },
  client: Client,
) {
  const L = LIMITS.shopLogin;
  const phoneKey = `shop-login:${tenant.id}:${input.phone}`;
  await enforce(
    deps.limiter,
    [
      [phoneKey, L.perPhone],
      [`shop-login:ip:${client.ip}`, L.perIp],
    ],
    'Too many login attempts',
  );
  const account = await findAccountByPhone(ctx.db, tenant.id, input.phone);
  if (!(await verifyPassword(input.password, account?.passwordHash)) || !account)
    throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong phone number or password');
  await deps.limiter.reset(phoneKey, L.perPhone);
  return inTransaction(ctx, (tx) => startSession(tx, account, client, 'password'));
}

/** Phone + code of purpose reset_password + new password; ends other sessions and logs in. */
export async function resetPasswordWithSms(
  ctx: Ctx,
  deps: ShopDeps,
  tenant: TenantRow,
  input: { phone: string; code: string; newPassword: string },
  client: Client,
) {
  await limitCodeChecks(deps, tenant.id, input.phone, client.ip);
  await useCode(ctx, tenant.id, input.phone, input.code, 'reset_password');
  const account = await findAccountByPhone(ctx.db, tenant.id, input.phone);
  if (!account) throw invalid('code', 'is wrong', 'CODE_WRONG');
  const hash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    await updateAccountRow(tx.db, tenant.id, account.id, { passwordHash: hash });
    await closeSessionsOf(tx.db, tenant.id, 'shopper', account.id);
    return startSession(tx, account, client, 'sms');
  });
}

/** The shopper behind a cookie token; the session must belong to this shop's tenant. */
export async function authenticateShopper(ctx: Ctx, token: string | undefined) {
  const s = await resolveSession(
    ctx.db,
    ctx.clock,
    token,
    'shopper',
    LIMITS.sessions.shopIdleDays,
    findSessionWithAccount,
  );
  if (!s || s.tenantId !== ctx.tenantId || !s.account) throw unauthorized();
  return { account: s.account, csrfToken: s.csrfToken };
}
