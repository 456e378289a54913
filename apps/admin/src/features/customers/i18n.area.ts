import { importsEn } from '../imports/i18n.en';
import { importsZh } from '../imports/i18n.zh';
import { tagsEn } from '../tags/i18n.en';
import { tagsZh } from '../tags/i18n.zh';
import { followUpsEn, notificationsEn, tasksEn } from '../tasks/i18n.en';
import { followUpsZh, notificationsZh, tasksZh } from '../tasks/i18n.zh';
import { customersEn } from './i18n.en';
import { customersZh } from './i18n.zh';

/** The strings of the customer area (customers, tags, tasks, follow-ups, notifications, imports), by language. */
export const customerAreaZh = {
  customers: customersZh,
  tags: tagsZh,
  tasks: tasksZh,
  followUps: followUpsZh,
  notifications: notificationsZh,
  imports: importsZh,
};

export const customerAreaEn = {
  customers: customersEn,
  tags: tagsEn,
  tasks: tasksEn,
  followUps: followUpsEn,
  notifications: notificationsEn,
  imports: importsEn,
};

/** Texts of the error codes of the customer area, merged into `errors`. */
export const customerErrorsZh = {
  IDENTITY_TAKEN: '该身份已属于另一位客户；如果是同一个人，请合并两位客户',
  TRANSFER_LIMIT: '企业微信限制：同一客户 90 天内最多转移 2 次',
  ALREADY_MERGED: '该客户已被合并到其他客户',
  MERGE_UNDONE: '这次合并已经撤销过了',
  FIELD_KEY_TAKEN: '已有相同标识的自定义字段',
  TAG_GROUP_NAME_TAKEN: '已有同名的标签组',
  TAG_GROUP_NOT_EMPTY: '标签组内还有标签，请先删除或移走这些标签',
  TAG_LIMIT: '标签数量已达到企业微信的上限',
  TAG_NAME_TAKEN: '本组已有同名标签',
  TAG_HAS_RULES: '还有标签规则在使用该标签，请先修改或删除这些规则',
  SEVERAL_TAGS_OF_GROUP:
    '{{customers}} 位客户在「{{group}}」组中有不止一个标签，而单选组每位客户只能有一个。请先去掉多余的标签再修改。',
  TASK_NOT_OPEN: '该任务已完成或已取消',
  EXPORT_NOT_READY: '导出文件还在生成中，请稍后再试',
  IMPORT_STARTED: '该导入已经开始了',
};

export const customerErrorsEn: typeof customerErrorsZh = {
  IDENTITY_TAKEN: 'Another customer has this identity; if it is the same person, merge the two',
  TRANSFER_LIMIT: 'WeCom allows at most 2 transfers of a customer in 90 days',
  ALREADY_MERGED: 'This customer was merged into another one',
  MERGE_UNDONE: 'This merge was undone already',
  FIELD_KEY_TAKEN: 'A custom field with this key exists already',
  TAG_GROUP_NAME_TAKEN: 'A tag group with this name exists already',
  TAG_GROUP_NOT_EMPTY: 'The group still has tags; delete or move them first',
  TAG_LIMIT: 'The WeCom limit on tags is reached',
  TAG_NAME_TAKEN: 'This group has a tag with this name already',
  TAG_HAS_RULES: 'Tag rules use this tag; change or delete them first',
  SEVERAL_TAGS_OF_GROUP:
    '{{customers}} customer(s) hold more than one tag of {{group}}, but a single-select group allows one per customer. Remove the extra tags first.',
  TASK_NOT_OPEN: 'The task is done or cancelled already',
  EXPORT_NOT_READY: 'The export file is not ready yet',
  IMPORT_STARTED: 'This import has started already',
};
