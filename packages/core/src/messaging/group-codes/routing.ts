/**
 * Which of a code's groups go on its join way: the active groups under the cap, in the code's order,
 * at most 5 (chat_id_list). When every group is at the cap, the last one stays (WeCom refuses an empty
 * list): with auto-create on, WeCom makes a new room once it is full (WeCom's own limit, 200); without,
 * the code is `full` until a group is added or members leave.
 */
import { WECOM_LIMITS } from '../wecom/limits';

export type RoutingGroup = { chatId: string; status: 'active' | 'dismissed'; memberCount: number };
export type Routing = { activeChatIds: string[]; routing: 'open' | 'full' };

export function routeCode(
  code: { chatIds: readonly string[]; memberCap: number; autoCreate: boolean; activeChatIds: readonly string[] },
  groups: ReadonlyMap<string, RoutingGroup>,
): Routing {
  const ordered = code.chatIds.map((id) => groups.get(id)).filter((g): g is RoutingGroup => g?.status === 'active');
  const open = ordered.filter((g) => g.memberCount < code.memberCap);
  if (open.length) {
    return { activeChatIds: open.slice(0, WECOM_LIMITS.joinWay.chatsMax).map((g) => g.chatId), routing: 'open' };
  }
  const last = ordered.at(-1);
  if (last) return { activeChatIds: [last.chatId], routing: code.autoCreate ? 'open' : 'full' };
  return { activeChatIds: [...code.activeChatIds], routing: 'full' };
}

export const sameList = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');
