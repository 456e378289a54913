/**
 * Group codes (群活码) for the admin: create (WeCom add_join_way, then the row; the join way is deleted
 * again if the row cannot be saved), change (update_join_way), delete (del_join_way; the join history
 * stays for the stats), list and read with each group's fill.
 */
import type { GroupCode, GroupCodeInput, GroupCodeListQuery, GroupCodePatch } from '@siyu/contracts';
import type { z } from 'zod';
import { AppError, actorId, type Ctx, inTransaction, invalid, newId, notFound } from '../../platform';
import { findGroups } from '../group-chats/groups.repo';
import { codeJoinTotals } from '../group-chats/groups.repo';
import { tenantWecomSettings } from '../wecom-channel/settings.service';
import { WecomError } from '../wecom/errors';
import { describeError, joinWayFields, routingGroups, wecomClientOrFail } from './apply.service';
import { deleteCode, findCode, type GroupCodeRow, insertCode, listCodeRows, updateCode } from './group-codes.repo';
import { routeCode } from './routing';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function wecomRefusal(err: unknown): never {
  if (err instanceof WecomError)
    throw new AppError(422, 'WECOM_REJECTED', `WeCom refused the join way: ${err.message}`, { code: err.code });
  throw err;
}

async function views(ctx: Ctx, rows: GroupCodeRow[]): Promise<GroupCode[]> {
  const joins = await codeJoinTotals(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  const out: GroupCode[] = [];
  for (const c of rows) {
    const groups = await routingGroups(ctx, c.corpId, c.chatIds);
    out.push({
      id: c.id,
      name: c.name,
      state: c.state,
      configId: c.configId,
      qrCodeUrl: c.qrCodeUrl,
      groups: c.chatIds.flatMap((chatId) => {
        const g = groups.get(chatId);
        if (!g) return [];
        return [
          {
            groupId: g.id,
            chatId,
            name: g.name,
            status: g.status,
            memberCount: g.memberCount,
            full: g.memberCount >= c.memberCap,
            onJoinWay: c.activeChatIds.includes(chatId),
          },
        ];
      }),
      memberCap: c.memberCap,
      autoCreate: c.autoCreate,
      roomBaseName: c.roomBaseName,
      roomBaseId: c.roomBaseId,
      remark: c.remark,
      routing: c.routing,
      joins: joins.get(c.id) ?? 0,
      lastAppliedAt: iso(c.lastAppliedAt),
      lastError: c.lastError,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    });
  }
  return out;
}

export async function groupCodeView(ctx: Ctx, row: GroupCodeRow) {
  return (await views(ctx, [row]))[0]!;
}

export async function listGroupCodes(ctx: Ctx, q: z.output<typeof GroupCodeListQuery>) {
  const page = await listCodeRows(ctx.db, ctx.tenantId, q);
  return { items: await views(ctx, page.items), nextCursor: page.nextCursor };
}

async function loadCode(ctx: Ctx, id: string) {
  const row = await findCode(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Group code', id);
  return row;
}

export async function getGroupCode(ctx: Ctx, id: string) {
  return groupCodeView(ctx, await loadCode(ctx, id));
}

/** The chat ids of the picked groups, in order; each must be an active group of this tenant's corp. */
async function chatIdsOf(ctx: Ctx, corpId: string, groupIds: string[]) {
  const rows = new Map((await findGroups(ctx.db, ctx.tenantId, groupIds)).map((g) => [g.id, g]));
  return groupIds.map((id, i) => {
    const g = rows.get(id);
    if (!g || g.corpId !== corpId) throw invalid(`groupIds.${i}`, `no group ${id} (sync the groups first)`);
    if (g.status !== 'active') throw invalid(`groupIds.${i}`, `group ${g.name} is dismissed`);
    return g.chatId;
  });
}

export async function createGroupCode(ctx: Ctx, input: z.output<typeof GroupCodeInput>) {
  const client = await wecomClientOrFail(ctx);
  const corpId = (await tenantWecomSettings(ctx))!.corpId;
  const chatIds = await chatIdsOf(ctx, corpId, input.groupIds);
  const now = ctx.clock.now();
  const id = newId('gc', now);
  const fields = {
    state: id,
    remark: input.remark,
    autoCreate: input.autoCreate,
    roomBaseName: input.roomBaseName,
    roomBaseId: input.autoCreate ? (input.roomBaseId ?? 1) : input.roomBaseId,
  };
  const target = routeCode(
    { chatIds, memberCap: input.memberCap, autoCreate: input.autoCreate, activeChatIds: chatIds.slice(0, 5) },
    await routingGroups(ctx, corpId, chatIds),
  );
  const configId = await client.joinWays
    .add(joinWayFields(fields, target.activeChatIds))
    .then((r) => r.config_id, wecomRefusal);
  try {
    const way = (await client.joinWays.get({ config_id: configId })).join_way;
    const row = await inTransaction(ctx, async (tx) => {
      const saved = await insertCode(tx.db, {
        tenantId: tx.tenantId,
        id,
        name: input.name,
        corpId,
        configId,
        qrCodeUrl: way.qr_code ?? null,
        chatIds,
        activeChatIds: target.activeChatIds,
        memberCap: input.memberCap,
        routing: target.routing,
        lastAppliedAt: now,
        createdBy: actorId(tx),
        createdAt: now,
        updatedAt: now,
        ...fields,
      });
      await tx.audit({
        action: 'messaging.group_code.create',
        entityType: 'group_code',
        entityId: id,
        summary: `Group code ${input.name} created`,
        changes: { groups: chatIds, memberCap: input.memberCap, autoCreate: input.autoCreate },
      });
      return saved;
    });
    return groupCodeView(ctx, row);
  } catch (err) {
    await client.joinWays
      .del({ config_id: configId })
      .catch((e) => ctx.log.warn({ err: e, configId }, 'join way left behind'));
    throw err;
  }
}

export async function updateGroupCode(ctx: Ctx, id: string, patch: z.output<typeof GroupCodePatch>) {
  const code = await loadCode(ctx, id);
  const client = await wecomClientOrFail(ctx);
  const chatIds = patch.groupIds ? await chatIdsOf(ctx, code.corpId, patch.groupIds) : code.chatIds;
  const next = {
    ...code,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.memberCap !== undefined ? { memberCap: patch.memberCap } : {}),
    ...(patch.autoCreate !== undefined ? { autoCreate: patch.autoCreate } : {}),
    ...(patch.roomBaseName !== undefined ? { roomBaseName: patch.roomBaseName } : {}),
    ...(patch.roomBaseId !== undefined ? { roomBaseId: patch.roomBaseId } : {}),
    ...(patch.remark !== undefined ? { remark: patch.remark } : {}),
    chatIds,
  };
  if (next.autoCreate && !next.roomBaseName) throw invalid('roomBaseName', 'is required when autoCreate is on');
  if (next.autoCreate) next.roomBaseId ??= 1;
  const target = routeCode(next, await routingGroups(ctx, code.corpId, chatIds));
  if (code.configId) {
    await client.joinWays
      .update({ config_id: code.configId, ...joinWayFields(next, target.activeChatIds) })
      .catch(wecomRefusal);
  }
  const now = ctx.clock.now();
  const row = await inTransaction(ctx, async (tx) => {
    const saved = await updateCode(tx.db, tx.tenantId, id, {
      name: next.name,
      memberCap: next.memberCap,
      autoCreate: next.autoCreate,
      roomBaseName: next.roomBaseName,
      roomBaseId: next.roomBaseId,
      remark: next.remark,
      chatIds,
      activeChatIds: target.activeChatIds,
      routing: target.routing,
      lastAppliedAt: now,
      lastError: null,
      updatedAt: now,
    });
    await tx.audit({
      action: 'messaging.group_code.update',
      entityType: 'group_code',
      entityId: id,
      summary: `Group code ${next.name} changed`,
      changes: patch,
    });
    return saved!;
  });
  return groupCodeView(ctx, row);
}

export async function deleteGroupCode(ctx: Ctx, id: string) {
  const code = await loadCode(ctx, id);
  if (code.configId) {
    const client = await wecomClientOrFail(ctx);
    await client.joinWays.del({ config_id: code.configId }).catch((err) => {
      // Gone already (deleted in WeCom's console, or a sandbox that restarted): nothing to delete there.
      if (!(err instanceof WecomError && (err.code === 'NOT_FOUND' || err.code === 'INVALID_PARAM'))) wecomRefusal(err);
    });
  }
  await inTransaction(ctx, async (tx) => {
    await deleteCode(tx.db, tx.tenantId, id);
    await tx.audit({
      action: 'messaging.group_code.delete',
      entityType: 'group_code',
      entityId: id,
      summary: `Group code ${code.name} deleted`,
    });
  });
  return { ok: true as const };
}

/**
 * Gives a code a new join way over its groups (the old one is gone: deleted in WeCom's console, or the
 * demo sandbox restarted), keeping its id, state and history.
 */
export async function restoreGroupCodeWay(ctx: Ctx, id: string) {
  const client = await wecomClientOrFail(ctx);
  const code = await loadCode(ctx, id);
  const target = routeCode(code, await routingGroups(ctx, code.corpId, code.chatIds));
  if (!target.activeChatIds.length) throw invalid('groupIds', 'none of the code’s groups is active');
  const configId = await client.joinWays
    .add(joinWayFields(code, target.activeChatIds))
    .then((r) => r.config_id, wecomRefusal);
  const way = (await client.joinWays.get({ config_id: configId })).join_way;
  const now = ctx.clock.now();
  const saved = await updateCode(ctx.db, ctx.tenantId, id, {
    configId,
    qrCodeUrl: way.qr_code ?? null,
    activeChatIds: target.activeChatIds,
    routing: target.routing,
    lastAppliedAt: now,
    lastError: null,
    updatedAt: now,
  });
  return groupCodeView(ctx, saved!);
}

/** For the live codes' welcome ("also pull into group"): the code's name and QR image, or null. */
export async function groupCodeForWelcome(ctx: Ctx, id: string): Promise<{ name: string; qrCodeUrl: string } | null> {
  if (!/^gc_[0-9a-z]{10,32}$/.test(id)) return null;
  const code = await findCode(ctx.db, ctx.tenantId, id);
  return code?.qrCodeUrl ? { name: code.name, qrCodeUrl: code.qrCodeUrl } : null;
}

export { describeError };
