/**
 * The change_external_chat callback for the whole of messaging: the registry applies it, then every
 * group code fronting the group (or named by a joining member's state) is checked — a room WeCom
 * auto-created for a code joins the code, and a code whose groups' fill no longer matches its join
 * way is re-routed by a job after the commit (the WeCom call stays out of the transaction).
 */
import type { Ctx } from '../../platform';
import { applyChatEvent, type ChatEvent } from '../group-chats/chat-events.service';
import { findGroup } from '../group-chats/groups.repo';
import type { GroupChat } from '../wecom/groups.endpoints';
import { codesNeedingRoute, GROUP_CODE_APPLY_JOB } from './apply.service';
import { codesWithChats, findCode, updateCode } from './group-codes.repo';

export { fetchChatSnapshot } from '../group-chats/chat-events.service';

export async function applyGroupChatEvent(ctx: Ctx, e: ChatEvent, chat: GroupChat | null): Promise<string> {
  const r = await applyChatEvent(ctx, e, chat);
  if (!r.groupId) return r.outcome;
  const group = await findGroup(ctx.db, ctx.tenantId, r.groupId);
  if (!group) return r.outcome;
  // A member who came through a code into a group the code does not list: a room WeCom auto-created.
  const viaCodes = new Set(r.joined.map((j) => j.m.state).filter((s): s is string => Boolean(s && /^gc_/.test(s))));
  for (const codeId of viaCodes) {
    const code = await findCode(ctx.db, ctx.tenantId, codeId, true);
    if (code && !code.chatIds.includes(group.chatId)) {
      await updateCode(ctx.db, ctx.tenantId, code.id, {
        chatIds: [...code.chatIds, group.chatId],
        updatedAt: ctx.clock.now(),
      });
    }
  }
  const codes = await codesWithChats(ctx.db, ctx.tenantId, [group.chatId]);
  const due = await codesNeedingRoute(ctx, codes);
  for (const codeId of due) await ctx.enqueue(GROUP_CODE_APPLY_JOB, { tenantId: ctx.tenantId, codeId });
  return due.length ? `${r.outcome}; re-routing ${due.join(', ')}` : r.outcome;
}
