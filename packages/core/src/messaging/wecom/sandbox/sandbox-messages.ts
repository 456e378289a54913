/**
 * DEMO AND TESTS ONLY. What reaches customers in the sandbox: send_welcome_msg (a code works once,
 * within 20 s), mass messages that wait for each member to confirm (sandbox-simulate confirms them),
 * with WeCom's monthly receive cap per customer, and moments (an asynchronous job).
 */
import { WECOM_LIMITS } from '../limits';
import * as M from '../messages.endpoints';
import { route, type SbxCtx } from './sandbox-context';
import { liveMedia, mediaIdOf } from './sandbox-media';
import { findTag } from './sandbox-tags';
import { ERR, fail, okReply, page, type SbxMassMessage, type SbxSend, sbxId, unix } from './sandbox-model';

const welcome = route(M.sendWelcomeMsg, (ctx, b) => {
  const code = ctx.corp.welcomeCodes.get(b.welcome_code);
  if (!code) return fail(ERR.invalidParam, 'invalid welcome_code');
  if (code.used) return fail(ERR.welcomeAlreadySent, 'externaluser has started chatting');
  if (ctx.now - code.issuedAt > ctx.caps.welcomeWindowMs) {
    return fail(ERR.invalidParam, `welcome_code expired (valid ${ctx.caps.welcomeWindowMs / 1000} s after the event)`);
  }
  if (!b.text?.content && !b.attachments?.length)
    return fail(ERR.invalidParam, 'text and attachments cannot both be empty');
  const stale = (b.attachments ?? []).map((a) => mediaIdOf(a)).find((id) => id && !liveMedia(ctx, id));
  if (stale) return fail(ERR.invalidMediaId, `invalid media_id ${stale} (unknown, or older than 3 days)`);
  code.used = true;
  ctx.corp.welcomes.push({
    userid: code.userid,
    external_userid: code.external_userid,
    text: b.text?.content,
    attachments: b.attachments ?? [],
    sentAt: ctx.now,
  });
  return okReply();
});

type TagFilter = { group_list: { tag_list: string[] }[] } | undefined;

/** Customers of `userid` (or of anyone) matching the tag filter: any tag of each group, every group. */
function targetsOf(ctx: SbxCtx, sender: string | undefined, filter: TagFilter) {
  const out = new Map<string, string>(); // external_userid → member who will send
  for (const c of ctx.corp.contacts.values()) {
    const follows = [...c.follow.values()].filter((f) => !sender || f.userid === sender);
    const f = follows.find((x) =>
      (filter?.group_list ?? []).every((g) => g.tag_list.length === 0 || g.tag_list.some((t) => x.tagIds.has(t))),
    );
    if (f) out.set(c.external_userid, f.userid);
  }
  return out;
}

function planSingle(ctx: SbxCtx, b: { sender?: string; external_userid?: string[]; tag_filter?: TagFilter }) {
  const eligible = targetsOf(ctx, b.sender, b.tag_filter);
  const plan = new Map<string, SbxSend[]>();
  const failList: string[] = [];
  const wanted = b.external_userid?.length ? b.external_userid : [...eligible.keys()];
  for (const id of wanted) {
    const member = eligible.get(id);
    if (!member) {
      failList.push(id);
      continue;
    }
    plan.set(member, [...(plan.get(member) ?? []), { external_userid: id, status: 0 }]);
  }
  return { plan, failList };
}

const addTemplate = route(M.addMsgTemplate, (ctx, b) => {
  if (!b.text?.content && !b.attachments?.length)
    return fail(ERR.invalidParam, 'text and attachments cannot both be empty');
  const stale = (b.attachments ?? []).map((a) => mediaIdOf(a)).find((id) => id && !liveMedia(ctx, id));
  if (stale) return fail(ERR.invalidMediaId, `invalid media_id ${stale} (unknown, or older than 3 days)`);
  if (b.sender && !ctx.corp.staff.has(b.sender)) return fail(ERR.invalidUserid, `invalid userid ${b.sender}`);
  for (const g of b.tag_filter?.group_list ?? []) {
    for (const t of g.tag_list) if (!findTag(ctx, t)) return fail(ERR.invalidTagId, `invalid tag id ${t}`);
  }
  const chatType = b.chat_type ?? 'single';
  let plan: Map<string, SbxSend[]>;
  let failList: string[] = [];
  if (chatType === 'group') {
    if (!b.sender) return fail(ERR.invalidParam, 'sender is required for chat_type group');
    const chats = [...ctx.corp.groups.values()].filter(
      (g) => !g.dismissed && g.owner === b.sender && (!b.chat_id_list?.length || b.chat_id_list.includes(g.chat_id)),
    );
    plan = new Map([[b.sender, chats.map((g) => ({ chat_id: g.chat_id, status: 0 }))]]);
  } else {
    ({ plan, failList } = planSingle(ctx, b));
  }
  const msg: SbxMassMessage = {
    msgid: sbxId.msgid(),
    chat_type: chatType,
    creator: b.sender,
    create_type: 0,
    create_time: ctx.now,
    text: b.text,
    attachments: b.attachments ?? [],
    reminders: [],
    cancelled: false,
    tasks: new Map([...plan].map(([userid, sends]) => [userid, { status: 0 as const, sends }])),
  };
  ctx.corp.massMessages.set(msg.msgid, msg);
  return okReply({ fail_list: failList, msgid: msg.msgid });
});

const listV2 = route(M.getGroupMsgListV2, (ctx, b) => {
  const from = b.start_time * 1000;
  const to = b.end_time * 1000;
  const filter = b.filter_type ?? 2;
  const msgs = [...ctx.corp.massMessages.values()].filter(
    (m) =>
      m.chat_type === b.chat_type &&
      m.create_time >= from &&
      m.create_time <= to &&
      (!b.creator || m.creator === b.creator) &&
      (filter === 2 || m.create_type === filter),
  );
  const { slice, next } = page(msgs, b.cursor, b.limit ?? 50);
  const group_msg_list = slice.map((m) => ({
    msgid: m.msgid,
    creator: m.creator,
    create_time: String(unix(m.create_time)),
    create_type: m.create_type,
    text: m.text,
    attachments: m.attachments,
  }));
  return okReply({ next_cursor: next, group_msg_list });
});

const tasks = route(M.getGroupMsgTask, (ctx, b) => {
  const m = ctx.corp.massMessages.get(b.msgid);
  if (!m) return fail(ERR.invalidParam, `invalid msgid ${b.msgid}`);
  const rows = [...m.tasks].map(([userid, t]) => ({
    userid,
    status: t.status,
    ...(t.send_time ? { send_time: t.send_time } : {}),
  }));
  const { slice, next } = page(rows, b.cursor, b.limit ?? 500);
  return okReply({ next_cursor: next, task_list: slice });
});

const results = route(M.getGroupMsgSendResult, (ctx, b) => {
  const m = ctx.corp.massMessages.get(b.msgid);
  if (!m) return fail(ERR.invalidParam, `invalid msgid ${b.msgid}`);
  const t = m.tasks.get(b.userid);
  if (!t) return fail(ERR.invalidUserid, `${b.userid} has no task in ${b.msgid}`);
  const { slice, next } = page(t.sends, b.cursor, b.limit ?? 500);
  return okReply({ next_cursor: next, send_list: slice.map((s) => ({ ...s, userid: b.userid })) });
});

const remind = route(M.remindGroupMsgSend, (ctx, b) => {
  const m = ctx.corp.massMessages.get(b.msgid);
  if (!m || m.cancelled) return fail(ERR.invalidParam, `invalid msgid ${b.msgid}`);
  const cap = WECOM_LIMITS.massMessage.remindersPer24h;
  const recent = m.reminders.filter((t) => t > ctx.now - cap.windowSeconds * 1000);
  if (recent.length >= cap.max) return fail(ERR.invalidParam, `at most ${cap.max} reminders per message in 24 h`);
  m.reminders = [...recent, ctx.now];
  return okReply();
});

const cancel = route(M.cancelGroupMsgSend, (ctx, b) => {
  const m = ctx.corp.massMessages.get(b.msgid);
  if (!m) return fail(ERR.invalidParam, `invalid msgid ${b.msgid}`);
  m.cancelled = true;
  return okReply();
});

const addMoment = route(M.addMomentTask, (ctx, b) => {
  if (!b.text?.content && !b.attachments?.length)
    return fail(ERR.invalidParam, 'text and attachments cannot both be empty');
  const senders = b.visible_range?.sender_list?.user_list ?? [];
  const jobid = sbxId.msgid();
  ctx.corp.moments.set(jobid, {
    jobid,
    moment_id: `mom${sbxId.code(12)}`,
    createdAt: ctx.now,
    invalidUsers: senders.filter((u) => !ctx.corp.staff.get(u)?.customerContact),
    invalidTags: (b.visible_range?.external_contact_list?.tag_list ?? []).filter((t) => !findTag(ctx, t)),
  });
  return okReply({ jobid });
});

const momentResult = route(M.getMomentTaskResult, (ctx, b) => {
  const job = ctx.corp.moments.get(b.jobid);
  if (!job) return fail(ERR.invalidParam, `invalid jobid ${b.jobid}`);
  // WeCom runs the job asynchronously; the sandbox reports it running for its first second.
  if (ctx.now - job.createdAt < 1000) return okReply({ status: 2, type: 'add_moment_task' });
  return okReply({
    status: 3,
    type: 'add_moment_task',
    result: {
      errcode: 0,
      errmsg: 'ok',
      moment_id: job.moment_id,
      invalid_sender_list: { user_list: job.invalidUsers },
      invalid_external_contact_list: { tag_list: job.invalidTags },
    },
  });
});

export const messageRoutes = [welcome, addTemplate, listV2, tasks, results, remind, cancel, addMoment, momentResult];
