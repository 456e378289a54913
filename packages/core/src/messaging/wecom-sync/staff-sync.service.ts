/**
 * Staff sync: WeCom's members (department/list + user/list per department; user/list_id when the app
 * may not read names) into messaging_wecom_members, with who has 客户联系 (get_follow_user_list).
 * A member without a link is linked automatically to the active staff member whose login email's local
 * part is the userid, when exactly one matches and that staff member is not linked to another member.
 * Manual links (and manual "nobody") are never changed by the sync. Members gone from WeCom stay, with
 * `present = false`.
 */
import { listStaff } from '../../access';
import { type Ctx, inTransaction } from '../../platform';
import type { WecomClient } from '../wecom/client';
import { WecomError } from '../wecom/errors';
import type { Member } from '../wecom/org.endpoints';
import { memberIdPages } from '../wecom/pages';
import { type RunRow, listMemberRows, markAbsent, updateRun, upsertMemberRow } from './wecom-sync.repo';

type Found = Pick<Member, 'userid' | 'name' | 'department' | 'position' | 'status'>;

/** Every member once, with department names. */
async function fetchMembers(client: WecomClient): Promise<{ members: Found[]; departments: Map<number, string> }> {
  const { department } = await client.org.departments({});
  const departments = new Map(department.map((d) => [d.id, d.name ?? String(d.id)]));
  const byId = new Map<string, Found>();
  try {
    for (const d of department) {
      const { userlist } = await client.org.members({ department_id: d.id });
      for (const m of userlist) if (!byId.has(m.userid)) byId.set(m.userid, m);
    }
  } catch (err) {
    // Apps created after 2022-08-15 may not read names: ids and departments only (user/list_id).
    if (!(err instanceof WecomError && err.code === 'NO_PERMISSION')) throw err;
    for await (const page of memberIdPages(client)) {
      for (const m of page.items) {
        const cur = byId.get(m.userid);
        if (cur) cur.department.push(m.department);
        else byId.set(m.userid, { userid: m.userid, name: m.userid, department: [m.department] });
      }
    }
  }
  return { members: [...byId.values()], departments };
}

/** Active staff by lower-cased login-email local part (ambiguous names map to null). */
async function staffByEmailName(ctx: Ctx) {
  const out = new Map<string, string | null>();
  let cursor: string | undefined;
  do {
    const page = await listStaff(ctx, { status: 'active', limit: 200, cursor });
    for (const s of page.items) {
      const local = s.email.split('@')[0]?.toLowerCase();
      if (local) out.set(local, out.has(local) ? null : s.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function runStaffSync(ctx: Ctx, run: RunRow, client: WecomClient) {
  const { members, departments } = await fetchMembers(client);
  const contact = new Set((await client.externalContacts.followUsers()).follow_user);
  const corpId = client.corpId;
  await updateRun(ctx.db, ctx.tenantId, run.id, { total: members.length });
  const byName = await staffByEmailName(ctx);
  const stats = { members: members.length, linked: 0, unlinked: 0, gone: 0 };
  await inTransaction(ctx, async (tx) => {
    const existing = new Map((await listMemberRows(tx.db, tx.tenantId)).map((r) => [r.userid, r]));
    const taken = new Set([...existing.values()].filter((r) => r.staffId && r.corpId === corpId).map((r) => r.staffId));
    const now = tx.clock.now();
    for (const m of members) {
      const cur = existing.get(m.userid);
      const keep = cur && cur.corpId === corpId && (cur.staffId || cur.linkedBy === 'manual');
      const guess = keep ? null : (byName.get(m.userid.toLowerCase()) ?? null);
      const auto = guess && !taken.has(guess) ? guess : null;
      if (auto) taken.add(auto);
      await upsertMemberRow(tx.db, {
        tenantId: tx.tenantId,
        userid: m.userid,
        corpId,
        name: m.name,
        departments: m.department.map((id) => ({ id, name: departments.get(id) ?? null })),
        position: m.position || null,
        status: m.status ?? null,
        customerContact: contact.has(m.userid),
        present: true,
        syncedAt: now,
        ...(keep
          ? {}
          : auto
            ? { staffId: auto, linkedBy: 'auto' as const, linkedAt: now }
            : { staffId: null, linkedBy: null, linkedAt: null }),
      });
      if (keep ? cur?.staffId : auto) stats.linked++;
      else stats.unlinked++;
    }
    stats.gone = await markAbsent(
      tx.db,
      tx.tenantId,
      corpId,
      members.map((m) => m.userid),
      now,
    );
    await updateRun(tx.db, tx.tenantId, run.id, { done: members.length });
  });
  return stats;
}
