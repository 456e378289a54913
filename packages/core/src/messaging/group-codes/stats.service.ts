/**
 * A group code's statistics, per group: members now, joins through the code by day (tenant time
 * zone) and leaves of members who came through it. Default period: the last 30 days.
 */
import type { GroupCodeStats, GroupCodeStatsQuery } from '@siyu/contracts';
import type { z } from 'zod';
import { getSettings } from '../../access';
import { type Ctx, dayIn, invalid, notFound, startOfDayIn } from '../../platform';
import { codeEventCounts, findGroups } from '../group-chats/groups.repo';
import { routingGroups } from './apply.service';
import { findCode } from './group-codes.repo';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

function daysBetween(from: string, to: string) {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export async function groupCodeStats(
  ctx: Ctx,
  id: string,
  q: z.output<typeof GroupCodeStatsQuery>,
): Promise<GroupCodeStats> {
  const code = await findCode(ctx.db, ctx.tenantId, id);
  if (!code) throw notFound('Group code', id);
  const { timeZone } = await getSettings(ctx);
  const today = dayIn(ctx.clock.now(), timeZone);
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const days = daysBetween(from, to);
  if (days.length > MAX_DAYS) throw invalid('from', `the period may span at most ${MAX_DAYS} days`);
  const nextDay = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const counts = await codeEventCounts(
    ctx.db,
    ctx.tenantId,
    id,
    startOfDayIn(from, timeZone),
    startOfDayIn(nextDay, timeZone),
    timeZone,
  );
  const byChat = await routingGroups(ctx, code.corpId, code.chatIds);
  // Groups of the code, then any other group members came through it into (removed from the code since).
  const known = new Map([...byChat.values()].map((g) => [g.id, g]));
  const others = [...new Set(counts.map((c) => c.groupId))].filter((g) => !known.has(g));
  for (const g of await findGroups(ctx.db, ctx.tenantId, others)) {
    known.set(g.id, { id: g.id, chatId: g.chatId, name: g.name, status: g.status, memberCount: g.memberCount });
  }
  const index = new Map(days.map((d, i) => [d, i]));
  const dayRows = days.map((date) => ({ date, joins: 0, leaves: 0 }));
  const groups = [...known.values()].map((g) => ({
    groupId: g.id,
    chatId: g.chatId,
    name: g.name,
    status: g.status,
    memberCount: g.memberCount,
    full: g.memberCount >= code.memberCap,
    onJoinWay: code.activeChatIds.includes(g.chatId),
    joins: 0,
    leaves: 0,
    joinsByDay: days.map(() => 0),
  }));
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  for (const c of counts) {
    const i = index.get(c.day);
    const g = byId.get(c.groupId);
    if (i === undefined || !g) continue;
    if (c.kind === 'joined') {
      g.joins += c.n;
      g.joinsByDay[i]! += c.n;
      dayRows[i]!.joins += c.n;
    } else {
      g.leaves += c.n;
      dayRows[i]!.leaves += c.n;
    }
  }
  return {
    from,
    to,
    timeZone,
    days: dayRows,
    groups,
    totals: {
      joins: groups.reduce((s, g) => s + g.joins, 0),
      leaves: groups.reduce((s, g) => s + g.leaves, 0),
      members: groups.filter((g) => g.status === 'active').reduce((s, g) => s + g.memberCount, 0),
    },
  };
}
