/**
 * A tenant's SMS and email senders, built at call time from its stored settings (API, worker and CLI
 * all read them from the database), cached per process for OWNED_LIMITS.settingsCacheSeconds and
 * dropped when this process saves the settings.
 */
import type { SmsTemplate } from '@siyu/contracts';
import { type Clock, type Ctx, processMode, SECOND } from '../../platform';
import { createAliyunSms } from './aliyun-sms';
import { createEmailSender, type EmailSender } from './email-sender';
import { OWNED_LIMITS } from './limits';
import type { SmsSender } from './sms-sender';
import { createTencentSms } from './tencent-sms';
import { type EmailConfigJson, openSecret, type SmsConfigJson } from './settings.model';
import { type ChannelSettingsRow, channelSettingsOf } from './settings.repo';

export type TenantSms = { enabled: boolean; sender: SmsSender; signName: string; templates: SmsTemplate[] };
export type TenantEmail = { enabled: boolean; sender: EmailSender; unsubscribeKey: string; fromAddress: string };
export type TenantChannels = { sms: TenantSms | null; email: TenantEmail | null; problems: string[] };

type Entry = { clock: Clock; at: number; channels: TenantChannels };
const cache = new Map<string, Entry>();

export function forgetTenantChannels(tenantId: string) {
  cache.get(tenantId)?.channels.email?.sender.close();
  cache.delete(tenantId);
}

function smsOf(row: ChannelSettingsRow, clock: Clock): TenantSms {
  const c = row.config as SmsConfigJson;
  const secret = openSecret(row, 'keySecret');
  if (!c.keyId || !secret) throw new Error('the key id or secret is missing');
  const endpoint = row.sandbox && c.endpoint ? { endpoint: c.endpoint } : {};
  const region = c.region ? c.region : undefined;
  const sender =
    row.provider === 'tencent'
      ? createTencentSms({
          secretId: c.keyId,
          secretKey: secret,
          sdkAppId: c.sdkAppId ?? '',
          clock,
          region,
          ...endpoint,
        })
      : createAliyunSms({ accessKeyId: c.keyId, accessKeySecret: secret, clock, regionId: region, ...endpoint });
  return { enabled: row.enabled, sender, signName: c.signName, templates: c.templates };
}

function emailOf(row: ChannelSettingsRow): TenantEmail {
  const c = row.config as EmailConfigJson;
  const key = openSecret(row, 'unsubscribeKey');
  if (!key) throw new Error('the unsubscribe key is missing');
  return {
    enabled: row.enabled,
    sender: createEmailSender(c, openSecret(row, 'password')),
    unsubscribeKey: key,
    fromAddress: c.fromAddress,
  };
}

async function build(ctx: Ctx): Promise<TenantChannels> {
  const rows = (await channelSettingsOf(ctx.db, ctx.tenantId)).filter((r) => !r.sandbox || processMode() === 'demo');
  const out: TenantChannels = { sms: null, email: null, problems: [] };
  for (const row of rows) {
    try {
      if (row.channel === 'sms') out.sms = smsOf(row, ctx.clock);
      else out.email = emailOf(row);
    } catch (err) {
      // A secret that does not open (SIYU_SECRET_KEY missing or changed) must not take the other channel down.
      out.problems.push(`${row.channel}: ${(err as Error).message}`);
      ctx.log.error({ err, tenantId: ctx.tenantId, channel: row.channel }, 'owned channel not usable');
    }
  }
  return out;
}

export async function tenantChannels(ctx: Ctx): Promise<TenantChannels> {
  const now = ctx.clock.now().getTime();
  const hit = cache.get(ctx.tenantId);
  const ttl = OWNED_LIMITS.settingsCacheSeconds * SECOND;
  if (hit && hit.clock === ctx.clock && now - hit.at >= 0 && now - hit.at < ttl) return hit.channels;
  hit?.channels.email?.sender.close();
  const channels = await build(ctx);
  cache.set(ctx.tenantId, { clock: ctx.clock, at: now, channels });
  return channels;
}
