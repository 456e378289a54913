/**
 * Every number the owned channels (SMS, email) depend on, with where it comes from (DESIGN.md R13).
 * Provider numbers are the documented defaults; a merchant's account may have other quotas, which the
 * provider then reports with its own error codes (sms-errors.ts).
 */
export const OWNED_LIMITS = {
  aliyun: {
    /** dysmsapi SendSms API version and signature v1 (RPC, HMAC-SHA1). help.aliyun.com 短信服务 API 参考 / 签名机制. */
    apiVersion: '2017-05-25',
    endpoint: 'https://dysmsapi.aliyuncs.com/',
    regionId: 'cn-hangzhou',
    /** A request's Timestamp may differ from the server's clock by at most 15 minutes (RPC 签名机制). */
    timestampSkewSeconds: 15 * 60,
    /** OutId: at most 256 characters (SendSms parameter table). */
    outIdChars: 256,
    /**
     * Default flow control per phone number for verification-code SMS (短信发送频率限制: 1 a minute,
     * 5 an hour, 10 a day); past it the answer is isv.BUSINESS_LIMIT_CONTROL. The sandbox applies it.
     */
    perNumber: { perMinute: 1, perHour: 5, perDay: 10 },
  },
  tencent: {
    /** SMS API 2021-01-11, signature v3 (TC3-HMAC-SHA256); cloud.tencent.com/document/api/382/55981. */
    apiVersion: '2021-01-11',
    endpoint: 'https://sms.tencentcloudapi.com/',
    service: 'sms',
    region: 'ap-guangzhou',
    /** X-TC-Timestamp may differ from the server's clock by at most 5 minutes (签名方法 v3). */
    timestampSkewSeconds: 5 * 60,
    /**
     * Default frequency limits per number (国内短信 频率限制: 30 s 1, 1 h 5, 1 day 10), answered as
     * LimitExceeded.PhoneNumberThirtySecondLimit / OneHourLimit / DailyLimit. The sandbox applies them.
     */
    perNumber: { perThirtySeconds: 1, perHour: 5, perDay: 10 },
  },
  sms: {
    /** Templates a tenant may list in its settings. */
    templates: 50,
    /** Variables one template may take (Tencent's TemplateParamSet; Aliyun has no smaller cap). */
    templateParams: 10,
    /** Characters of one variable value we pass on (Tencent caps a variable at 6–35 by type; we cap the text). */
    paramChars: 35,
    /** Milliseconds to wait for a provider's answer. */
    requestTimeoutMs: 10_000,
  },
  email: {
    subjectChars: 200,
    bodyChars: 100_000,
    /** Milliseconds for connecting to and talking with the SMTP server. */
    connectionTimeoutMs: 10_000,
    /** Mails the demo sandbox mailbox keeps (oldest dropped). */
    sandboxMailbox: 200,
  },
  /** Seconds another process may keep using a sender built from settings changed meanwhile. */
  settingsCacheSeconds: 30,
  /** Days an unsubscribe link stays valid. */
  unsubscribeLinkDays: 365,
  /** Messages the SMS sandbox keeps per account (oldest dropped). */
  sandboxMessages: 500,
  /** Rows one page of the sent-messages log shows at most. */
  logPage: 100,
} as const;
