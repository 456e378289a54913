/**
 * Test helper (tests only): a WeCom sandbox on 127.0.0.1 with one corp, the real client pointed at it,
 * and a callback receiver that verifies and decrypts every delivery with the crypto module, exactly
 * as Siyu's webhook will, collecting the typed events.
 */
import { testClock } from '../../../platform';
import { decryptCallback } from '../callback';
import { createWecomClient } from '../client';
import { generateCallbackSecrets } from '../crypto';
import { callbackIdentity, parseWecomEvent, type WecomEvent } from '../events';
import { createAccessTokenStore } from '../tokens';
import { createWecomSandbox, type WecomSandboxOptions } from './sandbox';
import { serveOnLoopback } from './sandbox-http';

export async function callbackHarness(corpId: string, caps: WecomSandboxOptions['caps'] = {}) {
  const secrets = generateCallbackSecrets();
  const keys = { ...secrets, receiveId: corpId };
  const clock = testClock('2026-03-02T02:00:00Z');
  const staff = [
    { userid: 'zhangsan', name: '张三' },
    { userid: 'lisi', name: '李四' },
  ];
  const sandbox = createWecomSandbox({
    clock,
    retryDelayMs: 5,
    caps,
    corps: [{ corpId, secrets: ['sec'], ...secrets, staff }],
  });
  /** What the receiver saw; `answers` queues HTTP statuses for the next deliveries (default 200). */
  const seen = { events: [] as WecomEvent[], identities: [] as string[], answers: [] as number[] };
  const api = await serveOnLoopback((req) => sandbox.handle(req));
  const receiver = await serveOnLoopback((req) => {
    const q = new URL(req.path, 'http://x').searchParams;
    const status = seen.answers.shift() ?? 200;
    try {
      const signed = {
        msgSignature: q.get('msg_signature') ?? '',
        timestamp: q.get('timestamp') ?? '',
        nonce: q.get('nonce') ?? '',
      };
      const out = decryptCallback(keys, signed, req.body);
      if (status === 200) {
        seen.events.push(parseWecomEvent(out.fields));
        seen.identities.push(callbackIdentity(out.fields));
      }
      return { status, body: '' };
    } catch (e) {
      return { status: 400, body: e instanceof Error ? e.message : 'bad' };
    }
  });
  const callbackUrl = `${receiver.url}/webhooks/wecom/t1`;
  sandbox.configureCallback(corpId, { url: callbackUrl });
  const wecom = createWecomClient({ corpId, secret: 'sec', baseUrl: api.url, clock, tokens: createAccessTokenStore() });
  const reset = () => {
    seen.events.length = 0;
    seen.identities.length = 0;
    seen.answers.length = 0;
  };
  const close = async () => {
    await api.close();
    await receiver.close();
  };
  return { sandbox, wecom, clock, seen, reset, close, callbackUrl };
}
