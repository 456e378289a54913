/** DEMO AND TESTS ONLY: the state of the SMS sandbox (sms-sandbox.ts), its frequency windows and delivery. */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform';
import { OWNED_LIMITS } from './limits';

export type SandboxTemplate = { code: string; text: string; params: string[] };
export type SandboxSmsAccount = {
  provider: 'aliyun' | 'tencent';
  /** AccessKeyId or SecretId. */
  keyId: string;
  secret: string;
  /** Tencent SmsSdkAppId. */
  sdkAppId?: string;
  signNames: string[];
  templates: SandboxTemplate[];
};
export type SandboxSms = {
  id: string;
  provider: 'aliyun' | 'tencent';
  keyId: string;
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  /** The text as the phone shows it: 【sign】 + the filled template. */
  text: string;
  reference: string | null;
  at: string;
};

export type SmsSandboxState = {
  clock: Clock;
  accounts: Map<string, SandboxSmsAccount>;
  messages: SandboxSms[];
  nonces: Map<string, number>;
  hits: Hits;
};

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\$\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** Records a delivered message (after the provider-specific checks passed). */
export function deliver(
  s: SmsSandboxState,
  a: SandboxSmsAccount,
  m: Omit<SandboxSms, 'id' | 'text' | 'at' | 'provider' | 'keyId'> & { template: SandboxTemplate },
) {
  const { template, ...rest } = m;
  const sms: SandboxSms = {
    ...rest,
    id: randomUUID(),
    provider: a.provider,
    keyId: a.keyId,
    text: `【${m.signName}】${fill(template.text, m.params)}`,
    at: s.clock.now().toISOString(),
  };
  s.messages.unshift(sms);
  s.messages.length = Math.min(s.messages.length, OWNED_LIMITS.sandboxMessages);
  return sms;
}

/** Send times (ms) per provider and number. */
export type Hits = Map<string, number[]>;

const windows = {
  aliyun: [
    { ms: 60_000, max: OWNED_LIMITS.aliyun.perNumber.perMinute, code: 'isv.BUSINESS_LIMIT_CONTROL', text: '分钟级' },
    { ms: 3_600_000, max: OWNED_LIMITS.aliyun.perNumber.perHour, code: 'isv.BUSINESS_LIMIT_CONTROL', text: '小时级' },
    { ms: 86_400_000, max: OWNED_LIMITS.aliyun.perNumber.perDay, code: 'isv.BUSINESS_LIMIT_CONTROL', text: '天级' },
  ],
  tencent: [
    {
      ms: 30_000,
      max: OWNED_LIMITS.tencent.perNumber.perThirtySeconds,
      code: 'LimitExceeded.PhoneNumberThirtySecondLimit',
      text: '30 s',
    },
    {
      ms: 3_600_000,
      max: OWNED_LIMITS.tencent.perNumber.perHour,
      code: 'LimitExceeded.PhoneNumberOneHourLimit',
      text: '1 hour',
    },
    {
      ms: 86_400_000,
      max: OWNED_LIMITS.tencent.perNumber.perDay,
      code: 'LimitExceeded.PhoneNumberDailyLimit',
      text: '1 day',
    },
  ],
} as const;

/** The window one more message to `phone` now would pass (code, max, name); else null and counts it. */
export function numberLimitHit(hits: Hits, provider: 'aliyun' | 'tencent', phone: string, now: number) {
  const key = `${provider}:${phone.replace(/^\+?86/, '')}`;
  const times = (hits.get(key) ?? []).filter((t) => now - t < 86_400_000);
  for (const w of windows[provider]) if (times.filter((t) => now - t < w.ms).length >= w.max) return w;
  times.push(now);
  hits.set(key, times);
  return null;
}
