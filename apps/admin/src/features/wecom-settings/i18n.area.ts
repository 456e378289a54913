import { wecomSettingsEn } from './i18n.en';
import { wecomSettingsZh } from './i18n.zh';

/** The strings of the WeCom settings page, by language. */
export const wecomSettingsAreaZh = { wecomSettings: wecomSettingsZh };
export const wecomSettingsAreaEn = { wecomSettings: wecomSettingsEn };

/** Texts of the error codes of WeCom settings, merged into `errors`. */
export const wecomSettingsErrorsZh = { WECOM_NOT_CONFIGURED: '尚未保存企业微信设置，保存后再测试' };
export const wecomSettingsErrorsEn: typeof wecomSettingsErrorsZh = {
  WECOM_NOT_CONFIGURED: 'No WeCom settings are saved yet; save them, then test',
};
