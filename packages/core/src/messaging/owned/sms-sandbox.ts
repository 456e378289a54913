/**
 * DEMO AND TESTS ONLY: an SMS sandbox speaking Alibaba Cloud's SendSms (RPC, signature v1) and
 * Tencent Cloud's SendSms (API 3.0, TC3-HMAC-SHA256) over HTTP. It checks signatures, timestamps and
 * nonces as the real services do, knows each account's approved sign names and templates, applies the
 * documented per-number frequency limits, answers in the providers' shapes and error codes, and keeps
 * the messages it "delivered" so a person (or a test) can read them.
 */
import type { Clock } from '../../platform';
import type { HttpRequestIn, HttpResponseOut } from '../wecom/sandbox/sandbox-http';
import { handleAliyun } from './sms-sandbox-aliyun';
import { handleTencent } from './sms-sandbox-tencent';
import type { SandboxSms, SandboxSmsAccount, SmsSandboxState } from './sms-sandbox-state';

export type { SandboxSms, SandboxSmsAccount, SandboxTemplate } from './sms-sandbox-state';

export type SmsSandbox = {
  handle(req: HttpRequestIn): HttpResponseOut;
  addAccount(account: SandboxSmsAccount): void;
  /** Delivered messages, newest first. */
  messages(filter?: { phone?: string }): SandboxSms[];
};

export function createSmsSandbox(opts: { clock: Clock; accounts?: SandboxSmsAccount[] }): SmsSandbox {
  const s: SmsSandboxState = {
    clock: opts.clock,
    accounts: new Map(),
    messages: [],
    nonces: new Map(),
    hits: new Map(),
  };
  const addAccount = (a: SandboxSmsAccount) => s.accounts.set(`${a.provider}:${a.keyId}`, a);
  for (const a of opts.accounts ?? []) addAccount(a);
  return {
    addAccount,
    handle(req) {
      const path = req.path.split('?')[0] ?? '';
      if (path.endsWith('/aliyun/') || path.endsWith('/aliyun')) return handleAliyun(s, req);
      if (path.endsWith('/tencent/') || path.endsWith('/tencent')) return handleTencent(s, req);
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not a sandbox endpoint' };
    },
    messages: (f = {}) => s.messages.filter((m) => !f.phone || m.phone.endsWith(f.phone.replace(/^\+?86/, ''))),
  };
}
