import { landingEn } from './i18n.en';
import { landingZh } from './i18n.zh';

/** The strings of the landing pages (落地页) feature, by language. */
export const landingAreaZh = { landing: landingZh };
export const landingAreaEn = { landing: landingEn };
