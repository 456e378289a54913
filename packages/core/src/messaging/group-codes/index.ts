/**
 * 群活码 group live codes: a WeCom join way (groupchat/add_join_way) fronting up to five groups of the
 * 客户群 registry, moving to the next when one reaches the cap. docs/wecom.md "客户群与群活码".
 */
export { applyGroupCode, GROUP_CODE_APPLY_JOB } from './apply.service';
export { applyGroupChatEvent } from './chat-events';
export { groupCodeJobs, rerouteCodes } from './group-codes.jobs';
export {
  createGroupCode,
  deleteGroupCode,
  getGroupCode,
  groupCodeForWelcome,
  listGroupCodes,
  restoreGroupCodeWay,
  updateGroupCode,
} from './group-codes.service';
export { groupCodeStats } from './stats.service';
