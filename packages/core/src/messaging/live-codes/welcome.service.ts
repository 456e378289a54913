/**
 * Welcome messages of live codes: the tenant default (GET/PUT), and sending one with the add
 * event's welcome_code — which WeCom accepts once, within 20 s of the event, so this runs in the
 * callback's request right after the add is committed, never queued behind other work.
 */
import type { DefaultWelcome, WelcomeMessage } from '@siyu/contracts';
import { type Ctx, dayIn, inTransaction } from '../../platform';
import { groupCodeForWelcome } from '../group-codes';
import { pictureMediaId } from '../wecom-channel/media.service';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import type { WecomClient } from '../wecom/client';
import { WecomError } from '../wecom/errors';
import { WECOM_LIMITS } from '../wecom/limits';
import { staffForWecomUser } from '../wecom-channel/staff-link';
import { tenantZone } from './apply.service';
import { findCodeByState, findSettings, openAddOf, saveSettings } from './live-codes.repo';
import type { StoredAttachment, StoredWelcome } from './live-codes.types';
import { coverUrls, type TemplateValues, welcomePayload } from './templates';

export async function getDefaultWelcome(ctx: Ctx): Promise<DefaultWelcome> {
  const row = await findSettings(ctx.db, ctx.tenantId);
  return {
    text: row?.welcomeText ?? '',
    attachments: row?.welcomeAttachments ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function setDefaultWelcome(ctx: Ctx, input: WelcomeMessage): Promise<DefaultWelcome> {
  await inTransaction(ctx, async (tx) => {
    await saveSettings(tx.db, {
      tenantId: tx.tenantId,
      welcomeText: input.text,
      welcomeAttachments: input.attachments,
      updatedAt: tx.clock.now(),
    });
    await tx.audit({
      action: 'messaging.live_code.default_welcome',
      entityType: 'live_code_settings',
      entityId: 'default_welcome',
      summary: 'Changed the default welcome message of live codes',
      changes: { text: input.text, attachments: input.attachments.length },
    });
  });
  return getDefaultWelcome(ctx);
}

/** The message a code sends (its own, the tenant default, or none). */
export async function welcomeOf(
  ctx: Ctx,
  welcome: StoredWelcome,
): Promise<{ text: string; attachments: StoredAttachment[] } | null> {
  if (welcome.mode === 'none') return null;
  if (welcome.mode === 'custom') return welcome;
  const d = await findSettings(ctx.db, ctx.tenantId);
  return d ? { text: d.welcomeText, attachments: d.welcomeAttachments } : null;
}

export type WelcomeJob = {
  welcomeCode: string;
  message: { text: string; attachments: StoredAttachment[] };
  groupCodeId: string | null;
  values: TemplateValues;
};

/**
 * The covers of the message's mini-program cards as WeCom media ids; a cover that cannot be uploaded
 * drops its card (the rest of the welcome still goes: the code is good once, within 20 s).
 */
async function coversOf(ctx: Ctx, client: WecomClient, attachments: StoredAttachment[]) {
  const covers = new Map<string, string>();
  for (const url of coverUrls(attachments)) {
    try {
      covers.set(url, await pictureMediaId(ctx, client, url));
    } catch (err) {
      ctx.log.warn({ err, url }, 'mini-program cover not uploaded; the card is left out of the welcome');
    }
  }
  return covers;
}

export type AddEvent = { state?: string; welcomeCode?: string; userId: string; externalUserId: string };

/**
 * The welcome of an add event whose `state` is a live code, sent first — before the customer, owner
 * and tags are written — with reads only and outside any transaction, so the 20 s window is never
 * spent waiting behind that work. A relationship already welcomed through the code (add_half then
 * add_external) is not welcomed again. Null when the event asks for no welcome.
 */
export async function welcomeAddEvent(ctx: Ctx, e: AddEvent, nickname: string | null): Promise<string | null> {
  if (!e.welcomeCode || !e.state) return null;
  const code = await findCodeByState(ctx.db, ctx.tenantId, e.state);
  if (!code) return null;
  if (await openAddOf(ctx.db, ctx.tenantId, code.id, e.externalUserId, e.userId))
    return 'welcome not sent: the relationship was welcomed through this code already';
  const message = await welcomeOf(ctx, code.welcome);
  if (!message) return null;
  const staff = await staffForWecomUser(ctx, e.userId);
  const values = {
    nickname: nickname ?? '',
    channel: code.name,
    staff: staff?.name ?? e.userId,
    date: dayIn(ctx.clock.now(), await tenantZone(ctx)),
  };
  return sendLiveCodeWelcome(ctx, { welcomeCode: e.welcomeCode, message, groupCodeId: code.groupCodeId, values });
}

/** Sends once; 41051 (already sent) is final, 41096 (another app is sending) is retried once. */
export async function sendLiveCodeWelcome(ctx: Ctx, w: WelcomeJob): Promise<string> {
  const client = await tenantWecomClient(ctx);
  if (!client) return 'welcome not sent: WeCom is not configured';
  const group = w.groupCodeId ? await groupCodeForWelcome(ctx, w.groupCodeId).catch(() => null) : null;
  const covers = await coversOf(ctx, client, w.message.attachments);
  const payload = welcomePayload(w.message, w.values, group, WECOM_LIMITS.welcome.attachmentsMax, covers);
  if (!payload) return 'welcome empty: nothing sent';
  for (let attempt = 0; ; attempt++) {
    try {
      await client.welcome.send({ welcome_code: w.welcomeCode, ...payload });
      return `welcome sent${group ? ` with the group code ${group.name}` : ''}`;
    } catch (err) {
      if (err instanceof WecomError && err.code === 'WELCOME_ALREADY_SENT') return 'welcome already sent (41051)';
      const busy = err instanceof WecomError && err.details.errcode === 41096;
      if (busy && attempt < WECOM_LIMITS.welcome.busyRetries) continue;
      ctx.log.warn({ err }, 'live code welcome failed');
      return `welcome failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}
