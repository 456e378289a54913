import { liveCodesEn, liveCodesErrorsEn } from './i18n.en';
import { liveCodesErrorsZh, liveCodesZh } from './i18n.zh';

/** The strings of the live codes pages, by language; their error codes are merged into `errors`. */
export const liveCodesAreaZh = { liveCodes: liveCodesZh };
export const liveCodesAreaEn = { liveCodes: liveCodesEn };
export { liveCodesErrorsEn, liveCodesErrorsZh };
