/**
 * DEMO AND TESTS ONLY. The sandbox's customer groups (groupchat/list, get) and join ways
 * (add/get/update/del_join_way). Groups themselves are created by staff in the client, which the
 * sandbox simulates (sandbox-simulate.ts): WeCom has no API to create one.
 */
import * as G from '../groups.endpoints';
import { route, type SbxCtx } from './sandbox-context';
import { quotaUsed } from './sandbox-contacts';
import { ERR, fail, okReply, page, type SbxGroup, sbxId } from './sandbox-model';

/** 0 normal; WeCom's 1–3 are 离职待继承/继承中/继承完成, which the sandbox does not model. */
const STATUS_NORMAL = 0;

export const publicGroupChat = (g: SbxGroup, needName: boolean) => ({
  chat_id: g.chat_id,
  name: g.name,
  owner: g.owner,
  create_time: g.create_time,
  notice: g.notice,
  member_list: [...g.members.values()].map((m) => {
    const { name, group_nickname, ...rest } = m;
    return needName ? { ...rest, name, group_nickname } : { ...rest, group_nickname };
  }),
  admin_list: g.admins.map((userid) => ({ userid })),
  member_version: String(g.version),
});

const list = route(G.listGroupChats, (ctx, b) => {
  const owners = b.owner_filter?.userid_list?.length ? new Set(b.owner_filter.userid_list) : null;
  const status = b.status_filter ?? 0;
  const groups = [...ctx.corp.groups.values()].filter(
    (g) => !g.dismissed && (!owners || owners.has(g.owner)) && status === STATUS_NORMAL,
  );
  const { slice, next } = page(groups, b.cursor, b.limit);
  return okReply({
    group_chat_list: slice.map((g) => ({ chat_id: g.chat_id, status: STATUS_NORMAL })),
    next_cursor: next,
  });
});

const get = route(G.getGroupChat, (ctx, b) => {
  const g = ctx.corp.groups.get(b.chat_id);
  if (!g || g.dismissed) return fail(ERR.invalidChatId, `invalid chat_id ${b.chat_id}`);
  return okReply({ group_chat: publicGroupChat(g, b.need_name === 1) });
});

function checkChats(ctx: SbxCtx, chatIds: string[]) {
  for (const id of chatIds) {
    const g = ctx.corp.groups.get(id);
    if (!g || g.dismissed) return fail(ERR.invalidChatId, `invalid chat_id ${id}`);
  }
  return null;
}

const addJoinWay = route(G.addJoinWay, (ctx, b) => {
  const bad = checkChats(ctx, b.chat_id_list);
  if (bad) return bad;
  if (quotaUsed(ctx) >= ctx.caps.contactWayQuota) {
    return fail(ERR.invalidParam, `join way quota reached (${ctx.caps.contactWayQuota}, shared with contact ways)`);
  }
  const config_id = sbxId.config();
  ctx.corp.joinWays.set(config_id, {
    ...b,
    auto_create_room: b.auto_create_room ?? 1,
    config_id,
    qr_code: b.scene === 2 ? ctx.qrCodeUrl('join_way', config_id) : undefined,
    createdAt: ctx.now,
  });
  return okReply({ config_id });
});

const getJoinWay = route(G.getJoinWay, (ctx, b) => {
  const way = ctx.corp.joinWays.get(b.config_id);
  if (!way) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  const { createdAt: _c, ...join_way } = way;
  return okReply({ join_way });
});

const updateJoinWay = route(G.updateJoinWay, (ctx, b) => {
  const way = ctx.corp.joinWays.get(b.config_id);
  if (!way) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  const bad = checkChats(ctx, b.chat_id_list);
  if (bad) return bad;
  Object.assign(way, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)));
  way.qr_code = way.scene === 2 ? ctx.qrCodeUrl('join_way', way.config_id) : undefined;
  return okReply();
});

const delJoinWay = route(G.delJoinWay, (ctx, b) => {
  if (!ctx.corp.joinWays.delete(b.config_id)) return fail(ERR.invalidParam, `invalid config_id ${b.config_id}`);
  return okReply();
});

const hasContent = (t: G.GroupWelcomeTemplate) =>
  Boolean(t.text?.content || t.image || t.link || t.miniprogram || t.file || t.video);

const addTemplate = route(G.addGroupWelcomeTemplate, (ctx, b) => {
  const { agentid: _a, notify: _n, ...t } = b;
  if (!hasContent(t)) return fail(ERR.invalidParam, 'the template is empty');
  if (ctx.corp.groupWelcomeTemplates.size >= ctx.caps.groupWelcomeTemplates) {
    return fail(ERR.invalidParam, `a corp holds at most ${ctx.caps.groupWelcomeTemplates} group welcome templates`);
  }
  const template_id = `msg${sbxId.config()}`;
  ctx.corp.groupWelcomeTemplates.set(template_id, t);
  return okReply({ template_id });
});

const editTemplate = route(G.editGroupWelcomeTemplate, (ctx, b) => {
  const { template_id, agentid: _a, ...t } = b;
  if (!ctx.corp.groupWelcomeTemplates.has(template_id))
    return fail(ERR.invalidParam, `invalid template_id ${template_id}`);
  if (!hasContent(t)) return fail(ERR.invalidParam, 'the template is empty');
  ctx.corp.groupWelcomeTemplates.set(template_id, t);
  return okReply();
});

const getTemplate = route(G.getGroupWelcomeTemplate, (ctx, b) => {
  const t = ctx.corp.groupWelcomeTemplates.get(b.template_id);
  return t ? okReply(t) : fail(ERR.invalidParam, `invalid template_id ${b.template_id}`);
});

const delTemplate = route(G.delGroupWelcomeTemplate, (ctx, b) =>
  ctx.corp.groupWelcomeTemplates.delete(b.template_id)
    ? okReply()
    : fail(ERR.invalidParam, `invalid template_id ${b.template_id}`),
);

export const groupRoutes = [
  list,
  get,
  addJoinWay,
  getJoinWay,
  updateJoinWay,
  delJoinWay,
  addTemplate,
  editTemplate,
  getTemplate,
  delTemplate,
];
