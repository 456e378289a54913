import {
  AppError,
  badRequest,
  type Clock,
  type Ctx,
  type Db,
  enforce,
  forbidden,
  hashPassword,
  invalid,
  LIMITS,
  notFound,
  type RateLimiter,
  sha256,
  unauthorized,
  verifyPassword,
} from '../platform';
import { findInviteByToken, markInviteAccepted } from './invites.repo';
import { closeSessionsOf, openSession, resolveSession } from './sessions.service';
import { accessOf } from './staff-access.service';
import { findStaff, findStaffByEmailEverywhere, updateStaffRow } from './staff.repo';
import { findTenantById, findTenantBySlug } from './tenants.repo';

type Client = { ip: string | null; userAgent: string | null };

/**
 * Email + password login. An email may belong to staff of several tenants (an agency running
 * several brands): the password is checked for each, and when more than one matches the caller
 * must name the tenant.
 */
export async function loginStaff(
  db: Db,
  clock: Clock,
  limiter: RateLimiter,
  input: { email: string; password: string; tenant?: string },
  client: Client,
) {
  const limits = LIMITS.staffLogin;
  await enforce(
    limiter,
    [
      [`staff-login:email:${input.email}`, limits.perEmail],
      [`staff-login:ip:${client.ip}`, limits.perIp],
    ],
    'Too many login attempts',
  );
  let candidates = await findStaffByEmailEverywhere(db, input.email);
  if (input.tenant) {
    const t = await findTenantBySlug(db, input.tenant);
    candidates = candidates.filter((c) => c.tenantId === t?.id);
  }
  const matches = [];
  for (const c of candidates) if (await verifyPassword(input.password, c.passwordHash)) matches.push(c);
  if (!candidates.length) await verifyPassword(input.password, null);
  if (!matches.length) throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
  if (matches.length > 1) {
    const tenants = [];
    for (const m of matches) {
      const t = await findTenantById(db, m.tenantId);
      if (t) tenants.push({ slug: t.slug, name: t.name });
    }
    throw badRequest('TENANT_REQUIRED', 'This email works for several brands; choose one', { tenants });
  }
  const staff = matches[0]!;
  if (staff.status === 'disabled') throw forbidden('This account is disabled; ask an administrator');
  await limiter.reset(`staff-login:email:${input.email}`, limits.perEmail);
  await updateStaffRow(db, staff.tenantId, staff.id, { lastLoginAt: clock.now() });
  const session = await openSession(db, clock, {
    tenantId: staff.tenantId,
    kind: 'staff',
    subjectId: staff.id,
    idleDays: LIMITS.sessions.staffIdleDays,
    ...client,
  });
  return { session, tenantId: staff.tenantId, staffId: staff.id };
}

export type StaffAuth = Awaited<ReturnType<typeof accessOf>> & {
  tenantId: string;
  staffId: string;
  staffName: string;
  csrfToken: string;
};

/** The signed-in, active staff member behind a cookie token, with permissions and data scope. */
export async function authenticateStaff(db: Db, clock: Clock, token: string | undefined): Promise<StaffAuth> {
  const s = await resolveSession(db, clock, token, 'staff', LIMITS.sessions.staffIdleDays);
  if (!s) throw unauthorized();
  const staff = await findStaff(db, s.tenantId, s.subjectId);
  if (staff?.status !== 'active') throw unauthorized('Your account is no longer active');
  const access = await accessOf(db, s.tenantId, staff.id);
  return { ...access, tenantId: s.tenantId, staffId: staff.id, staffName: staff.name, csrfToken: s.csrfToken };
}

export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  if (ctx.actor.kind !== 'staff') throw forbidden();
  const staff = await findStaff(ctx.db, ctx.tenantId, ctx.actor.id);
  if (!staff) throw notFound('Staff member', ctx.actor.id);
  if (!(await verifyPassword(input.currentPassword, staff.passwordHash)))
    throw invalid('currentPassword', 'is not your current password');
  await updateStaffRow(ctx.db, ctx.tenantId, staff.id, {
    passwordHash: await hashPassword(input.newPassword),
    updatedAt: ctx.clock.now(),
  });
  await ctx.audit({
    action: 'staff.change_password',
    entityType: 'staff',
    entityId: staff.id,
    summary: `${staff.name} changed their password`,
  });
  return { ok: true as const };
}

async function liveInvite(db: Db, clock: Clock, token: string) {
  const invite = await findInviteByToken(db, sha256(token));
  if (!invite || invite.acceptedAt || invite.expiresAt <= clock.now())
    throw notFound('Invitation (it may have expired or been used)');
  const staff = await findStaff(db, invite.tenantId, invite.staffId);
  const tenant = await findTenantById(db, invite.tenantId);
  if (!staff || !tenant || staff.status === 'disabled') throw notFound('Invitation');
  return { invite, staff, tenant };
}

export async function describeInvite(db: Db, clock: Clock, token: string) {
  const { staff, tenant } = await liveInvite(db, clock, token);
  return { email: staff.email, name: staff.name, tenantName: tenant.name };
}

/** Sets the invited staff member's password, activates them and opens a session. Run in a transaction. */
export async function acceptInvite(db: Db, clock: Clock, input: { token: string; password: string }, client: Client) {
  const { invite, staff } = await liveInvite(db, clock, input.token);
  const now = clock.now();
  await updateStaffRow(db, staff.tenantId, staff.id, {
    passwordHash: await hashPassword(input.password),
    status: 'active',
    lastLoginAt: now,
    updatedAt: now,
  });
  await markInviteAccepted(db, invite.tenantId, invite.id, now);
  const session = await openSession(db, clock, {
    tenantId: staff.tenantId,
    kind: 'staff',
    subjectId: staff.id,
    idleDays: LIMITS.sessions.staffIdleDays,
    ...client,
  });
  return { session, tenantId: staff.tenantId, staffId: staff.id };
}

export const endStaffSessions = (db: Db, tenantId: string, staffId: string) =>
  closeSessionsOf(db, tenantId, 'staff', staffId);
