/**
 * Importing a corp's groups: groupchat/list page by page (cursor), groupchat/get for each group, each
 * group applied in its own transaction together with the sync's progress (the page's cursor and how
 * many of its groups are done). A restarted job resumes at that group. When the listing ends, groups
 * of the registry that WeCom no longer lists are marked dismissed (groupchat/list lists every group,
 * without the dismissed ones). One sync runs at a time per tenant.
 */
import type { GroupSync } from '@siyu/contracts';
import { AppError, actorId, type Ctx, inTransaction, newId, notFound } from '../../platform';
import type { WecomClient } from '../wecom/client';
import { WecomError } from '../wecom/errors';
import { WECOM_LIMITS } from '../wecom/limits';
import { tenantWecomClient, tenantWecomSettings } from '../wecom-channel/settings.service';
import { dismissUnseen } from './groups.repo';
import { applyGroupSnapshot, type StaffCache } from './registry.service';
import { findSync, type GroupSyncRow, insertSync, latestSync, unfinishedSync, updateSync } from './syncs.repo';

export const GROUP_SYNC_JOB = 'messaging.groups.sync';
/** An unfinished sync not heard of for this long is taken up again by the next start. */
const STALE_MS = 2 * 60_000;

export const groupSyncView = (r: GroupSyncRow): GroupSync => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  listed: r.listed,
  processed: r.processed,
  skipped: r.failed,
  total: r.total,
  dismissed: r.dismissed,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

const notConfigured = () =>
  new AppError(409, 'WECOM_NOT_CONFIGURED', 'Save the WeCom settings (corp id, secret, agent id) first');

/** Starts a sync (or answers the one under way, taking it up again when it stalled). */
export async function startGroupSync(ctx: Ctx, trigger: GroupSync['trigger'] = 'manual'): Promise<GroupSync> {
  const settings = await tenantWecomSettings(ctx);
  if (!settings) throw notConfigured();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const open = await unfinishedSync(tx.db, tx.tenantId);
    if (open) {
      if (now.getTime() - open.updatedAt.getTime() > STALE_MS || open.error) {
        const row = await updateSync(tx.db, tx.tenantId, open.id, { error: null, updatedAt: now });
        await tx.enqueue(GROUP_SYNC_JOB, { tenantId: tx.tenantId, syncId: open.id });
        return groupSyncView(row!);
      }
      return groupSyncView(open);
    }
    const row = await insertSync(tx.db, {
      tenantId: tx.tenantId,
      id: newId('gsy', now),
      corpId: settings.corpId,
      status: 'queued',
      trigger,
      createdBy: actorId(tx),
      createdAt: now,
      updatedAt: now,
    });
    await tx.enqueue(GROUP_SYNC_JOB, { tenantId: tx.tenantId, syncId: row.id });
    await tx.audit({
      action: 'messaging.groups.sync',
      entityType: 'group_sync',
      entityId: row.id,
      summary: `Group sync started (${trigger})`,
    });
    return groupSyncView(row);
  });
}

export async function getGroupSync(ctx: Ctx, id: string) {
  const row = await findSync(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Group sync', id);
  return groupSyncView(row);
}

export async function latestGroupSync(ctx: Ctx) {
  const row = await latestSync(ctx.db, ctx.tenantId);
  return { sync: row ? groupSyncView(row) : null };
}

async function fetchChat(client: WecomClient, chatId: string) {
  try {
    return (await client.groupChats.get({ chat_id: chatId, need_name: 1 })).group_chat;
  } catch (err) {
    // Dismissed between the listing and now: nothing to import.
    if (err instanceof WecomError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/** `pageSize`: groups a groupchat/list page (default WeCom's 1000); `maxGroups`: stop after that many (the job continues later). */
export type RunOptions = { pageSize?: number; maxGroups?: number };

/**
 * Runs (or resumes) a sync to its end. Throws on a WeCom failure after recording it on the row; the
 * job's retry (or the next start) resumes from the stored cursor.
 */
export async function runGroupSync(ctx: Ctx, syncId: string, opts: RunOptions = {}): Promise<GroupSync> {
  let row = await findSync(ctx.db, ctx.tenantId, syncId);
  if (!row) throw notFound('Group sync', syncId);
  if (row.status === 'done' || row.status === 'failed') return groupSyncView(row);
  const client = await tenantWecomClient(ctx);
  if (!client) {
    const failed = await updateSync(ctx.db, ctx.tenantId, syncId, {
      status: 'failed',
      error: 'WeCom settings were removed',
      updatedAt: ctx.clock.now(),
    });
    return groupSyncView(failed!);
  }
  const startedAt = row.startedAt ?? ctx.clock.now();
  row = (await updateSync(ctx.db, ctx.tenantId, syncId, {
    status: 'running',
    startedAt,
    error: null,
    updatedAt: ctx.clock.now(),
  }))!;
  const limit = opts.pageSize ?? WECOM_LIMITS.groupChat.listMax;
  const cache: StaffCache = new Map();
  let budget = opts.maxGroups ?? Number.POSITIVE_INFINITY;
  try {
    for (;;) {
      const page = await client.groupChats.list({ limit, ...(row.cursor ? { cursor: row.cursor } : {}) });
      const items = page.group_chat_list;
      const next = page.next_cursor || null;
      row = (await updateSync(ctx.db, ctx.tenantId, syncId, {
        listed: row.processed + row.failed + items.length - row.pageDone,
        updatedAt: ctx.clock.now(),
      }))!;
      for (let i = row.pageDone; i < items.length; i++) {
        if (budget-- <= 0) return groupSyncView(row);
        const chat = await fetchChat(client, items[i]!.chat_id);
        const expected = { cursor: row.cursor, pageDone: i };
        const saved = await inTransaction(ctx, async (tx) => {
          // Under the sync's row lock: another runner of the same sync (a stalled job taken up again) moved on.
          const cur = await findSync(tx.db, tx.tenantId, syncId, true);
          if (!cur || cur.cursor !== expected.cursor || cur.pageDone !== expected.pageDone) return null;
          if (chat) await applyGroupSnapshot(tx, cur.corpId, chat, { cache });
          return updateSync(tx.db, tx.tenantId, syncId, {
            pageDone: i + 1,
            processed: cur.processed + (chat ? 1 : 0),
            failed: cur.failed + (chat ? 0 : 1),
            updatedAt: tx.clock.now(),
          });
        });
        if (!saved) return getGroupSync(ctx, syncId);
        row = saved;
      }
      if (!next) break;
      row = (await updateSync(ctx.db, ctx.tenantId, syncId, {
        cursor: next,
        pageDone: 0,
        updatedAt: ctx.clock.now(),
      }))!;
    }
    const done = await inTransaction(ctx, async (tx) => {
      const now = tx.clock.now();
      const dismissed = await dismissUnseen(tx.db, tx.tenantId, row!.corpId, startedAt, now);
      return updateSync(tx.db, tx.tenantId, syncId, {
        status: 'done',
        total: row!.processed + row!.failed,
        listed: row!.processed + row!.failed,
        listingDone: true,
        dismissed,
        finishedAt: now,
        updatedAt: now,
      });
    });
    return groupSyncView(done!);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await updateSync(ctx.db, ctx.tenantId, syncId, { error, updatedAt: ctx.clock.now() });
    throw err;
  }
}
