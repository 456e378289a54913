/**
 * 客户群: the registry of the corp's customer groups (synced from WeCom and kept current by the
 * change_external_chat callbacks), their members with join scene and state, group tags, and the sync.
 */
export { applyChatEvent, type ChatEvent, type ChatEventResult, fetchChatSnapshot } from './chat-events.service';
export { getGroup, groupView, listGroups, setGroupTags } from './groups.service';
export { createGroupTag, deleteGroupTag, listGroupTags, updateGroupTag } from './group-tags.service';
export {
  GROUP_SYNC_JOB,
  getGroupSync,
  latestGroupSync,
  type RunOptions,
  runGroupSync,
  startGroupSync,
} from './sync.service';
