/**
 * Customer sync: for every member with 客户联系 (get_follow_user_list, fixed when the run starts),
 * externalcontact/batch/get_by_user in batches of ≤ 100 members, page by page. Each relation resolves
 * the customer (identity wecom_external, namespace = corp id; the unionid when WeCom gives one), makes
 * the linked staff member a follower with WeCom's remark, description, add way, state and time, and
 * puts the relation's linked corp tags on the customer. After every page, in the page's transaction,
 * the run stores its position (member batch + WeCom's cursor): a restart continues from there. A
 * second run changes nothing.
 */
import { addWecomTagsToCustomer, resolveCustomer, syncWecomOwner, tagIdsOfWecomTags } from '../../customers';
import { type Ctx, inTransaction } from '../../platform';
import type { WecomClient } from '../wecom/client';
import type { ExternalContact, FollowUser } from '../wecom/contacts.endpoints';
import { WECOM_LIMITS } from '../wecom/limits';
import { customerPages } from '../wecom/pages';
import { staffForWecomUser } from '../wecom-channel/staff-link';
import { addRunErrors, bump } from './run-progress.repo';
import { findRun, type RunPosition, type RunRow, updateRun } from './wecom-sync.repo';

const GENDER = { 1: 'male', 2: 'female' } as const;
export type Relation = {
  external_contact: ExternalContact;
  follow_info: Omit<FollowUser, 'tags'> & { tag_id?: string[] };
};
type Stats = Record<string, number>;

/** Applies one follow relation; answers what changed. */
export async function applyRelation(
  ctx: Ctx,
  corpId: string,
  r: Relation,
  staffOf: (u: string) => Promise<string | null>,
) {
  const c = r.external_contact;
  const f = r.follow_info;
  const { customerId, created } = await resolveCustomer(ctx, {
    identities: [
      { kind: 'wecom_external', namespace: corpId, value: c.external_userid, verified: true },
      ...(c.unionid ? [{ kind: 'unionid' as const, value: c.unionid, verified: true }] : []),
    ],
    attributes: {
      nickname: c.name || null,
      avatarUrl: c.avatar || null,
      gender: GENDER[c.gender as 1 | 2] ?? 'unknown',
    },
    source: 'wecom',
  });
  const staffId = await staffOf(f.userid);
  const owner = staffId
    ? await syncWecomOwner(ctx, customerId, {
        staffId,
        remark: f.remark || null,
        description: f.description || null,
        addWay: f.add_way === undefined ? null : `wecom:${f.add_way}`,
        state: f.state || null,
        addedAt: new Date(f.createtime * 1000),
      })
    : 'no_staff';
  const tagIds = [...(await tagIdsOfWecomTags(ctx, f.tag_id ?? [])).values()];
  const tagged = await addWecomTagsToCustomer(ctx, customerId, tagIds);
  return { customerId, created, owner, tagged };
}

const staffCache = (ctx: Ctx) => {
  const cache = new Map<string, Promise<string | null>>();
  return (userid: string) => {
    let p = cache.get(userid);
    if (!p) {
      p = staffForWecomUser(ctx, userid).then((s) => s?.id ?? null);
      cache.set(userid, p);
    }
    return p;
  };
};

const samePlace = (a: RunPosition, b: { batch: number; cursor: string | null }) =>
  (a.batch ?? 0) === b.batch && (a.cursor ?? null) === b.cursor;

/**
 * Applies one page and moves the position on, in one transaction — unless, under the run's row lock,
 * the stored position is no longer where this page starts (another execution of the run got there
 * first): then nothing is applied and `false` answered, and this execution stops.
 */
async function applyPage(
  ctx: Ctx,
  run: RunRow,
  items: Relation[],
  from: { batch: number; cursor: string | null },
  next: RunPosition,
) {
  const stats: Stats = {};
  const errors: { item: string; message: string }[] = [];
  return inTransaction(ctx, async (tx) => {
    const cur = await findRun(tx.db, tx.tenantId, run.id, { lock: true });
    if (!cur || !samePlace(cur.position, from)) return false;
    const staffOf = staffCache(tx);
    for (const r of items) {
      try {
        // one savepoint per relation: a refused relation is reported, the page goes on
        const out = await tx.db.transaction((inner) =>
          applyRelation({ ...tx, db: inner as typeof tx.db }, run.corpId ?? '', r, staffOf),
        );
        stats.created = (stats.created ?? 0) + (out.created ? 1 : 0);
        stats.matched = (stats.matched ?? 0) + (out.created ? 0 : 1);
        stats[`owner_${out.owner}`] = (stats[`owner_${out.owner}`] ?? 0) + 1;
        stats.tagged = (stats.tagged ?? 0) + out.tagged;
      } catch (err) {
        errors.push({
          item: `${r.follow_info.userid}/${r.external_contact.external_userid}`,
          message: err instanceof Error ? err.message : String(err),
        });
      }
    }
    await bump(tx, run.id, { done: items.length - errors.length, failed: errors.length, stats });
    if (errors.length) await addRunErrors(tx, run.id, errors);
    await updateRun(tx.db, tx.tenantId, run.id, { position: next });
    return true;
  });
}

/**
 * Runs (or resumes) a customer sync. `maxPages` stops after that many pages, leaving the run where it
 * is (a test's interruption; the job passes none). Two executions of one run (a queue retry and the
 * admin's resume) never apply a page twice: the one that finds the position moved stops.
 */
export async function runCustomerSync(ctx: Ctx, runId: string, client: WecomClient, opts: { maxPages?: number } = {}) {
  let run = (await findRun(ctx.db, ctx.tenantId, runId))!;
  if (!run.position.members) {
    const members = (await client.externalContacts.followUsers()).follow_user.sort();
    await inTransaction(ctx, async (tx) => {
      const cur = await findRun(tx.db, tx.tenantId, runId, { lock: true });
      if (cur && !cur.position.members)
        await updateRun(tx.db, tx.tenantId, runId, { position: { members, batch: 0, cursor: null } });
    });
    run = (await findRun(ctx.db, ctx.tenantId, runId))!;
  }
  const members = run.position.members ?? [];
  const size = WECOM_LIMITS.externalContact.batchUsersMax;
  let pages = 0;
  for (let batch = run.position.batch ?? 0; batch * size < members.length; batch++) {
    const userids = members.slice(batch * size, batch * size + size);
    const start = batch === run.position.batch ? (run.position.cursor ?? undefined) : undefined;
    for await (const page of customerPages(client, userids, start)) {
      const next = page.next ? { members, batch, cursor: page.next } : { members, batch: batch + 1, cursor: null };
      if (!(await applyPage(ctx, run, page.items, { batch, cursor: page.cursor ?? null }, next)))
        return { finished: false, superseded: true };
      if (opts.maxPages !== undefined && ++pages >= opts.maxPages) return { finished: false };
    }
  }
  return { finished: true };
}
