/** DEMO AND TESTS ONLY: the Tencent Cloud SendSms side of the SMS sandbox (sms-sandbox.ts). */
import { randomUUID } from 'node:crypto';
import type { HttpRequestIn, HttpResponseOut } from '../wecom/sandbox/sandbox-http';
import { OWNED_LIMITS } from './limits';
import { deliver, numberLimitHit, type SmsSandboxState } from './sms-sandbox-state';
import { parseTc3Authorization, sameHex, tc3Signature, utcDate } from './tencent-signing';

const answer = (response: Record<string, unknown>): HttpResponseOut => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ Response: { ...response, RequestId: randomUUID() } }),
});
const fail = (Code: string, Message: string) => answer({ Error: { Code, Message } });
const header = (req: HttpRequestIn, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function checkAuth(s: SmsSandboxState, req: HttpRequestIn) {
  const auth = parseTc3Authorization(header(req, 'authorization'));
  if (!auth) return fail('AuthFailure.InvalidAuthorization', 'Authorization is not a TC3-HMAC-SHA256 header.');
  const account = s.accounts.get(`tencent:${auth.secretId}`);
  if (!account) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
  const timestamp = Number(header(req, 'x-tc-timestamp'));
  const now = s.clock.now().getTime() / 1000;
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > OWNED_LIMITS.tencent.timestampSkewSeconds)
    return fail(
      'AuthFailure.SignatureExpire',
      'Signature expired; the X-TC-Timestamp is too far from the server time.',
    );
  if (auth.date !== utcDate(timestamp) || auth.service !== OWNED_LIMITS.tencent.service)
    return fail('AuthFailure.SignatureFailure', 'The credential scope does not match the timestamp or the service.');
  if (!auth.signedHeaders.includes('content-type') || !auth.signedHeaders.includes('host'))
    return fail('AuthFailure.SignatureFailure', 'SignedHeaders must include content-type and host.');
  const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, header(req, h) ?? '']));
  const expected = tc3Signature(
    { method: req.method, headers, payload: req.body.toString('utf8'), timestamp, service: auth.service },
    account.secret,
  );
  if (!sameHex(expected, auth.signature))
    return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
  if (header(req, 'x-tc-action') !== 'SendSms')
    return fail('InvalidAction', `The action ${header(req, 'x-tc-action')} is not found.`);
  if (header(req, 'x-tc-version') !== OWNED_LIMITS.tencent.apiVersion)
    return fail('NoSuchVersion', 'The API version does not exist.');
  return account;
}

type Body = {
  PhoneNumberSet?: unknown;
  SmsSdkAppId?: unknown;
  SignName?: unknown;
  TemplateId?: unknown;
  TemplateParamSet?: unknown;
  SessionContext?: unknown;
};

export function handleTencent(s: SmsSandboxState, req: HttpRequestIn): HttpResponseOut {
  const account = checkAuth(s, req);
  if ('status' in account) return account;
  let b: Body;
  try {
    b = JSON.parse(req.body.toString('utf8')) as Body;
  } catch {
    return fail('InvalidParameter', 'The request body is not JSON.');
  }
  const phones = Array.isArray(b.PhoneNumberSet) ? b.PhoneNumberSet.map(String) : [];
  const values = Array.isArray(b.TemplateParamSet) ? b.TemplateParamSet.map(String) : [];
  if (phones.length !== 1) return fail('MissingParameter', 'PhoneNumberSet must hold one number in the sandbox.');
  if (b.SmsSdkAppId !== account.sdkAppId)
    return fail('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verification failed.');
  if (typeof b.SignName !== 'string' || !account.signNames.includes(b.SignName))
    return fail('FailedOperation.SignatureIncorrectOrUnapproved', 'The signature is incorrect or unapproved.');
  const template = account.templates.find((t) => t.code === b.TemplateId);
  if (!template)
    return fail('FailedOperation.TemplateIncorrectOrUnapproved', 'The template is incorrect or unapproved.');
  if (values.length !== template.params.length)
    return fail(
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
      'The number of template parameters does not match.',
    );
  const phone = phones[0]!;
  const status = (Code: string, Message: string, SerialNo = '') => ({
    SerialNo,
    PhoneNumber: phone,
    Fee: Code === 'Ok' ? 1 : 0,
    SessionContext: String(b.SessionContext ?? ''),
    Code,
    Message,
    IsoCode: 'CN',
  });
  if (!/^\+861\d{10}$/.test(phone))
    return answer({ SendStatusSet: [status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect phone number')] });
  const limited = numberLimitHit(s.hits, 'tencent', phone, s.clock.now().getTime());
  if (limited)
    return answer({
      SendStatusSet: [status(limited.code, `the number reached its limit of ${limited.max} per ${limited.text}`)],
    });
  const params = Object.fromEntries(template.params.map((k, i) => [k, values[i] ?? '']));
  const sms = deliver(s, account, {
    phone,
    signName: b.SignName,
    templateCode: template.code,
    params,
    reference: typeof b.SessionContext === 'string' ? b.SessionContext : null,
    template,
  });
  return answer({ SendStatusSet: [status('Ok', 'send success', `2433:${sms.id.replace(/-/g, '')}`)] });
}
