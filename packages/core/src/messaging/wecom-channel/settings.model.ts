/** A stored WeCom settings row opened: its sealed fields (platform/secrets, bound to tenant and field). */
import { secrets } from '../../platform';
import type { WecomSettingsRow } from './settings.repo';

export type SealedField = 'secret' | 'encodingAesKey';
const aad = (tenantId: string, field: SealedField) => `${tenantId}/messaging/wecom/${field}`;

export const sealWecom = (tenantId: string, field: SealedField, plain: string) =>
  secrets().seal(plain, aad(tenantId, field));

export const openWecom = (row: WecomSettingsRow, field: SealedField) =>
  secrets().open(row[field], aad(row.tenantId, field));

/** What the callback route and the client need: the keys in clear. */
export type OpenWecomSettings = {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBaseUrl: string | null;
};

export const openSettings = (row: WecomSettingsRow): OpenWecomSettings => ({
  corpId: row.corpId,
  agentId: row.agentId,
  secret: openWecom(row, 'secret'),
  token: row.token,
  encodingAesKey: openWecom(row, 'encodingAesKey'),
  apiBaseUrl: row.apiBaseUrl,
});
