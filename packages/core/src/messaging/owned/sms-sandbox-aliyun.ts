/** DEMO AND TESTS ONLY: the Alibaba Cloud SendSms side of the SMS sandbox (sms-sandbox.ts). */
import { randomUUID } from 'node:crypto';
import type { HttpRequestIn, HttpResponseOut } from '../wecom/sandbox/sandbox-http';
import { verifyRpc } from './aliyun-signing';
import { OWNED_LIMITS } from './limits';
import { deliver, numberLimitHit, type SmsSandboxState } from './sms-sandbox-state';

const answer = (status: number, body: Record<string, unknown>): HttpResponseOut => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: JSON.stringify({ RequestId: randomUUID().toUpperCase(), ...body }),
});
const fail = (status: number, Code: string, Message: string) => answer(status, { Code, Message });

function paramsOf(req: HttpRequestIn): Record<string, string> {
  const query = req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : '';
  const form = req.method === 'POST' ? req.body.toString('utf8') : '';
  return Object.fromEntries([...new URLSearchParams(query), ...new URLSearchParams(form)]);
}

function checkAuth(s: SmsSandboxState, req: HttpRequestIn, p: Record<string, string>) {
  for (const k of ['AccessKeyId', 'Signature', 'SignatureNonce', 'Timestamp', 'Action', 'Version'])
    if (!p[k])
      return fail(
        400,
        'MissingParameter',
        `The input parameter "${k}" that is mandatory for processing this request is not supplied.`,
      );
  if (p.SignatureMethod !== 'HMAC-SHA1' || p.SignatureVersion !== '1.0')
    return fail(400, 'InvalidParameter', 'SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.');
  const account = s.accounts.get(`aliyun:${p.AccessKeyId}`);
  if (!account) return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (!verifyRpc(req.method, p, account.secret))
    return fail(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  const at = Date.parse(p.Timestamp!);
  const now = s.clock.now().getTime();
  if (!Number.isFinite(at) || Math.abs(now - at) > OWNED_LIMITS.aliyun.timestampSkewSeconds * 1000)
    return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  const nonceKey = `${p.AccessKeyId}:${p.SignatureNonce}`;
  for (const [k, t] of s.nonces) if (now - t > OWNED_LIMITS.aliyun.timestampSkewSeconds * 1000) s.nonces.delete(k);
  if (s.nonces.has(nonceKey)) return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  s.nonces.set(nonceKey, now);
  if (p.Action !== 'SendSms') return fail(404, 'InvalidAction.NotFound', `Specified api ${p.Action} is not found.`);
  if (p.Version !== OWNED_LIMITS.aliyun.apiVersion)
    return fail(400, 'InvalidVersion', `Specified parameter Version ${p.Version} is not valid.`);
  return account;
}

function templateParams(raw: string | undefined) {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
  } catch {}
  return null;
}

export function handleAliyun(s: SmsSandboxState, req: HttpRequestIn): HttpResponseOut {
  const p = paramsOf(req);
  const account = checkAuth(s, req, p);
  if ('status' in account) return account;
  const phones = (p.PhoneNumbers ?? '').split(',');
  if (phones.length !== 1 || !/^(?:\+?86)?1\d{10}$/.test(phones[0]!))
    return fail(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
  if (!p.SignName || !account.signNames.includes(p.SignName))
    return fail(200, 'isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
  const template = account.templates.find((t) => t.code === p.TemplateCode);
  if (!template) return fail(200, 'isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
  const params = templateParams(p.TemplateParam);
  if (!params) return fail(200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
  const missing = template.params.find((k) => !params[k]);
  if (missing) return fail(200, 'isv.TEMPLATE_MISSING_PARAMETERS', `模板变量缺少对应参数值: ${missing}`);
  const limited = numberLimitHit(s.hits, 'aliyun', phones[0]!, s.clock.now().getTime());
  if (limited) return fail(200, limited.code, `触发号码${limited.text}流控Permits:${limited.max}`);
  const sms = deliver(s, account, {
    phone: phones[0]!,
    signName: p.SignName,
    templateCode: template.code,
    params,
    reference: p.OutId ?? null,
    template,
  });
  return answer(200, { Code: 'OK', Message: 'OK', BizId: `${sms.id.replace(/-/g, '').slice(0, 14)}^0` });
}
