/** 渠道活码 live codes: public surface of this aggregate (re-exported by messaging/index.ts). docs/wecom.md. */
import type { Registry } from '../../platform';
import { liveCodeJobs, liveCodeSubscribers } from './live-codes.jobs';

export {
  LIVE_CODE_AFTER_ADD_JOB,
  liveCodeContactLost,
  liveCodeForState,
  liveCodeOrderPaid,
  recordLiveCodeAdd,
} from './adds.service';
export { applyLiveCode } from './apply.service';
export { LIVE_CODES_TICK_JOB, tickLiveCodes } from './live-codes.jobs';
export {
  createLiveCode,
  deleteLiveCode,
  getLiveCode,
  listLiveCodes,
  restoreLiveCodeWay,
  updateLiveCode,
} from './live-codes.service';
export { liveCodeStats, recordLiveCodeScan } from './stats.service';
export { getDefaultWelcome, setDefaultWelcome, welcomeAddEvent } from './welcome.service';

export const liveCodesRegistry: Partial<Registry> = { jobs: liveCodeJobs, subscribers: liveCodeSubscribers };
