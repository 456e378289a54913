/**
 * Tencent Cloud SMS (2021-01-11) SendSms over API 3.0: JSON POST signed with TC3-HMAC-SHA256
 * (tencent-signing.ts). Every answer is HTTP 200: {"Response":{"Error":{…}}} for a failed request, or
 * a SendStatusSet whose entry carries the per-number Code ("Ok" when sent).
 */
import type { Clock } from '../../platform';
import { OWNED_LIMITS } from './limits';
import { SmsError, smsErrorOf, TENCENT_SMS_ERRORS } from './sms-errors';
import { normalizePhone, type SmsSender, type TemplateSms } from './sms-sender';
import { JSON_CONTENT_TYPE, tc3Authorization } from './tencent-signing';

export type TencentSmsConfig = {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId of the SMS application (1400…). */
  sdkAppId: string;
  region?: string;
  /** Default https://sms.tencentcloudapi.com/; the demo sandbox's URL in demo mode and tests. */
  endpoint?: string;
  clock: Clock;
};

type SendStatus = { SerialNo?: string; PhoneNumber?: string; Code?: string; Message?: string };
type TencentAnswer = {
  Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: SendStatus[]; RequestId?: string };
};

/** The headers and body of one SendSms (exported for the sandbox tests). */
export function tencentSendSmsRequest(c: TencentSmsConfig, sms: TemplateSms, host: string) {
  const body = JSON.stringify({
    PhoneNumberSet: [normalizePhone(sms.phone, 'e164')],
    SmsSdkAppId: c.sdkAppId,
    SignName: sms.signName,
    TemplateId: sms.templateCode,
    TemplateParamSet: sms.paramOrder.map((k) => sms.params[k] ?? ''),
    ...(sms.reference ? { SessionContext: sms.reference } : {}),
  });
  const timestamp = Math.floor(c.clock.now().getTime() / 1000);
  const signed = { 'content-type': JSON_CONTENT_TYPE, host };
  const authorization = tc3Authorization(
    { method: 'POST', headers: signed, payload: body, timestamp, service: OWNED_LIMITS.tencent.service },
    c.secretId,
    c.secretKey,
  );
  const headers = {
    Authorization: authorization,
    'Content-Type': JSON_CONTENT_TYPE,
    Host: host,
    'X-TC-Action': 'SendSms',
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Version': OWNED_LIMITS.tencent.apiVersion,
    'X-TC-Region': c.region ?? OWNED_LIMITS.tencent.region,
  };
  return { headers, body };
}

async function post(url: string, headers: Record<string, string>, body: string) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(OWNED_LIMITS.sms.requestTimeoutMs),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as TencentAnswer;
    } catch {
      throw new SmsError('NETWORK', `HTTP_${res.status}`, `Tencent Cloud answered HTTP ${res.status} without JSON`);
    }
  } catch (e) {
    if (e instanceof SmsError) throw e;
    throw new SmsError('NETWORK', 'UNREACHABLE', `Tencent Cloud SMS could not be reached: ${(e as Error).message}`);
  }
}

export function createTencentSms(c: TencentSmsConfig): SmsSender {
  const url = c.endpoint ?? OWNED_LIMITS.tencent.endpoint;
  const host = new URL(url).host;
  return {
    provider: 'tencent',
    async send(sms) {
      const { headers, body } = tencentSendSmsRequest(c, sms, host);
      const r = (await post(url, headers, body)).Response;
      const requestId = r?.RequestId ?? null;
      if (!r) throw new SmsError('PROVIDER', 'NoResponse', 'Tencent Cloud answered without a Response');
      if (r.Error) throw smsErrorOf(TENCENT_SMS_ERRORS, r.Error.Code, r.Error.Message, requestId);
      const status = r.SendStatusSet?.[0];
      if (status?.Code !== 'Ok' || !status.SerialNo)
        throw smsErrorOf(TENCENT_SMS_ERRORS, status?.Code ?? 'Unknown', status?.Message ?? 'no status', requestId);
      return { messageId: status.SerialNo, requestId: requestId ?? '' };
    },
  };
}
