/**
 * WeChat Pay API v3 as a `PaymentProvider`: JSAPI / H5 / Native prepay, query by out_trade_no,
 * close, domestic refunds, and verified + decrypted payment and refund notifications.
 */
import {
  type Acknowledgement,
  assertAmountFen,
  type CreatePaymentInput,
  type PaymentAction,
  type PaymentChannel,
  PaymentError,
  type PaymentEvent,
  type PaymentProvider,
  type PaymentQueryResult,
  type RefundInput,
  type RefundResult,
} from './provider';
import { createWechatPayClient, type WechatPayClient, type WechatPayConfig } from './wechatpay-client';
import { decryptResource } from './wechatpay-crypto';
import {
  dateOrUndefined,
  jsonOf,
  notificationSchema,
  parseWith,
  refundNoticeSchema,
  refundSchema,
  refundStatus,
  rfc3339Beijing,
  transactionSchema,
  tradeStatus,
  type WechatTransaction,
} from './wechatpay-schemas';
import { rsaSign } from './keys';
import { newNonce, payMessage, unixSeconds } from './wechatpay-signing';
import { verifyWechatpayMessage } from './wechatpay-verify';

const CHANNELS = ['wechat_jsapi', 'wechat_h5', 'wechat_native'] as const satisfies readonly PaymentChannel[];

export function createWechatPayProvider(config: WechatPayConfig): PaymentProvider {
  const client = createWechatPayClient(config);
  return {
    name: 'wechatpay',
    channels: CHANNELS,
    createPayment: (input) => createPayment(client, input),
    query: (outTradeNo) => query(client, outTradeNo),
    close: async (outTradeNo) => {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`;
      try {
        await client.request('POST', path, { mchid: config.mchid });
        return 'closed';
      } catch (e) {
        if (e instanceof PaymentError && e.code === 'NOT_FOUND') return 'not_created';
        throw e;
      }
    },
    refund: (input) => refund(client, input),
    parseNotification: async (rawBody, headers) => parseNotification(client, rawBody, headers),
    acknowledgement: wechatpayAcknowledgement,
  };
}

/** 204 without a body on success; on failure 500 and `{"code":"FAIL","message":…}` so WeChat retries. */
export function wechatpayAcknowledgement(ok: boolean, message = 'failed'): Acknowledgement {
  if (ok) return { status: 204, headers: {}, body: '' };
  return {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code: 'FAIL', message }),
  };
}

async function createPayment(client: WechatPayClient, input: CreatePaymentInput): Promise<PaymentAction> {
  assertAmountFen(input.amountFen);
  const { mchid, appid } = client.config;
  const base = {
    appid,
    mchid,
    description: input.description.slice(0, 127),
    out_trade_no: input.outTradeNo,
    time_expire: rfc3339Beijing(input.expiresAt),
    notify_url: input.notifyUrl,
    amount: { total: input.amountFen, currency: 'CNY' },
  };
  switch (input.channel) {
    case 'wechat_jsapi': {
      if (!input.payerOpenid) throw new PaymentError('INVALID_INPUT', 'JSAPI payments need the payer openid');
      const res = await client.request('POST', '/v3/pay/transactions/jsapi', {
        ...base,
        payer: { openid: input.payerOpenid },
      });
      const prepayId = stringField(res.json, 'prepay_id');
      return { kind: 'jsapi', prepayId, params: requestPaymentParams(client, prepayId) };
    }
    case 'wechat_h5': {
      if (!input.clientIp) throw new PaymentError('INVALID_INPUT', 'H5 payments need the client IP');
      const res = await client.request('POST', '/v3/pay/transactions/h5', {
        ...base,
        scene_info: { payer_client_ip: input.clientIp, h5_info: { type: 'Wap' } },
      });
      return { kind: 'h5', url: stringField(res.json, 'h5_url') };
    }
    case 'wechat_native': {
      const res = await client.request('POST', '/v3/pay/transactions/native', base);
      return { kind: 'native', codeUrl: stringField(res.json, 'code_url') };
    }
    default:
      throw new PaymentError('UNSUPPORTED_CHANNEL', `WeChat Pay does not handle ${input.channel}`);
  }
}

/** Signs `appId\ntimeStamp\nnonceStr\nprepay_id=…\n` with the merchant key for wx.requestPayment. */
export function requestPaymentParams(client: WechatPayClient, prepayId: string) {
  const appId = client.config.appid;
  const timeStamp = unixSeconds(client.config.clock.now());
  const nonceStr = newNonce();
  const pkg = `prepay_id=${prepayId}`;
  const paySign = rsaSign(payMessage(appId, timeStamp, nonceStr, pkg), client.merchantKey);
  return { appId, timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign };
}

async function query(client: WechatPayClient, outTradeNo: string): Promise<PaymentQueryResult> {
  const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(client.config.mchid)}`;
  try {
    const res = await client.request('GET', path);
    const tx = parseWith(transactionSchema, res.json, 'WeChat Pay transaction');
    return transactionResult(tx, res.json);
  } catch (e) {
    if (e instanceof PaymentError && e.code === 'NOT_FOUND') return { status: 'not_found', outTradeNo, raw: null };
    throw e;
  }
}

function transactionResult(tx: WechatTransaction, raw: unknown): PaymentQueryResult {
  return {
    status: tradeStatus(tx.trade_state),
    outTradeNo: tx.out_trade_no,
    transactionId: tx.transaction_id,
    amountFen: tx.amount?.total,
    paidFen: tx.amount?.payer_total,
    paidAt: dateOrUndefined(tx.success_time),
    raw,
  };
}

async function refund(client: WechatPayClient, input: RefundInput): Promise<RefundResult> {
  assertAmountFen(input.refundFen, 'refundFen');
  assertAmountFen(input.totalFen, 'totalFen');
  if (input.refundFen > input.totalFen) throw new PaymentError('INVALID_INPUT', 'refundFen exceeds totalFen');
  const res = await client.request('POST', '/v3/refund/domestic/refunds', {
    out_trade_no: input.outTradeNo,
    out_refund_no: input.outRefundNo,
    reason: input.reason?.slice(0, 80),
    notify_url: input.notifyUrl,
    amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
  });
  const r = parseWith(refundSchema, res.json, 'WeChat Pay refund');
  return {
    status: refundStatus(r.status),
    outRefundNo: r.out_refund_no,
    refundId: r.refund_id,
    refundFen: r.amount.refund ?? input.refundFen,
    raw: res.json,
  };
}

function parseNotification(
  client: WechatPayClient,
  rawBody: Buffer | string,
  headers: Parameters<PaymentProvider['parseNotification']>[1],
): PaymentEvent {
  const { config, keyring } = client;
  verifyWechatpayMessage({ headers, body: rawBody, keyring, clock: config.clock, maxSkewMs: config.maxSkewMs });
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const n = parseWith(notificationSchema, jsonOf(text, 'WeChat Pay notification'), 'WeChat Pay notification');
  const plain = jsonOf(decryptResource(n.resource, config.apiV3Key), 'Decrypted resource');
  if (n.event_type.startsWith('REFUND.')) {
    const r = parseWith(refundNoticeSchema, plain, 'WeChat Pay refund notification');
    if (r.mchid !== config.mchid) throw new PaymentError('MERCHANT_MISMATCH', `Notification for mchid ${r.mchid}`);
    return {
      provider: 'wechatpay',
      kind: r.refund_status === 'SUCCESS' ? 'refunded' : 'refund_failed',
      id: n.id,
      outTradeNo: r.out_trade_no,
      transactionId: r.transaction_id,
      amountFen: r.amount.total,
      refund: {
        outRefundNo: r.out_refund_no,
        refundId: r.refund_id,
        refundFen: r.amount.refund,
        succeededAt: dateOrUndefined(r.success_time),
      },
      providerState: `${n.event_type}/${r.refund_status}`,
      raw: plain,
    };
  }
  const tx = parseWith(transactionSchema, plain, 'WeChat Pay payment notification');
  if (tx.mchid !== config.mchid) throw new PaymentError('MERCHANT_MISMATCH', `Notification for mchid ${tx.mchid}`);
  if (tx.appid && tx.appid !== config.appid)
    throw new PaymentError('MERCHANT_MISMATCH', `Notification for ${tx.appid}`);
  const paid = n.event_type === 'TRANSACTION.SUCCESS' && tx.trade_state === 'SUCCESS';
  if (paid && (!tx.transaction_id || tx.amount?.total === undefined)) {
    throw new PaymentError('MALFORMED', 'A payment notification without transaction_id or amount.total');
  }
  return {
    provider: 'wechatpay',
    kind: paid ? 'paid' : 'other',
    id: n.id,
    outTradeNo: tx.out_trade_no,
    transactionId: tx.transaction_id ?? '',
    amountFen: tx.amount?.total ?? 0,
    paidFen: tx.amount?.payer_total,
    paidAt: dateOrUndefined(tx.success_time),
    providerState: `${n.event_type}/${tx.trade_state}`,
    raw: plain,
  };
}

function stringField(json: Record<string, unknown> | null, name: string): string {
  const v = json?.[name];
  if (typeof v !== 'string' || !v) throw new PaymentError('MALFORMED', `WeChat Pay answered without ${name}`);
  return v;
}
