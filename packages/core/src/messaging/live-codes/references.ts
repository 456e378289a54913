/** Checks that what a live code names exists in the tenant: staff (active), org units, tags, group code. */
import { orgUnitSummaries, staffSummaries } from '../../access';
import { listTags } from '../../customers';
import { type Ctx, invalid } from '../../platform';
import { groupCodeForWelcome } from '../group-codes';

export type CodeRefs = {
  members?: { staffId: string }[];
  backupStaffIds?: string[];
  departmentIds?: string[];
  orgUnitId?: string | null;
  tagIds?: string[];
  groupCodeId?: string | null;
};

export async function checkReferences(ctx: Ctx, r: CodeRefs) {
  const staffIds = [...(r.members ?? []).map((m) => m.staffId), ...(r.backupStaffIds ?? [])];
  const staff = await staffSummaries(ctx, staffIds);
  const missing = (id: string) => staff.get(id)?.status !== 'active';
  (r.members ?? []).forEach((m, i) => {
    if (missing(m.staffId)) throw invalid(`members.${i}.staffId`, `no active staff member ${m.staffId}`);
  });
  (r.backupStaffIds ?? []).forEach((id, i) => {
    if (missing(id)) throw invalid(`backupStaffIds.${i}`, `no active staff member ${id}`);
  });
  const units = await orgUnitSummaries(ctx, [...(r.departmentIds ?? []), ...(r.orgUnitId ? [r.orgUnitId] : [])]);
  (r.departmentIds ?? []).forEach((id, i) => {
    if (!units.has(id)) throw invalid(`departmentIds.${i}`, `no org unit ${id}`);
  });
  if (r.orgUnitId && !units.has(r.orgUnitId)) throw invalid('orgUnitId', `no org unit ${r.orgUnitId}`);
  if (r.groupCodeId && !(await groupCodeForWelcome(ctx, r.groupCodeId)))
    throw invalid('groupCodeId', `no group code ${r.groupCodeId} with a QR code`);
  if (r.tagIds?.length) {
    const known = new Set((await listTags(ctx)).items.map((t) => t.id));
    r.tagIds.forEach((id, i) => {
      if (!known.has(id)) throw invalid(`tagIds.${i}`, `no tag ${id}`);
    });
  }
}
