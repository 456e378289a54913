/** customers/tags: public surface of this aggregate (re-exported by customers/index.ts). */
import type { Registry } from '../../platform';
import { tagsJobs, tagsSubscribers } from './tags.jobs';

export {
  bulkTagCustomers,
  changeCustomerTags,
  changeOwnerTags,
  getTagHistory,
  listCustomerTags,
} from './customer-tags.service';
export {
  createTagRule,
  deleteTagRule,
  evaluateTagRulesFor,
  getTagRule,
  listTagRules,
  previewTagRule,
  runAllTagRules,
  runTagRule,
  TAG_RULES_JOB,
  updateTagRule,
} from './tag-rules.service';
export {
  createTag,
  createTagGroup,
  deleteTag,
  deleteTagGroup,
  getTag,
  listTagGroups,
  listTags,
  updateTag,
  updateTagGroup,
} from './tags.service';
export {
  addWecomTagsToCustomer,
  listWecomLinkedTags,
  removeWecomTag,
  removeWecomTagGroup,
  tagIdsOfWecomTags,
  type WecomTagGroupIn,
  type WecomTagGroupResult,
  upsertWecomTagGroup,
  wecomTagIdsOfTags,
} from './wecom-tags.service';

/** Jobs and subscribers of this aggregate: rules on every recorded event and every 15 minutes. */
export const tagsRegistry: Partial<Registry> = { jobs: tagsJobs, subscribers: tagsSubscribers };
