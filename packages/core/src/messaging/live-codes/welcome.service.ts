/**
 * Welcome messages of live codes: the tenant default (GET/PUT), and sending one with the add
 * event's welcome_code — which WeCom accepts once, within 20 s of the event, so this runs in the
 * callback's request right after the add is committed, never queued behind other work.
 */
import type { DefaultWelcome, WelcomeMessage } from '@siyu/contracts';
import { type Ctx, inTransaction } from '../../platform';
import { groupCodeForWelcome } from '../group-codes';
import { pictureMediaId } from '../wecom-channel/media.service';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import type { WecomClient } from '../wecom/client';
import { WecomError } from '../wecom/errors';
import { WECOM_LIMITS } from '../wecom/limits';
import { findSettings, saveSettings } from './live-codes.repo';
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
