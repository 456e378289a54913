import { wecomSandboxEn } from './i18n.en';
import { wecomSandboxZh } from './i18n.zh';

/** The strings of the WeCom sandbox page (demo mode), by language. */
export const wecomSandboxAreaZh = { wecomSandbox: wecomSandboxZh };
export const wecomSandboxAreaEn = { wecomSandbox: wecomSandboxEn };
