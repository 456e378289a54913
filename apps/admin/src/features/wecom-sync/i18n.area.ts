import { wecomSyncEn } from './i18n.en';
import { wecomSyncZh } from './i18n.zh';

/** The strings of the WeCom sync page, by language. */
export const wecomSyncAreaZh = { wecomSync: wecomSyncZh };
export const wecomSyncAreaEn = { wecomSync: wecomSyncEn };
