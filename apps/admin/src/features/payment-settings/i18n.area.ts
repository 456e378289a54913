import { paymentSettingsEn } from './i18n.en';
import { paymentSettingsZh } from './i18n.zh';

/** The strings of the payment settings page, by language. */
export const paymentSettingsAreaZh = { paymentSettings: paymentSettingsZh };
export const paymentSettingsAreaEn = { paymentSettings: paymentSettingsEn };

/** Texts of the error codes of payment settings, merged into `errors`. */
export const paymentSettingsErrorsZh = {
  SECRET_KEY_MISSING: '服务器未配置主密钥 SIYU_SECRET_KEY，无法保存或读取密钥',
  SECRET_KEY_UNKNOWN: '已保存的密钥无法用当前主密钥解开（主密钥被更换？）',
  SECRET_CORRUPT: '已保存的密钥已损坏或无法解开，请重新填写',
  PAYMENT_SETTINGS_MISSING: '尚未保存密钥，保存后再测试',
};
export const paymentSettingsErrorsEn: typeof paymentSettingsErrorsZh = {
  SECRET_KEY_MISSING: 'The server has no SIYU_SECRET_KEY, so keys cannot be saved or read',
  SECRET_KEY_UNKNOWN: 'The saved keys do not open with the current master key (was it changed?)',
  SECRET_CORRUPT: 'A saved key is damaged or does not open; enter it again',
  PAYMENT_SETTINGS_MISSING: 'No keys are saved yet; save them, then test',
};
