/**
 * messaging/owned: the channels a tenant owns, SMS (Alibaba Cloud, Tencent Cloud) and email (SMTP):
 * per-tenant settings with sealed secrets, the channel-neutral `sendOwned` with consent checks and a
 * log, test sends, unsubscribe links and SMS "T" replies, and the demo-only sandboxes. See
 * docs/messaging-channels.md.
 */
export { aliyunTimestamp, percentEncode, signRpc, verifyRpc } from './aliyun-signing';
export { createAliyunSms, type AliyunSmsConfig } from './aliyun-sms';
export { createEmailSender, EmailError, type EmailSender, type OutgoingMail } from './email-sender';
export { saveSandboxEmailSettings, updateEmailSettings } from './email-settings.service';
export { OWNED_LIMITS } from './limits';
export { listOwnedMessages, maskRecipient, toOwnedMessage } from './messages.service';
export { fillVariables, type OwnedSendInput, sendOwned } from './send.service';
export { forgetTenantChannels, type TenantChannels, tenantChannels } from './senders';
export { emailSettingsView, smsSettingsView } from './settings.view';
export { SmsError, type SmsErrorKind } from './sms-errors';
export {
  createSmsSandbox,
  type SandboxSms,
  type SandboxSmsAccount,
  type SandboxTemplate,
  type SmsSandbox,
} from './sms-sandbox';
export { normalizePhone, type SmsSender, type SmsProviderName, type TemplateSms } from './sms-sender';
export { type SandboxSmsSettings, saveSandboxSmsSettings, updateSmsSettings } from './sms-settings.service';
export { type SandboxMail, type SmtpSandbox, startSmtpSandbox } from './smtp-sandbox';
export { createTencentSms, type TencentSmsConfig } from './tencent-sms';
export { tc3Authorization, tc3Signature } from './tencent-signing';
export { testEmail, testSms } from './test-send.service';
export { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from './unsubscribe';
export {
  sendVerificationCode,
  tenantSmsProvider,
  VERIFY_CODE_PARAMS,
  VERIFY_CODE_TEMPLATE,
  verifyCodeTemplateProblem,
} from './verification-sms';
export {
  checkUnsubscribeLink,
  handleSmsReplies,
  isStopReply,
  type SmsReply,
  unsubscribeByLink,
} from './unsubscribe.service';
