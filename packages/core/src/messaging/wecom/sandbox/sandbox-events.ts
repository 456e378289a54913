/**
 * DEMO AND TESTS ONLY. Delivers a callback event the way WeCom does: the event as XML (or JSON when
 * the corp's callback is JSON), encrypted and signed with the corp's Token and EncodingAESKey,
 * POSTed to its callback URL with msg_signature/timestamp/nonce; an answer other than HTTP 200
 * within 5 s is retried up to 3 times (docs 96466, 90968). Each delivery is logged on the corp.
 */
import type { Clock } from '../../../platform';
import { buildCallbackXml, encryptCallback } from '../callback';
import { WECOM_LIMITS } from '../limits';
import { type SbxCorp, type SbxDelivery, unix } from './sandbox-model';

export type EventFields = Record<string, string | number | readonly string[] | undefined>;

export type DeliveryOptions = {
  clock: Clock;
  fetch?: typeof fetch;
  /** Wait between attempts (WeCom's is unspecified; default 1 s). */
  retryDelayMs?: number;
  timeoutMs?: number;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The plaintext WeCom would send for `fields`, in the corp's callback format. */
export function eventPlaintext(corp: SbxCorp, fields: EventFields, now: number): string {
  const all: EventFields = {
    ToUserName: corp.corpId,
    FromUserName: 'sys',
    CreateTime: unix(now),
    MsgType: 'event',
    ...fields,
  };
  if (corp.callbackFormat === 'xml') return buildCallbackXml(all);
  const json = Object.fromEntries(
    Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? { Item: v } : v]),
  );
  return JSON.stringify(json);
}

async function post(url: string, body: string, contentType: string, opts: DeliveryOptions): Promise<number> {
  try {
    const res = await (opts.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? WECOM_LIMITS.callback.deliveryAnswerMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

export async function deliverEvent(corp: SbxCorp, fields: EventFields, opts: DeliveryOptions): Promise<SbxDelivery> {
  const now = opts.clock.now().getTime();
  const plaintext = eventPlaintext(corp, fields, now);
  const delivery: SbxDelivery = {
    id: corp.deliveries.length + 1,
    event: String(fields.Event ?? ''),
    changeType: fields.ChangeType === undefined ? undefined : String(fields.ChangeType),
    url: corp.callbackUrl,
    attempts: 0,
    outcome: 'no_callback_url',
    at: now,
    plaintext,
  };
  corp.deliveries.push(delivery);
  if (!corp.callbackUrl) return delivery;
  const keys = { token: corp.token, encodingAesKey: corp.encodingAesKey, receiveId: corp.corpId };
  const msg = encryptCallback(keys, plaintext, {
    format: corp.callbackFormat,
    timestamp: String(unix(now)),
    agentId: corp.agentId,
  });
  const url = new URL(corp.callbackUrl);
  for (const [k, v] of Object.entries(msg.query)) url.searchParams.set(k, v);
  for (let attempt = 0; attempt <= WECOM_LIMITS.callback.deliveryRetries; attempt++) {
    if (attempt > 0) await sleep(opts.retryDelayMs ?? 1000);
    delivery.attempts = attempt + 1;
    delivery.httpStatus = await post(url.toString(), msg.body, msg.contentType, opts);
    if (delivery.httpStatus === 200) {
      delivery.outcome = 'delivered';
      return delivery;
    }
  }
  delivery.outcome = 'failed';
  return delivery;
}
