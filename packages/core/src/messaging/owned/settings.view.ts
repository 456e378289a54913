/** A tenant's channel settings as staff see them: ids and texts, secrets only as set. */
import type { EmailSettings, SmsSettings } from '@siyu/contracts';
import { type Ctx, processMode, secrets } from '../../platform';
import type { EmailConfigJson, SmsConfigJson } from './settings.model';
import { channelSettingsOf } from './settings.repo';

const rowOf = async (ctx: Ctx, channel: 'sms' | 'email') =>
  (await channelSettingsOf(ctx.db, ctx.tenantId)).find((r) => r.channel === channel);

export async function smsSettingsView(ctx: Ctx, publicUrl: string): Promise<SmsSettings> {
  const row = await rowOf(ctx, 'sms');
  const c = (row?.config ?? {}) as Partial<SmsConfigJson>;
  return {
    configured: Boolean(row?.secrets.keySecret),
    enabled: row?.enabled ?? false,
    provider: row && row.provider !== 'smtp' ? row.provider : null,
    sandbox: row?.sandbox ?? false,
    signName: c.signName ?? null,
    templates: c.templates ?? [],
    keyId: c.keyId ?? null,
    keySecret: { set: Boolean(row?.secrets.keySecret) },
    sdkAppId: c.sdkAppId ?? null,
    region: c.region ?? null,
    replyUrl: c.replyToken ? `${publicUrl}/webhooks/sms/${ctx.tenantId}/replies/${c.replyToken}` : null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    secretsReady: secrets().keyId !== null,
    demo: processMode() === 'demo',
  };
}

export async function emailSettingsView(ctx: Ctx): Promise<EmailSettings> {
  const row = await rowOf(ctx, 'email');
  const c = (row?.config ?? {}) as Partial<EmailConfigJson>;
  return {
    configured: Boolean(row),
    enabled: row?.enabled ?? false,
    sandbox: row?.sandbox ?? false,
    host: c.host ?? null,
    port: c.port ?? null,
    security: c.security ?? null,
    user: c.user ?? null,
    password: { set: Boolean(row?.secrets.password) },
    fromAddress: c.fromAddress ?? null,
    fromName: c.fromName ?? null,
    replyTo: c.replyTo ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    secretsReady: secrets().keyId !== null,
    demo: processMode() === 'demo',
  };
}
