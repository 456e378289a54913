/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25) SendSms over the RPC protocol: form-encoded POST signed with
 * signature v1 (aliyun-signing.ts). Business errors come back as HTTP 200 with Code ≠ "OK"; signature
 * and key errors as 4xx with the same body shape.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform';
import { aliyunTimestamp, percentEncode, signRpc } from './aliyun-signing';
import { OWNED_LIMITS } from './limits';
import { ALIYUN_SMS_ERRORS, SmsError, smsErrorOf } from './sms-errors';
import { normalizePhone, type SmsSender, type TemplateSms } from './sms-sender';

export type AliyunSmsConfig = {
  accessKeyId: string;
  accessKeySecret: string;
  /** Default https://dysmsapi.aliyuncs.com/; the demo sandbox's URL in demo mode and tests. */
  endpoint?: string;
  regionId?: string;
  clock: Clock;
  nonce?: () => string;
};

type AliyunAnswer = { Code?: string; Message?: string; BizId?: string; RequestId?: string };

/** The signed form parameters of one SendSms (exported for the sandbox tests). */
export function aliyunSendSmsParams(c: AliyunSmsConfig, sms: TemplateSms): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: c.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    RegionId: c.regionId ?? OWNED_LIMITS.aliyun.regionId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: (c.nonce ?? randomUUID)(),
    SignatureVersion: '1.0',
    Timestamp: aliyunTimestamp(c.clock.now()),
    Version: OWNED_LIMITS.aliyun.apiVersion,
    PhoneNumbers: normalizePhone(sms.phone, 'national'),
    SignName: sms.signName,
    TemplateCode: sms.templateCode,
  };
  if (sms.paramOrder.length) params.TemplateParam = JSON.stringify(sms.params);
  if (sms.reference) params.OutId = sms.reference.slice(0, OWNED_LIMITS.aliyun.outIdChars);
  params.Signature = signRpc('POST', params, c.accessKeySecret);
  return params;
}

async function post(url: string, form: string) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(OWNED_LIMITS.sms.requestTimeoutMs),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as AliyunAnswer;
    } catch {
      throw new SmsError('NETWORK', `HTTP_${res.status}`, `Aliyun answered HTTP ${res.status} without JSON`);
    }
  } catch (e) {
    if (e instanceof SmsError) throw e;
    throw new SmsError('NETWORK', 'UNREACHABLE', `Aliyun SMS could not be reached: ${(e as Error).message}`);
  }
}

export function createAliyunSms(c: AliyunSmsConfig): SmsSender {
  const url = c.endpoint ?? OWNED_LIMITS.aliyun.endpoint;
  return {
    provider: 'aliyun',
    async send(sms) {
      const params = aliyunSendSmsParams(c, sms);
      const form = Object.entries(params)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join('&');
      const answer = await post(url, form);
      const requestId = answer.RequestId ?? null;
      if (answer.Code !== 'OK' || !answer.BizId)
        throw smsErrorOf(ALIYUN_SMS_ERRORS, answer.Code ?? 'Unknown', answer.Message ?? 'no message', requestId);
      return { messageId: answer.BizId, requestId: requestId ?? '' };
    },
  };
}
