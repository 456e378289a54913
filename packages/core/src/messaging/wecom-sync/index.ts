/** WeCom sync: staff ↔ member links, staff/customers/tags sync runs, tag callbacks and mark_tag. docs/wecom.md. */
import type { Registry } from '../../platform';
import { wecomSyncRunJobs } from './runs.service';
import { tagSyncJobs, tagSyncSubscribers } from './tag-sync.service';

export { staffForWecomUser, wecomUserIdsForStaff } from '../wecom-channel/staff-link';
export { linkWecomMember, listWecomMembers } from './members.service';
export {
  executeWecomSyncRun,
  getWecomSyncRun,
  listWecomSyncRuns,
  startWecomSync,
  WECOM_NIGHTLY_SYNC_JOB,
  WECOM_SYNC_JOB,
} from './runs.service';
export { applyWecomTagEvent, markCustomerTags, WECOM_MARK_TAGS_JOB } from './tag-sync.service';

export const wecomSyncRegistry: Partial<Registry> = {
  jobs: { ...wecomSyncRunJobs, ...tagSyncJobs },
  subscribers: tagSyncSubscribers,
};
