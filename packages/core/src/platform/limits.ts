/**
 * Every limit of the platform, in one place (DESIGN R13). Later domains add WeCom's caps here,
 * each with its source. Rate-limit windows are fixed windows.
 */
export type Window = { max: number; windowSeconds: number };
/** A count over whole days (WeCom's caps are stated in days). */
export type DayWindow = { max: number; windowDays: number };

export const LIMITS = {
  smsCode: {
    /** One code per phone per minute; the storefront counts down `resendAfterSeconds`. */
    perPhoneMinute: { max: 1, windowSeconds: 60 },
    perPhoneHour: { max: 5, windowSeconds: 3600 },
    perPhoneDay: { max: 10, windowSeconds: 86_400 },
    perIpHour: { max: 30, windowSeconds: 3600 },
    codeTtlSeconds: 300,
    /** Guesses before a code is burnt. */
    maxAttempts: 5,
    /** Code checks (logins and resets with a code) per phone and per IP. */
    checksPerPhone: { max: 20, windowSeconds: 900 },
    checksPerIp: { max: 100, windowSeconds: 900 },
  },
  staffLogin: {
    perEmail: { max: 10, windowSeconds: 900 },
    perIp: { max: 100, windowSeconds: 900 },
  },
  shopLogin: {
    perPhone: { max: 10, windowSeconds: 900 },
    perIp: { max: 100, windowSeconds: 900 },
  },
  sessions: {
    staffIdleDays: 7,
    shopIdleDays: 30,
  },
  invites: { ttlDays: 7 },
  wecom: {
    /** transfer_customer: a customer can be transferred at most twice in 90 days (WeCom doc 96325). */
    transfersPer90Days: { max: 2, windowDays: 90 },
    /** externalcontact/remark: remark ≤ 20 characters, description ≤ 150 (WeCom). */
    remarkMaxChars: 20,
    descriptionMaxChars: 150,
    corpTags: 3000, // add_corp_tag: at most 3,000 corp tags per corp, rule-group tags included (WeCom)
  },
} as const satisfies Record<string, Record<string, Window | DayWindow | number>>;
