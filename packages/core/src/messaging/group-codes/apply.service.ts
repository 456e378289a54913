/**
 * Keeps a code's WeCom join way on the right groups: reads the join way first (WeCom adds the rooms it
 * auto-creates to it), adds those rooms to the code, routes (routing.ts) and calls update_join_way when
 * the list differs. A WeCom failure is recorded on the code (`lastError`) and thrown, so the job retries.
 */
import { AppError, type Ctx, inTransaction } from '../../platform';
import { findGroupsByChats } from '../group-chats/groups.repo';
import type { WecomClient } from '../wecom/client';
import { WecomError } from '../wecom/errors';
import type { JoinWayInput } from '../wecom/groups.endpoints';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { findCode, type GroupCodeRow, updateCode } from './group-codes.repo';
import { type RoutingGroup, routeCode, sameList } from './routing';

export const GROUP_CODE_APPLY_JOB = 'messaging.group-codes.apply';

/** A client of the tenant's corp, or 409 naming what to set up. */
export async function wecomClientOrFail(ctx: Ctx) {
  const client = await tenantWecomClient(ctx);
  if (!client)
    throw new AppError(
      409,
      'WECOM_NOT_CONFIGURED',
      'Group codes need WeCom: save the corp id, app secret and agent id under 设置 → 企业微信 first',
    );
  return client;
}

export const describeError = (err: unknown) =>
  err instanceof WecomError || err instanceof AppError ? `${err.code}: ${err.message}` : String(err);

export async function routingGroups(ctx: Ctx, corpId: string, chatIds: readonly string[]) {
  const rows = await findGroupsByChats(ctx.db, ctx.tenantId, corpId, chatIds);
  return new Map<string, RoutingGroup & { id: string; name: string }>(
    rows.map((g) => [
      g.chatId,
      { chatId: g.chatId, status: g.status, memberCount: g.memberCount, id: g.id, name: g.name },
    ]),
  );
}

/** The join way's fields for a code and a chat list (auto_create_room always sent: WeCom's default is 1). */
export function joinWayFields(
  code: Pick<GroupCodeRow, 'state' | 'remark' | 'autoCreate' | 'roomBaseName' | 'roomBaseId'>,
  chatIds: string[],
): JoinWayInput {
  return {
    scene: 2,
    chat_id_list: chatIds,
    state: code.state,
    auto_create_room: code.autoCreate ? 1 : 0,
    ...(code.remark ? { remark: code.remark } : {}),
    ...(code.autoCreate && code.roomBaseName ? { room_base_name: code.roomBaseName } : {}),
    ...(code.autoCreate ? { room_base_id: code.roomBaseId ?? 1 } : {}),
  };
}

/** Rooms WeCom put on the join way that the code does not know yet (auto-created). */
async function adoptAutoCreated(ctx: Ctx, client: WecomClient, code: GroupCodeRow): Promise<GroupCodeRow> {
  if (!code.configId || !code.autoCreate) return code;
  const way = (await client.joinWays.get({ config_id: code.configId })).join_way;
  const extra = way.chat_id_list.filter((id) => !code.chatIds.includes(id));
  if (!extra.length && (way.room_base_id ?? null) === code.roomBaseId) return code;
  return (await updateCode(ctx.db, ctx.tenantId, code.id, {
    chatIds: [...code.chatIds, ...extra],
    roomBaseId: way.room_base_id ?? code.roomBaseId,
  }))!;
}

/** Recomputes and, when it differs (or `force`), updates the join way. Answers the saved code. */
export async function applyGroupCode(ctx: Ctx, codeId: string, opts: { force?: boolean } = {}) {
  let code = await findCode(ctx.db, ctx.tenantId, codeId);
  if (!code?.configId) return code;
  const configId = code.configId;
  const client = await wecomClientOrFail(ctx);
  try {
    code = await adoptAutoCreated(ctx, client, code);
    const groups = await routingGroups(ctx, code.corpId, code.chatIds);
    const target = routeCode(code, groups);
    const now = ctx.clock.now();
    if (!opts.force && sameList(target.activeChatIds, code.activeChatIds) && target.routing === code.routing) {
      return code.lastError ? updateCode(ctx.db, ctx.tenantId, code.id, { lastError: null }) : code;
    }
    if (!sameList(target.activeChatIds, code.activeChatIds) || opts.force) {
      await client.joinWays.update({ config_id: configId, ...joinWayFields(code, target.activeChatIds) });
    }
    return inTransaction(ctx, async (tx) => {
      const saved = await updateCode(tx.db, tx.tenantId, codeId, {
        activeChatIds: target.activeChatIds,
        routing: target.routing,
        lastAppliedAt: now,
        lastError: null,
        updatedAt: now,
      });
      if (!sameList(target.activeChatIds, code!.activeChatIds))
        await tx.audit({
          action: 'messaging.group_code.route',
          entityType: 'group_code',
          entityId: codeId,
          summary: `Group code ${code!.name} moved to ${target.activeChatIds.length} group(s)`,
          changes: { activeChatIds: { from: code!.activeChatIds, to: target.activeChatIds }, routing: target.routing },
        });
      return saved;
    });
  } catch (err) {
    await updateCode(ctx.db, ctx.tenantId, codeId, { lastError: describeError(err), updatedAt: ctx.clock.now() });
    throw err;
  }
}

/** Codes whose stored routing no longer matches their groups' fill (after joins, leaves, dismissals). */
export async function codesNeedingRoute(ctx: Ctx, codes: GroupCodeRow[]) {
  const out: string[] = [];
  for (const code of codes) {
    if (!code.configId) continue;
    const target = routeCode(code, await routingGroups(ctx, code.corpId, code.chatIds));
    if (!sameList(target.activeChatIds, code.activeChatIds) || target.routing !== code.routing) out.push(code.id);
  }
  return out;
}
