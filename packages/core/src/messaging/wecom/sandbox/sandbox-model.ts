/**
 * DEMO AND TESTS ONLY. The in-memory state of the WeCom sandbox: corps with their staff, external
 * contacts and follow relations, corp tags, contact ways, join ways, groups, welcome codes, mass-send
 * tasks, moments, transfers and the callbacks it delivered. Plus the errcodes it answers with.
 */
import { randomBytes } from 'node:crypto';
import type { Attachment } from '../endpoint';
import type { CallbackFormat } from '../callback';
import type { ContactWay } from '../contacts.endpoints';
import type { GroupMember, GroupWelcomeTemplate, JoinWay } from '../groups.endpoints';
import type { Department } from '../org.endpoints';

/**
 * The errcodes the sandbox answers with. Documented meanings (global error codes, doc 90313): 40001
 * secret, 40003 userid, 40013 corpid, 40014/42001/41001 token, 40050 chatid, 40058 invalid parameter,
 * 40068 tag id, 40071 tag name exists, 40096 external userid, 40097 member has not resigned, 84061 no
 * such relation, 84074 no customer-contact permission, 41051 welcome already sent (doc 92599).
 * WeCom does not document a code for some caps (the 500k contact-way quota, 3,000 tags, transfers per
 * 90 days, an expired welcome_code): the sandbox answers those with 40058 and says which cap in errmsg.
 */
export const ERR = {
  invalidSecret: 40001,
  invalidUserid: 40003,
  invalidCorpId: 40013,
  invalidToken: 40014,
  expiredToken: 42001,
  missingToken: 41001,
  invalidChatId: 40050,
  invalidParam: 40058,
  invalidTagId: 40068,
  tagNameExists: 40071,
  invalidExternalUserid: 40096,
  notResigned: 40097,
  noRelation: 84061,
  noContactPermission: 84074,
  welcomeAlreadySent: 41051,
  invalidMediaType: 40004,
  invalidFileType: 40005,
  invalidFileSize: 40006,
  invalidMediaId: 40007,
} as const;

export type Reply = Record<string, unknown> & { errcode: number; errmsg: string };
export const okReply = (extra: Record<string, unknown> = {}): Reply => ({ errcode: 0, errmsg: 'ok', ...extra });
export const fail = (errcode: number, errmsg: string): Reply => ({ errcode, errmsg });

export type SbxStaff = {
  userid: string;
  name: string;
  department: number[];
  /** 1 active, 2 disabled, 4 not activated, 5 left the corp. */
  status: 1 | 2 | 4 | 5;
  /** Has the 客户联系 feature (only these can be on contact ways and have customers). */
  customerContact: boolean;
  resignedAt?: number;
};

export type SbxFollow = {
  userid: string;
  remark: string;
  description: string;
  createtime: number;
  tagIds: Set<string>;
  remark_mobiles: string[];
  oper_userid: string;
  /** 1 scanned a QR code, 0 unknown; WeCom's add_way values. */
  add_way: number;
  state?: string;
};

export type SbxContact = {
  external_userid: string;
  name: string;
  avatar: string;
  type: 1 | 2;
  gender: 0 | 1 | 2;
  unionid?: string;
  follow: Map<string, SbxFollow>;
};

export type SbxTagGroup = {
  group_id: string;
  group_name: string;
  create_time: number;
  order: number;
  tags: Map<string, { id: string; name: string; create_time: number; order: number }>;
};

export type SbxContactWay = ContactWay & { createdAt: number; nextPick: number };
export type SbxJoinWay = JoinWay & { createdAt: number };

export type SbxGroup = {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice: string;
  members: Map<string, GroupMember>;
  admins: string[];
  version: number;
  dismissed: boolean;
};

/** A temporary media file (media/upload): valid 3 days. */
export type SbxMedia = { media_id: string; type: string; filename: string; size: number; createdAt: number };

export type SbxWelcomeCode = { code: string; userid: string; external_userid: string; issuedAt: number; used: boolean };
export type SbxWelcomeSent = {
  userid: string;
  external_userid: string;
  text?: string;
  attachments: Attachment[];
  sentAt: number;
};

export type SbxSend = { external_userid?: string; chat_id?: string; status: number; send_time?: number };
export type SbxMassMessage = {
  msgid: string;
  chat_type: 'single' | 'group';
  creator?: string;
  create_type: 0 | 1;
  create_time: number;
  text?: { content: string };
  attachments: Attachment[];
  /** remind_groupmsg_send calls, as times (≤ 3 per 24 h). */
  reminders: number[];
  cancelled: boolean;
  /** Per member: 0 waiting for the member to confirm in the client, 2 sent. */
  tasks: Map<string, { status: 0 | 2; send_time?: number; sends: SbxSend[] }>;
};

export type SbxMoment = {
  jobid: string;
  moment_id: string;
  createdAt: number;
  invalidUsers: string[];
  invalidTags: string[];
};
export type SbxTransfer = {
  kind: 'onjob' | 'resigned';
  handover: string;
  takeover: string;
  external_userid: string;
  /** 1 done, 2 waiting. */
  status: 1 | 2;
  takeoverAt: number;
};

export type SbxDelivery = {
  id: number;
  event: string;
  changeType?: string;
  url: string | null;
  attempts: number;
  outcome: 'delivered' | 'failed' | 'no_callback_url';
  httpStatus?: number;
  at: number;
  plaintext: string;
};

export type SbxCorp = {
  corpId: string;
  agentId: string;
  secrets: Set<string>;
  token: string;
  encodingAesKey: string;
  callbackUrl: string | null;
  callbackFormat: CallbackFormat;
  departments: Map<number, Department>;
  staff: Map<string, SbxStaff>;
  contacts: Map<string, SbxContact>;
  tagGroups: Map<string, SbxTagGroup>;
  contactWays: Map<string, SbxContactWay>;
  joinWays: Map<string, SbxJoinWay>;
  groups: Map<string, SbxGroup>;
  welcomeCodes: Map<string, SbxWelcomeCode>;
  media: Map<string, SbxMedia>;
  welcomes: SbxWelcomeSent[];
  massMessages: Map<string, SbxMassMessage>;
  /** Mass messages each customer (or group) received, as times, for the monthly cap. */
  received: Map<string, number[]>;
  moments: Map<string, SbxMoment>;
  groupWelcomeTemplates: Map<string, GroupWelcomeTemplate>;
  transfers: SbxTransfer[];
  /** Customers that deleted a member (del_follow_user), for get_user_behavior_data. */
  losses: { userid: string; external_userid: string; at: number }[];
  deliveries: SbxDelivery[];
};

/** WeCom-looking ids: external_userid `wm…`, chat_id `wr…`, tag ids `et…`, config ids 32 hex. */
export const sbxId = {
  external: () => `wm${randomBytes(15).toString('hex').slice(0, 30)}`,
  chat: () => `wr${randomBytes(15).toString('hex').slice(0, 30)}`,
  tag: () => `et${randomBytes(12).toString('hex')}`,
  config: () => randomBytes(16).toString('hex'),
  msgid: () => `msg${randomBytes(12).toString('hex')}`,
  code: (n = 24) => randomBytes(n).toString('base64url'),
};

export const unix = (ms: number) => Math.floor(ms / 1000);

/** Offset cursors, as opaque strings. */
export function page<T>(items: readonly T[], cursor: string | undefined, limit: number) {
  const start = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? String(start + limit) : '';
  return { slice, next };
}
