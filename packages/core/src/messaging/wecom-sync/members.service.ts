/** The WeCom members list (with the staff member each one is) and the admin's manual link. */
import type { WecomMember } from '@siyu/contracts';
import { staffSummaries } from '../../access';
import { type Ctx, invalid, notFound } from '../../platform';
import { tenantWecomSettings } from '../wecom-channel/settings.service';
import { findMemberRow, listMemberRows, type MemberRow, memberRowsOfStaff, setMemberLink } from './wecom-sync.repo';

const toMember = (r: MemberRow, names: Map<string, { name: string }>): WecomMember => ({
  userid: r.userid,
  name: r.name,
  departments: r.departments,
  position: r.position,
  status: r.status,
  customerContact: r.customerContact,
  present: r.present,
  staffId: r.staffId,
  staffName: r.staffId ? (names.get(r.staffId)?.name ?? null) : null,
  linkedBy: r.linkedBy,
  linkedAt: r.linkedAt?.toISOString() ?? null,
  syncedAt: r.syncedAt.toISOString(),
});

export async function listWecomMembers(ctx: Ctx) {
  const settings = await tenantWecomSettings(ctx);
  const rows = await listMemberRows(ctx.db, ctx.tenantId);
  const names = await staffSummaries(
    ctx,
    rows.flatMap((r) => (r.staffId ? [r.staffId] : [])),
  );
  return { configured: Boolean(settings), items: rows.map((r) => toMember(r, names)) };
}

/**
 * Links a member to a staff member by hand (or to nobody: null). A staff member is one WeCom member:
 * 400 on staffId when they are linked to another member already. Audited.
 */
export async function linkWecomMember(ctx: Ctx, userid: string, staffId: string | null) {
  const row = await findMemberRow(ctx.db, ctx.tenantId, userid);
  if (!row) throw notFound('WeCom member', userid);
  if (staffId) {
    const s = (await staffSummaries(ctx, [staffId])).get(staffId);
    if (!s || s.status === 'disabled') throw invalid('staffId', 'must be an active staff member');
    const other = (await memberRowsOfStaff(ctx.db, ctx.tenantId, [staffId])).find((m) => m.userid !== userid);
    if (other)
      throw invalid(
        'staffId',
        `is linked to the WeCom member ${other.userid} (${other.name}) already; unlink them first`,
      );
  }
  const now = ctx.clock.now();
  await setMemberLink(ctx.db, ctx.tenantId, userid, { staffId, linkedBy: 'manual', linkedAt: now });
  await ctx.audit({
    action: 'messaging.wecom_member.link',
    entityType: 'wecom_member',
    entityId: userid,
    summary: staffId
      ? `WeCom member ${row.name} (${userid}) is staff ${staffId}`
      : `WeCom member ${row.name} (${userid}) is nobody`,
    changes: { staffId: { from: row.staffId, to: staffId } },
  });
  const after = (await findMemberRow(ctx.db, ctx.tenantId, userid))!;
  return toMember(after, await staffSummaries(ctx, staffId ? [staffId] : []));
}
