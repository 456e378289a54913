/**
 * DEMO AND TESTS ONLY. The sandbox's 联系我 (contact ways) and external-contact endpoints.
 */
import * as C from '../contacts.endpoints';
import { WECOM_LIMITS } from '../limits';
import { contactStaff, isReply, relation, route, type SbxCtx } from './sandbox-context';
import { ERR, fail, okReply, page, type SbxContact, type SbxFollow, sbxId } from './sandbox-model';

function checkUsers(ctx: SbxCtx, users: string[] | undefined, parties: number[] | undefined, type: 1 | 2) {
  const u = users ?? [];
  const p = parties ?? [];
  if (type === 1 && (u.length !== 1 || p.length)) return fail(ERR.invalidParam, 'type 1 takes exactly one user');
  if (!u.length && !p.length) return fail(ERR.invalidParam, 'user and party cannot both be empty');
  for (const id of u) {
    const bad = contactStaff(ctx, id);
    if (bad) return bad;
  }
  for (const d of p) if (!ctx.corp.departments.has(d)) return fail(ERR.invalidParam, `invalid party ${d}`);
  return null;
}

/** Contact ways (not temporary ones) and join ways share one quota. */
export const quotaUsed = (ctx: SbxCtx) =>
  [...ctx.corp.contactWays.values()].filter((w) => !w.is_temp).length + ctx.corp.joinWays.size;

/** Temporary-session codes created in the last 24 h (WeCom's daily cap, outside the quota). */
const tempToday = (ctx: SbxCtx) =>
  [...ctx.corp.contactWays.values()].filter((w) => w.is_temp && w.createdAt > ctx.now - 86_400_000).length;

const addContactWay = route(C.addContactWay, (ctx, b) => {
  const bad = checkUsers(ctx, b.user, b.party, b.type);
  if (bad) return bad;
  if (!b.is_temp && quotaUsed(ctx) >= ctx.caps.contactWayQuota) {
    return fail(ERR.invalidParam, `contact way quota reached (${ctx.caps.contactWayQuota}, shared with join ways)`);
  }
  if (b.is_temp && b.type !== 1) return fail(ERR.invalidParam, 'a temporary-session code takes type 1');
  if (b.is_temp && tempToday(ctx) >= WECOM_LIMITS.contactWay.tempPerDay) {
    return fail(ERR.invalidParam, `at most ${WECOM_LIMITS.contactWay.tempPerDay} temporary-session codes a day`);
  }
  const config_id = sbxId.config();
  const qr_code = b.scene === 2 ? ctx.qrCodeUrl('contact_way', config_id) : undefined;
  ctx.corp.contactWays.set(config_id, {
    ...b,
    config_id,
    qr_code,
    createdAt: ctx.now,
    nextPick: 0,
    expires_in: b.is_temp ? (b.expires_in ?? WECOM_LIMITS.contactWay.tempExpiresDefaultSeconds) : undefined,
  });
  return okReply(qr_code ? { config_id, qr_code } : { config_id });
});

const updateContactWay = route(C.updateContactWay, (ctx, b) => {
  const way = ctx.corp.contactWays.get(b.config_id);
  if (!way) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  if (b.user || b.party) {
    const bad = checkUsers(ctx, b.user ?? way.user, b.party ?? way.party, way.type);
    if (bad) return bad;
  }
  const { config_id: _id, ...changes } = b;
  Object.assign(way, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
  return okReply();
});

const getContactWay = route(C.getContactWay, (ctx, b) => {
  const way = ctx.corp.contactWays.get(b.config_id);
  if (!way) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  const { createdAt: _c, nextPick: _n, ...contact_way } = way;
  return okReply({ contact_way });
});

const listContactWays = route(C.listContactWays, (ctx, b) => {
  const from = (b.start_time ?? 0) * 1000;
  const to = b.end_time ? b.end_time * 1000 : Number.POSITIVE_INFINITY;
  const ways = [...ctx.corp.contactWays.values()].filter((w) => w.createdAt >= from && w.createdAt <= to);
  const { slice, next } = page(ways, b.cursor, b.limit ?? 100);
  return okReply({ contact_way: slice.map((w) => ({ config_id: w.config_id })), next_cursor: next });
});

const delContactWay = route(C.delContactWay, (ctx, b) => {
  if (!ctx.corp.contactWays.delete(b.config_id)) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  return okReply();
});

function tagsOf(ctx: SbxCtx, f: SbxFollow) {
  return [...f.tagIds].flatMap((id) => {
    for (const g of ctx.corp.tagGroups.values()) {
      const t = g.tags.get(id);
      if (t) return [{ group_name: g.group_name, tag_name: t.name, tag_id: t.id, type: 1 }];
    }
    return [];
  });
}

export const publicContact = (c: SbxContact) => ({
  external_userid: c.external_userid,
  name: c.name,
  avatar: c.avatar,
  type: c.type,
  gender: c.gender,
  ...(c.unionid ? { unionid: c.unionid } : {}),
});

const publicFollow = (f: SbxFollow) => ({
  userid: f.userid,
  remark: f.remark,
  description: f.description,
  createtime: f.createtime,
  remark_mobiles: f.remark_mobiles,
  oper_userid: f.oper_userid,
  add_way: f.add_way,
  ...(f.state ? { state: f.state } : {}),
});

const listExternal = route(C.listExternalContacts, (ctx, b) => {
  const bad = contactStaff(ctx, b.userid);
  if (bad) return bad;
  const ids = [...ctx.corp.contacts.values()].filter((c) => c.follow.has(b.userid)).map((c) => c.external_userid);
  return okReply({ external_userid: ids });
});

const getExternal = route(C.getExternalContact, (ctx, b) => {
  const c = ctx.corp.contacts.get(b.external_userid);
  if (!c || c.follow.size === 0) return fail(ERR.invalidExternalUserid, `invalid external_userid ${b.external_userid}`);
  const follows = [...c.follow.values()];
  const { slice, next } = page(follows, b.cursor, 500);
  return okReply({
    external_contact: publicContact(c),
    follow_user: slice.map((f) => ({ ...publicFollow(f), tags: tagsOf(ctx, f) })),
    next_cursor: next,
  });
});

const batchGet = route(C.batchGetByUser, (ctx, b) => {
  for (const u of b.userid_list) {
    const bad = contactStaff(ctx, u);
    if (bad) return bad;
  }
  const rows = b.userid_list.flatMap((u) =>
    [...ctx.corp.contacts.values()].flatMap((c) => {
      const f = c.follow.get(u);
      return f
        ? [{ external_contact: publicContact(c), follow_info: { ...publicFollow(f), tag_id: [...f.tagIds] } }]
        : [];
    }),
  );
  const { slice, next } = page(rows, b.cursor, b.limit ?? WECOM_LIMITS.externalContact.batchLimitDefault);
  return okReply({ external_contact_list: slice, next_cursor: next });
});

const remark = route(C.remarkExternalContact, (ctx, b) => {
  const f = relation(ctx, b.userid, b.external_userid);
  if (isReply(f)) return f;
  if (b.remark !== undefined) f.remark = b.remark;
  if (b.description !== undefined) f.description = b.description;
  if (b.remark_mobiles !== undefined) f.remark_mobiles = b.remark_mobiles;
  return okReply();
});

const followUsers = route(C.getFollowUserList, (ctx) =>
  okReply({
    follow_user: [...ctx.corp.staff.values()].filter((s) => s.customerContact && s.status !== 5).map((s) => s.userid),
  }),
);

export const contactRoutes = [
  addContactWay,
  updateContactWay,
  getContactWay,
  listContactWays,
  delContactWay,
  listExternal,
  getExternal,
  batchGet,
  remark,
  followUsers,
];
