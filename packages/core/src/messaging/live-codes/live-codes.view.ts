import type { LiveCode, LiveCodeWelcome } from '@siyu/contracts';
import { staffSummaries } from '../../access';
import type { Ctx } from '../../platform';
import { wecomUserIdsForStaff } from '../wecom-channel/staff-link';
import { tenantZone, todayStart } from './apply.service';
import { addsSinceByCodeStaff, type LiveCodeRow, membersOf, totalsOf } from './live-codes.repo';

/** The DTOs of some codes (one query per kind of figure, whatever the number of codes). */
export async function liveCodeViews(ctx: Ctx, rows: LiveCodeRow[]): Promise<LiveCode[]> {
  const ids = rows.map((r) => r.id);
  const since = todayStart(ctx.clock.now(), await tenantZone(ctx));
  const members = await membersOf(ctx.db, ctx.tenantId, ids);
  const staffIds = members.map((m) => m.staffId);
  // one after another: inside a transaction the queries share one connection (pg refuses overlap in v9)
  const names = await staffSummaries(ctx, staffIds);
  const wecom = await wecomUserIdsForStaff(ctx, staffIds);
  const totals = await totalsOf(ctx.db, ctx.tenantId, ids, since);
  const today = await addsSinceByCodeStaff(ctx.db, ctx.tenantId, ids, since);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    orgUnitId: r.orgUnitId,
    members: members
      .filter((m) => m.codeId === r.id)
      .map((m) => ({
        staffId: m.staffId,
        staffName: names.get(m.staffId)?.name ?? null,
        weight: m.weight,
        dailyCap: m.dailyCap,
        wecomUserId: wecom.get(m.staffId) ?? null,
        addsToday: today.get(`${r.id}/${m.staffId}`) ?? 0,
      })),
    departmentIds: r.departmentIds,
    departmentDailyCap: r.departmentDailyCap,
    distribution: r.distribution,
    backupStaffIds: r.backupStaffIds,
    schedule: r.schedule,
    skipVerify: r.skipVerify,
    skipVerifyWindow: r.skipVerifyWindow,
    tagIds: r.tagIds,
    remarkTemplate: r.remarkTemplate,
    descriptionTemplate: r.descriptionTemplate,
    welcome: r.welcome as LiveCodeWelcome,
    groupCodeId: r.groupCodeId,
    state: r.state,
    configId: r.configId,
    qrCodeUrl: r.qrCodeUrl,
    currentWecomUserIds: r.appliedUserIds,
    routing: r.routing,
    lastAppliedAt: r.lastAppliedAt?.toISOString() ?? null,
    lastError: r.lastError,
    totals: totals.get(r.id) ?? { adds: 0, netAdds: 0, today: 0 },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
