/**
 * DEMO AND TESTS ONLY. The sandbox's members and departments, 在职/离职继承 (a transfer waits 24 h,
 * then the relation moves to the takeover; twice per customer per 90 days), and behaviour data
 * computed from what happened in the sandbox.
 */
import { DAY } from '../../../platform';
import { WECOM_LIMITS } from '../limits';
import * as O from '../org.endpoints';
import { contactStaff, route, type SbxCtx } from './sandbox-context';
import { ERR, fail, okReply, page, type SbxTransfer, unix } from './sandbox-model';

const departments = route(O.listDepartments, (ctx, b) => {
  const all = [...ctx.corp.departments.values()];
  if (b.id === undefined) return okReply({ department: all });
  if (!ctx.corp.departments.has(b.id)) return fail(ERR.invalidParam, `invalid department id ${b.id}`);
  const under = new Set([b.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of all) if (under.has(d.parentid) && !under.has(d.id)) grew = Boolean(under.add(d.id));
  }
  return okReply({ department: all.filter((d) => under.has(d.id)) });
});

const members = route(O.listMembers, (ctx, b) => {
  if (!ctx.corp.departments.has(b.department_id))
    return fail(ERR.invalidParam, `invalid department_id ${b.department_id}`);
  const userlist = [...ctx.corp.staff.values()]
    .filter((s) => s.department.includes(b.department_id) && s.status !== 5)
    .map((s) => ({
      userid: s.userid,
      name: s.name,
      department: s.department,
      status: s.status,
      main_department: s.department[0],
    }));
  return okReply({ userlist });
});

const memberIds = route(O.listMemberIds, (ctx, b) => {
  const rows = [...ctx.corp.staff.values()]
    .filter((s) => s.status !== 5)
    .flatMap((s) => s.department.map((department) => ({ userid: s.userid, department })));
  const { slice, next } = page(rows, b.cursor, b.limit ?? 1000);
  return okReply({ next_cursor: next, dept_user: slice });
});

/** Completes transfers whose 24 h have passed: the relation moves from handover to takeover. */
export function settleTransfers(ctx: SbxCtx) {
  for (const t of ctx.corp.transfers) {
    if (t.status !== 2 || t.takeoverAt > ctx.now) continue;
    t.status = 1;
    const c = ctx.corp.contacts.get(t.external_userid);
    const f = c?.follow.get(t.handover);
    if (!c || !f) continue;
    c.follow.delete(t.handover);
    c.follow.set(t.takeover, { ...f, userid: t.takeover, createtime: unix(ctx.now), oper_userid: t.takeover });
  }
}

function transfer(
  ctx: SbxCtx,
  kind: SbxTransfer['kind'],
  b: { handover_userid: string; takeover_userid: string; external_userid: string[] },
) {
  const handover = ctx.corp.staff.get(b.handover_userid);
  if (!handover) return fail(ERR.invalidUserid, `invalid handover_userid ${b.handover_userid}`);
  if (kind === 'resigned' && handover.status !== 5)
    return fail(ERR.notResigned, `${b.handover_userid} has not left the corp`);
  if (kind === 'onjob' && handover.status === 5)
    return fail(ERR.invalidUserid, `${b.handover_userid} has left the corp`);
  const bad = contactStaff(ctx, b.takeover_userid);
  if (bad) return bad;
  const since = ctx.now - 90 * DAY;
  const customer = b.external_userid.map((id) => {
    const c = ctx.corp.contacts.get(id);
    if (!c?.follow.has(b.handover_userid)) return { external_userid: id, errcode: ERR.noRelation };
    const recent = ctx.corp.transfers.filter((t) => t.external_userid === id && t.takeoverAt - DAY >= since).length;
    if (recent >= ctx.caps.transfersPer90Days) return { external_userid: id, errcode: ERR.invalidParam };
    ctx.corp.transfers.push({
      kind,
      handover: b.handover_userid,
      takeover: b.takeover_userid,
      external_userid: id,
      status: 2,
      takeoverAt: ctx.now + WECOM_LIMITS.transfer.autoTakeoverMs,
    });
    return { external_userid: id, errcode: 0 };
  });
  return okReply({ customer });
}

function transferResult(
  ctx: SbxCtx,
  kind: SbxTransfer['kind'],
  b: { handover_userid: string; takeover_userid: string; cursor?: string },
) {
  settleTransfers(ctx);
  const rows = ctx.corp.transfers
    .filter((t) => t.kind === kind && t.handover === b.handover_userid && t.takeover === b.takeover_userid)
    .map((t) => ({ external_userid: t.external_userid, status: t.status, takeover_time: unix(t.takeoverAt) }));
  const { slice, next } = page(rows, b.cursor, 1000);
  return okReply({ customer: slice, next_cursor: next });
}

const unassigned = route(O.getUnassignedList, (ctx, b) => {
  const pending = new Set(
    ctx.corp.transfers.filter((t) => t.status === 2).map((t) => `${t.handover}/${t.external_userid}`),
  );
  const rows = [...ctx.corp.staff.values()]
    .filter((s) => s.status === 5)
    .flatMap((s) =>
      [...ctx.corp.contacts.values()]
        .filter((c) => c.follow.has(s.userid) && !pending.has(`${s.userid}/${c.external_userid}`))
        .map((c) => ({
          handover_userid: s.userid,
          external_userid: c.external_userid,
          dimission_time: unix(s.resignedAt ?? ctx.now),
        })),
    );
  const { slice, next } = page(rows, b.cursor, b.page_size ?? 1000);
  return okReply({ info: slice, is_last: !next, next_cursor: next });
});

const behavior = route(O.getUserBehaviorData, (ctx, b) => {
  const users = new Set(b.userid ?? []);
  for (const p of b.partyid ?? [])
    for (const s of ctx.corp.staff.values()) if (s.department.includes(p)) users.add(s.userid);
  const days: Record<string, unknown>[] = [];
  for (let day = b.start_time; day <= b.end_time; day += 86_400) {
    const inDay = (t: number) => t >= day && t < day + 86_400;
    const adds = [...ctx.corp.contacts.values()]
      .flatMap((c) => [...c.follow.values()])
      .filter((f) => users.has(f.userid) && inDay(f.createtime)).length;
    const welcomes = ctx.corp.welcomes.filter((w) => users.has(w.userid) && inDay(unix(w.sentAt))).length;
    const lost = ctx.corp.losses.filter((l) => users.has(l.userid) && inDay(unix(l.at))).length;
    days.push({
      stat_time: day,
      chat_cnt: welcomes,
      message_cnt: welcomes,
      negative_feedback_cnt: lost,
      new_apply_cnt: adds,
      new_contact_cnt: adds,
    });
  }
  return okReply({ behavior_data: days });
});

export const orgRoutes = [
  departments,
  members,
  memberIds,
  route(O.transferCustomer, (ctx, b) => transfer(ctx, 'onjob', b)),
  route(O.transferResult, (ctx, b) => transferResult(ctx, 'onjob', b)),
  route(O.resignedTransferCustomer, (ctx, b) => transfer(ctx, 'resigned', b)),
  route(O.resignedTransferResult, (ctx, b) => transferResult(ctx, 'resigned', b)),
  unassigned,
  behavior,
];
