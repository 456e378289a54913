/**
 * Which Siyu staff member a WeCom member (userid) is: the active staff member whose login email's
 * local part is the userid (case-insensitive) — the demo's convention, and the common one when a
 * company's WeCom userids are its email names. Null when nobody matches (the relationship is then
 * recorded without an owner). An explicit link table is a later slice.
 */
import { listStaff } from '../../access';
import type { Ctx } from '../../platform';

export async function staffForWecomUser(ctx: Ctx, userid: string): Promise<{ id: string; name: string } | null> {
  if (!userid) return null;
  const want = userid.toLowerCase();
  const { items } = await listStaff(ctx, { q: userid, status: 'active', limit: 50 });
  const s = items.find((x) => x.email.split('@')[0]?.toLowerCase() === want);
  return s ? { id: s.id, name: s.name } : null;
}

/**
 * The WeCom userid of each given staff member (same convention, reversed: the login email's local
 * part). Staff without one are absent from the map. Live codes put these on the contact way's `user`.
 */
export async function wecomUserIdsForStaff(ctx: Ctx, staffIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (staffIds.length === 0) return out;
  const want = new Set(staffIds);
  let cursor: string | undefined;
  do {
    const page = await listStaff(ctx, { status: 'active', limit: 200, cursor });
    for (const s of page.items) {
      const local = s.email.split('@')[0];
      if (want.has(s.id) && local) out.set(s.id, local.toLowerCase());
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.size < want.size);
  return out;
}
