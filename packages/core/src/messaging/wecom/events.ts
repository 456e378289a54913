/**
 * Typed callback events (外部联系人变更回调, docs 92277, 96361): the fields of a decrypted delivery
 * become one `WecomEvent`, and `callbackIdentity` gives the key to deduplicate WeCom's retries by.
 */
import { createHash } from 'node:crypto';

type Base = { corpId: string; createTime: number };
export type ContactChange =
  | 'add_external_contact'
  | 'add_half_external_contact'
  | 'edit_external_contact'
  | 'del_external_contact'
  | 'del_follow_user'
  | 'transfer_fail';

export type WecomEvent =
  | (Base & {
      kind: 'contact';
      changeType: ContactChange;
      userId: string;
      externalUserId: string;
      /** The contact way's state (add events). */
      state?: string;
      /** For send_welcome_msg within 20 s (add events; absent when a welcome is set in the console). */
      welcomeCode?: string;
      /** del_external_contact: DELETE_BY_TRANSFER when the relation went away through a transfer. */
      source?: string;
      failReason?: string;
    })
  | (Base & {
      kind: 'chat';
      chatId: string;
      changeType: 'create' | 'update' | 'dismiss';
      updateDetail?: string;
      joinScene?: number;
      quitScene?: number;
      memChangeList: string[];
      lastMemVer?: string;
      curMemVer?: string;
    })
  | (Base & { kind: 'tag'; id: string; tagType: string; changeType: string; strategyId?: string })
  | (Base & { kind: 'other'; event: string; changeType?: string; fields: Record<string, unknown> });

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));
const num = (v: unknown): number | undefined => (str(v) === undefined ? undefined : Number(v));

/** `<MemChangeList><Item>a</Item></MemChangeList>` parses to {Item: 'a' | [...]}; JSON may give an array. */
function items(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (v && typeof v === 'object' && 'Item' in v) return items((v as { Item: unknown }).Item);
  return v === undefined || v === null || v === '' ? [] : [String(v)];
}

const CONTACT_CHANGES = new Set<string>([
  'add_external_contact',
  'add_half_external_contact',
  'edit_external_contact',
  'del_external_contact',
  'del_follow_user',
  'transfer_fail',
]);

export function parseWecomEvent(fields: Record<string, unknown>): WecomEvent {
  const base: Base = { corpId: str(fields.ToUserName) ?? '', createTime: num(fields.CreateTime) ?? 0 };
  const event = str(fields.Event) ?? '';
  const changeType = str(fields.ChangeType);
  if (event === 'change_external_contact' && changeType && CONTACT_CHANGES.has(changeType)) {
    return {
      ...base,
      kind: 'contact',
      changeType: changeType as ContactChange,
      userId: str(fields.UserID) ?? '',
      externalUserId: str(fields.ExternalUserID) ?? '',
      state: str(fields.State),
      welcomeCode: str(fields.WelcomeCode),
      source: str(fields.Source),
      failReason: str(fields.FailReason),
    };
  }
  if (
    event === 'change_external_chat' &&
    (changeType === 'create' || changeType === 'update' || changeType === 'dismiss')
  ) {
    return {
      ...base,
      kind: 'chat',
      chatId: str(fields.ChatId) ?? '',
      changeType,
      updateDetail: str(fields.UpdateDetail),
      joinScene: num(fields.JoinScene),
      quitScene: num(fields.QuitScene),
      memChangeList: items(fields.MemChangeList),
      lastMemVer: str(fields.LastMemVer),
      curMemVer: str(fields.CurMemVer),
    };
  }
  if (event === 'change_external_tag' && changeType) {
    return {
      ...base,
      kind: 'tag',
      id: str(fields.Id) ?? '',
      tagType: str(fields.TagType) ?? '',
      changeType,
      strategyId: str(fields.StrategyId),
    };
  }
  return { ...base, kind: 'other', event, changeType, fields };
}

/**
 * What identifies one delivery across WeCom's retries: `MsgId` when the message has one, otherwise
 * a hash of its fields (a retry repeats the same plaintext; FromUserName+CreateTime alone is not
 * unique when several events happen in one second).
 */
export function callbackIdentity(fields: Record<string, unknown>): string {
  const msgId = str(fields.MsgId);
  if (msgId) return `msg:${msgId}`;
  const canonical = JSON.stringify(
    Object.keys(fields)
      .sort()
      .map((k) => [k, fields[k]]),
  );
  return `evt:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
