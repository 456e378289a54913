/** What a stored channel-settings row holds, and its secrets opened (platform/secrets, bound by aad). */
import type { SmsTemplate } from '@siyu/contracts';
import { secrets } from '../../platform';
import type { ChannelName, ChannelSettingsRow } from './settings.repo';

export type SmsConfigJson = {
  signName: string;
  templates: SmsTemplate[];
  keyId: string | null;
  sdkAppId: string | null;
  region: string | null;
  /** The secret part of the reply-push URL (/webhooks/sms/<tenant>/replies/<token>). */
  replyToken: string;
  /** Sandbox rows only: the demo sandbox this API serves. */
  endpoint?: string;
};
export type EmailConfigJson = {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
};
/** Secret fields: sms `keySecret`; email `password` and `unsubscribeKey` (signs unsubscribe links). */
export const secretAad = (tenantId: string, channel: ChannelName, field: string) =>
  `${tenantId}/messaging/${channel}/${field}`;

export const sealSecret = (tenantId: string, channel: ChannelName, field: string, plain: string) =>
  secrets().seal(plain, secretAad(tenantId, channel, field));

export function openSecret(row: ChannelSettingsRow, field: string): string | null {
  const sealed = row.secrets[field];
  return sealed ? secrets().open(sealed, secretAad(row.tenantId, row.channel, field)) : null;
}
