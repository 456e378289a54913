/**
 * Creating, changing and deleting live codes: each is a WeCom contact way (add_contact_way with the
 * code's `state`; update_contact_way; del_contact_way) kept in step with the stored code, in one
 * transaction with the WeCom call (a WeCom refusal leaves nothing behind). docs/wecom.md.
 */
import type { LiveCode, LiveCodeInput, LiveCodePatch } from '@siyu/contracts';
import { AppError, type Ctx, inTransaction, invalid, newId, notFound } from '../../platform';
import { WecomError } from '../wecom/errors';
import { WECOM_LIMITS } from '../wecom/limits';
import { applyLiveCode, targetOf, wecomClientOrFail } from './apply.service';
import {
  findCode,
  insertCode,
  type LiveCodeRow,
  listCodes,
  membersOf,
  replaceMembers,
  updateCode,
} from './live-codes.repo';
import { liveCodeViews } from './live-codes.view';
import { checkReferences } from './references';
import { cut } from './templates';

/** A WeCom refusal as a 422 the admin can act on (e.g. a member without 客户联系 permission). */
export function wecomRefusal(err: unknown): never {
  if (err instanceof WecomError)
    throw new AppError(422, 'WECOM_REJECTED', `WeCom refused the contact way: ${err.message}`, {
      code: err.code,
      ...err.details,
    });
  throw err;
}

const noOne = () =>
  new AppError(
    422,
    'NO_WECOM_MEMBERS',
    'members: none of the staff members, department staff or backup staff can take adds now (no WeCom account linked, or none active)',
  );

/** `lc_` + the random tail of the id: unique, ≤ 30 characters (WeCom's `state`). */
const stateOf = (id: string) => `lc_${id.slice(-16)}`;

export async function getLiveCode(ctx: Ctx, id: string): Promise<LiveCode> {
  const row = await findCode(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Live code', id);
  return (await liveCodeViews(ctx, [row]))[0]!;
}

export async function listLiveCodes(ctx: Ctx, q: { q?: string; cursor?: string; limit: number }) {
  const rows = await listCodes(ctx.db, ctx.tenantId, q);
  const page = rows.slice(0, q.limit);
  return {
    items: await liveCodeViews(ctx, page),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

const stored = (input: LiveCodeInput | LiveCodePatch) => {
  const { members: _m, ...rest } = input;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<LiveCodeRow>;
};

export async function createLiveCode(ctx: Ctx, input: LiveCodeInput): Promise<LiveCode> {
  await checkReferences(ctx, input);
  const client = await wecomClientOrFail(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = newId('lc', now);
    const row: LiveCodeRow = {
      ...(stored(input) as LiveCodeRow),
      tenantId: tx.tenantId,
      id,
      description: input.description ?? null,
      orgUnitId: input.orgUnitId ?? null,
      state: stateOf(id),
      configId: null,
      qrCodeUrl: null,
      appliedUserIds: [],
      appliedSkipVerify: null,
      routing: 'members',
      rotation: { current: null, weights: {} },
      lastAppliedAt: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await insertCode(tx.db, row);
    await replaceMembers(tx.db, tx.tenantId, id, input.members);
    const { target, skipVerify } = await targetOf(tx, row);
    if (target.userIds.length === 0) throw noOne();
    const way = await client.contactWays
      .add({
        type: 2,
        scene: 2,
        state: row.state,
        skip_verify: skipVerify,
        user: target.userIds,
        remark: cut(input.name, WECOM_LIMITS.contactWay.remarkMaxChars),
      })
      .catch(wecomRefusal);
    await updateCode(tx.db, tx.tenantId, id, {
      configId: way.config_id,
      qrCodeUrl: way.qr_code ?? null,
      appliedUserIds: target.userIds,
      appliedSkipVerify: skipVerify,
      routing: target.routing,
      rotation: target.rotation,
      lastAppliedAt: now,
    });
    await tx.audit({
      action: 'messaging.live_code.create',
      entityType: 'live_code',
      entityId: id,
      summary: `Created the live code ${input.name}`,
      changes: { state: row.state, configId: way.config_id, users: target.userIds },
    });
    return id;
  });
  return getLiveCode(ctx, id);
}

export async function updateLiveCode(ctx: Ctx, id: string, patch: LiveCodePatch): Promise<LiveCode> {
  await checkReferences(ctx, patch);
  await inTransaction(ctx, async (tx) => {
    const row = await findCode(tx.db, tx.tenantId, id, { lock: true });
    if (!row) throw notFound('Live code', id);
    const members = patch.members ?? (await membersOf(tx.db, tx.tenantId, [id]));
    const departments = patch.departmentIds ?? row.departmentIds;
    if (members.length + departments.length === 0)
      throw invalid('members', 'add at least one staff member or department');
    const skipVerify = patch.skipVerify ?? row.skipVerify;
    const window = patch.skipVerifyWindow === undefined ? row.skipVerifyWindow : patch.skipVerifyWindow;
    if (skipVerify === 'window' && !window) throw invalid('skipVerifyWindow', 'is required when skipVerify is window');
    // a changed member list or mode starts the rotation afresh
    const reset = patch.members || patch.departmentIds || patch.distribution;
    await updateCode(tx.db, tx.tenantId, id, {
      ...stored(patch),
      ...(reset ? { rotation: { current: null, weights: {} } } : {}),
      updatedAt: tx.clock.now(),
    });
    if (patch.members) await replaceMembers(tx.db, tx.tenantId, id, patch.members);
    const applied = await applyLiveCode(tx, id, { force: true });
    if (applied?.lastError && applied.lastError !== row.lastError)
      throw new AppError(422, 'WECOM_REJECTED', `WeCom refused the change: ${applied.lastError}`);
    if (applied && applied.routing === 'kept' && applied.appliedUserIds.length === 0) throw noOne();
    await tx.audit({
      action: 'messaging.live_code.update',
      entityType: 'live_code',
      entityId: id,
      summary: `Changed the live code ${patch.name ?? row.name}`,
      changes: { fields: Object.keys(patch) },
    });
  });
  return getLiveCode(ctx, id);
}

export async function deleteLiveCode(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await findCode(tx.db, tx.tenantId, id, { lock: true });
    if (!row) throw notFound('Live code', id);
    if (row.configId) {
      const client = await wecomClientOrFail(tx);
      await client.contactWays.del({ config_id: row.configId }).catch((err) => {
        if (!(err instanceof WecomError && err.code === 'NOT_FOUND')) wecomRefusal(err);
      });
    }
    const now = tx.clock.now();
    await updateCode(tx.db, tx.tenantId, id, { deletedAt: now, updatedAt: now, configId: null });
    await tx.audit({
      action: 'messaging.live_code.delete',
      entityType: 'live_code',
      entityId: id,
      summary: `Deleted the live code ${row.name}`,
      changes: { configId: row.configId },
    });
  });
  return { ok: true as const };
}

/**
 * Creates the contact way of a code again, with the same `state` (adds keep attributing): for a way
 * deleted in WeCom's console, or the demo's sandbox, which forgets its ways at every start. The QR
 * code changes.
 */
export async function restoreLiveCodeWay(ctx: Ctx, id: string): Promise<LiveCode> {
  const client = await wecomClientOrFail(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await findCode(tx.db, tx.tenantId, id, { lock: true });
    if (!row) throw notFound('Live code', id);
    const { target, skipVerify } = await targetOf(tx, { ...row, appliedUserIds: [] });
    if (target.userIds.length === 0) throw noOne();
    const way = await client.contactWays
      .add({
        type: 2,
        scene: 2,
        state: row.state,
        skip_verify: skipVerify,
        user: target.userIds,
        remark: cut(row.name, WECOM_LIMITS.contactWay.remarkMaxChars),
      })
      .catch(wecomRefusal);
    const now = tx.clock.now();
    await updateCode(tx.db, tx.tenantId, id, {
      configId: way.config_id,
      qrCodeUrl: way.qr_code ?? null,
      appliedUserIds: target.userIds,
      appliedSkipVerify: skipVerify,
      routing: target.routing,
      rotation: target.rotation,
      lastAppliedAt: now,
      lastError: null,
      updatedAt: now,
    });
  });
  return getLiveCode(ctx, id);
}
