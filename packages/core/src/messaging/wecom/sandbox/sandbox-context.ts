/**
 * DEMO AND TESTS ONLY. What a sandbox handler gets: the corp whose token called, the time, the caps
 * in force (WeCom's by default; a test may lower them), and a way to register a route.
 */
import type { Endpoint } from '../endpoint';
import { WECOM_LIMITS } from '../limits';
import { ERR, fail, type Reply, type SbxCorp, type SbxFollow } from './sandbox-model';

export type SandboxCaps = {
  contactWayQuota: number;
  corpTags: number;
  groupScanJoinMax: number;
  welcomeWindowMs: number;
  transfersPer90Days: number;
  groupWelcomeTemplates: number;
};

export const DEFAULT_CAPS: SandboxCaps = {
  contactWayQuota: WECOM_LIMITS.contactWay.corpQuota,
  corpTags: WECOM_LIMITS.corpTags.max,
  groupScanJoinMax: WECOM_LIMITS.groupChat.scanJoinMaxMembers,
  welcomeWindowMs: WECOM_LIMITS.welcome.windowMs,
  transfersPer90Days: WECOM_LIMITS.transfer.perCustomer.max,
  groupWelcomeTemplates: WECOM_LIMITS.groupChat.welcomeTemplates,
};

export type QrKind = 'contact_way' | 'join_way';
/** Where a code's `qr_code` image lives (WeCom: its CDN; the demo: a PNG the sandbox serves). */
export type QrCodeUrl = (kind: QrKind, configId: string) => string;
export const defaultQrCodeUrl: QrCodeUrl = (kind, configId) =>
  `https://wwcdn.weixin.qq.com/sandbox/${kind}/${configId}.png`;

export type SbxCtx = { corp: SbxCorp; now: number; caps: SandboxCaps; qrCodeUrl: QrCodeUrl };

export type Handler<Req> = (ctx: SbxCtx, body: Req) => Reply;
export type Route = { ep: Endpoint<unknown, unknown>; handle: Handler<unknown> };

export const route = <Req, Res>(ep: Endpoint<Req, Res>, handle: Handler<Req>): Route => ({
  ep: ep as Endpoint<unknown, unknown>,
  handle: handle as Handler<unknown>,
});

/** A member who can have customers: exists, active, with the 客户联系 feature. */
export function contactStaff(ctx: SbxCtx, userid: string): Reply | null {
  const s = ctx.corp.staff.get(userid);
  if (!s || s.status === 5) return fail(ERR.invalidUserid, `invalid userid ${userid}`);
  if (!s.customerContact) return fail(ERR.noContactPermission, `${userid} has no customer contact permission`);
  return null;
}

/** The follow relation between a member and a customer, or the errcode WeCom gives without one. */
export function relation(ctx: SbxCtx, userid: string, externalUserid: string): SbxFollow | Reply {
  const c = ctx.corp.contacts.get(externalUserid);
  if (!c) return fail(ERR.invalidExternalUserid, `invalid external_userid ${externalUserid}`);
  const f = c.follow.get(userid);
  if (!f) return fail(ERR.noRelation, `${userid} and ${externalUserid} are not contacts`);
  return f;
}

export const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'errcode' in x;
