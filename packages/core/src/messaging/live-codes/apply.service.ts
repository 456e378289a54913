/**
 * Puts a live code's computed member list and skip_verify on its WeCom contact way. Called after
 * each add (one-at-a-time modes move on), by the timer (working hours, midnight cap resets, the
 * skip-verify window) and after a change; WeCom is called only when the list or skip_verify differs
 * from what was applied.
 */
import { getSettings, staffIdsInUnits, staffSummaries } from '../../access';
import { AppError, type Ctx, dayIn, inTransaction, startOfDayIn } from '../../platform';
import { wecomUserIdsForStaff } from '../wecom-channel/staff-link';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { WecomError } from '../wecom/errors';
import { type Candidate, computeTarget, type Target } from './distribution';
import { addsSinceByStaff, findCode, type LiveCodeRow, membersOf, updateCode } from './live-codes.repo';
import { onDuty, skipVerifyAt } from './schedule';

export const tenantZone = async (ctx: Ctx) => (await getSettings(ctx)).timeZone;
export const todayStart = (now: Date, tz: string) => startOfDayIn(dayIn(now, tz), tz);

/** A client of the tenant's corp, or 409 naming what to set up. */
export async function wecomClientOrFail(ctx: Ctx) {
  const client = await tenantWecomClient(ctx);
  if (!client)
    throw new AppError(
      409,
      'WECOM_NOT_CONFIGURED',
      'Live codes need WeCom: save the corp id, app secret and agent id under 设置 → 企业微信 first',
    );
  return client;
}

/** Explicit members in order, then active staff of the departments (not already members). */
export async function candidatesOf(ctx: Ctx, code: LiveCodeRow, now: Date, tz: string): Promise<Candidate[]> {
  const members = await membersOf(ctx.db, ctx.tenantId, [code.id]);
  const explicit = new Set(members.map((m) => m.staffId));
  const deptStaff = (await staffIdsInUnits(ctx, code.departmentIds)).filter((id) => !explicit.has(id)).sort();
  const all = [
    ...members.map((m) => ({ staffId: m.staffId, weight: m.weight, dailyCap: m.dailyCap })),
    ...deptStaff.map((staffId) => ({ staffId, weight: 1, dailyCap: code.departmentDailyCap })),
  ];
  const ids = all.map((m) => m.staffId);
  // one after another: this runs inside the code's transaction, on one connection
  const people = await staffSummaries(ctx, ids);
  const wecom = await wecomUserIdsForStaff(ctx, ids);
  const adds = await addsSinceByStaff(ctx.db, ctx.tenantId, code.id, todayStart(now, tz));
  return all.flatMap((m) => {
    const userid = wecom.get(m.staffId);
    if (!userid || people.get(m.staffId)?.status !== 'active') return [];
    return [{ ...m, wecomUserId: userid, addsToday: adds.get(m.staffId) ?? 0 }];
  });
}

export async function targetOf(ctx: Ctx, code: LiveCodeRow, opts: { afterAdd?: boolean; now?: Date } = {}) {
  const now = opts.now ?? ctx.clock.now();
  const tz = await tenantZone(ctx);
  const members = await candidatesOf(ctx, code, now, tz);
  const backup = await wecomUserIdsForStaff(ctx, code.backupStaffIds);
  const target: Target = computeTarget({
    distribution: code.distribution,
    members,
    onDuty: onDuty(code.schedule, now, tz),
    backupUserIds: code.backupStaffIds.flatMap((id) => backup.get(id) ?? []),
    applied: code.appliedUserIds,
    rotation: code.rotation,
    afterAdd: opts.afterAdd ?? false,
  });
  return { target, skipVerify: skipVerifyAt(code.skipVerify, code.skipVerifyWindow, now, tz) };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * Recomputes and, when it differs, updates the contact way — under the code's row lock, so that two
 * adds at once move the rotation on twice rather than once. A WeCom failure is recorded on the code
 * (`lastError`) and the applied state left as it was, so the next tick tries again.
 */
export function applyLiveCode(ctx: Ctx, codeId: string, opts: { afterAdd?: boolean; force?: boolean } = {}) {
  return inTransaction(ctx, async (tx) => {
    const code = await findCode(tx.db, tx.tenantId, codeId, { lock: true });
    if (!code?.configId) return null;
    return applyLocked(tx, { ...code, configId: code.configId }, opts);
  });
}

async function applyLocked(
  ctx: Ctx,
  code: LiveCodeRow & { configId: string },
  opts: { afterAdd?: boolean; force?: boolean },
) {
  const { target, skipVerify } = await targetOf(ctx, code, opts);
  const now = ctx.clock.now();
  const changed = opts.force || !sameList(target.userIds, code.appliedUserIds) || skipVerify !== code.appliedSkipVerify;
  const base = { rotation: target.rotation, routing: target.routing };
  if (!changed || target.userIds.length === 0) {
    await updateCode(ctx.db, ctx.tenantId, code.id, base);
    return { ...code, ...base };
  }
  try {
    const client = await wecomClientOrFail(ctx);
    await client.contactWays.update({ config_id: code.configId, user: target.userIds, skip_verify: skipVerify });
  } catch (err) {
    const lastError =
      err instanceof WecomError || err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
    ctx.log.warn({ err, codeId: code.id }, 'live code: update_contact_way failed');
    await updateCode(ctx.db, ctx.tenantId, code.id, { lastError });
    return { ...code, lastError };
  }
  const set = {
    ...base,
    appliedUserIds: target.userIds,
    appliedSkipVerify: skipVerify,
    lastAppliedAt: now,
    lastError: null,
  };
  await updateCode(ctx.db, ctx.tenantId, code.id, set);
  return { ...code, ...set };
}
