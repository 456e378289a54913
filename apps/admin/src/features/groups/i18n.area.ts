import { groupCodesEn, groupsEn, groupsErrorsEn } from './i18n.en';
import { groupCodesZh, groupsErrorsZh, groupsZh } from './i18n.zh';

/** The strings of the customer groups and group codes pages, by language; their error codes go into `errors`. */
export const groupsAreaZh = { groups: groupsZh, groupCodes: groupCodesZh };
export const groupsAreaEn = { groups: groupsEn, groupCodes: groupCodesEn };
export { groupsErrorsEn, groupsErrorsZh };
