/**
 * Which Siyu staff member a WeCom member (userid) is. First the explicit link (messaging_wecom_members,
 * written by the staff sync — `auto` — or an admin — `manual`); a manual row without a staff member
 * means "nobody". Only when a member has no link row, or a row the sync could not link, the convention
 * applies: the active staff member whose login email's local part is the userid (case-insensitive) —
 * the demo's convention, and the common one when a company's WeCom userids are its email names.
 */
import { listStaff, staffSummaries } from '../../access';
import type { Ctx } from '../../platform';
import { memberRowsOf, memberRowsOfStaff } from '../wecom-sync/wecom-sync.repo';

async function byEmailName(ctx: Ctx, userid: string) {
  const want = userid.toLowerCase();
  const { items } = await listStaff(ctx, { q: userid, status: 'active', limit: 50 });
  const s = items.find((x) => x.email.split('@')[0]?.toLowerCase() === want);
  return s ? { id: s.id, name: s.name } : null;
}

export async function staffForWecomUser(ctx: Ctx, userid: string): Promise<{ id: string; name: string } | null> {
  if (!userid) return null;
  const [row] = await memberRowsOf(ctx.db, ctx.tenantId, [userid]);
  if (row?.staffId) {
    const s = (await staffSummaries(ctx, [row.staffId])).get(row.staffId);
    return s && s.status !== 'disabled' ? { id: row.staffId, name: s.name } : null;
  }
  if (row?.linkedBy === 'manual') return null;
  const s = await byEmailName(ctx, userid);
  if (!s) return null;
  // The convention must not pick a staff member who is linked to another member.
  const theirs = await memberRowsOfStaff(ctx.db, ctx.tenantId, [s.id]);
  return theirs.some((m) => m.userid.toLowerCase() !== userid.toLowerCase()) ? null : s;
}

/**
 * The WeCom userid of each given staff member: the linked member, else (no link of theirs) the login
 * email's local part when that userid is not linked to someone else or unlinked by hand. Staff without
 * one are absent from the map. Live codes put these on the contact way's `user`.
 */
export async function wecomUserIdsForStaff(ctx: Ctx, staffIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (staffIds.length === 0) return out;
  for (const m of await memberRowsOfStaff(ctx.db, ctx.tenantId, [...staffIds]))
    if (m.staffId) out.set(m.staffId, m.userid);
  const want = new Set(staffIds.filter((id) => !out.has(id)));
  if (want.size === 0) return out;
  const guesses = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listStaff(ctx, { status: 'active', limit: 200, cursor });
    for (const s of page.items) {
      const local = s.email.split('@')[0];
      if (want.has(s.id) && local) guesses.set(s.id, local.toLowerCase());
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && guesses.size < want.size);
  const rows = await memberRowsOf(ctx.db, ctx.tenantId, [...guesses.values()]);
  const taken = new Set(rows.filter((r) => r.staffId || r.linkedBy === 'manual').map((r) => r.userid.toLowerCase()));
  for (const [staffId, userid] of guesses) if (!taken.has(userid)) out.set(staffId, userid);
  return out;
}
