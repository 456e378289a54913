/**
 * Alipay (classic gateway, RSA2, public-key mode) as a `PaymentProvider`: wap/page pay URLs,
 * trade query, close and refund, and verified async notifications.
 */
import { type AlipayClient, type AlipayConfig, createAlipayClient } from './alipay-client';
import { alipayTime, notifyContent, parseAlipayTime, parseForm, rsa2Verify } from './alipay-signing';
import {
  type Acknowledgement,
  assertAmountFen,
  type CloseResult,
  type CreatePaymentInput,
  type PaymentAction,
  type PaymentChannel,
  PaymentError,
  type PaymentEvent,
  type PaymentProvider,
  type PaymentQueryResult,
  type PaymentStatus,
  type RefundInput,
  type RefundResult,
} from './provider';
import { fenToYuan, yuanToFen } from './yuan';

const CHANNELS = ['alipay_wap', 'alipay_page'] as const satisfies readonly PaymentChannel[];

const PRODUCTS = {
  alipay_wap: { method: 'alipay.trade.wap.pay', productCode: 'QUICK_WAP_WAY' },
  alipay_page: { method: 'alipay.trade.page.pay', productCode: 'FAST_INSTANT_TRADE_PAY' },
} as const;

const TRADE_STATUS: Record<string, PaymentStatus> = {
  WAIT_BUYER_PAY: 'pending',
  TRADE_SUCCESS: 'paid',
  TRADE_FINISHED: 'paid',
  TRADE_CLOSED: 'closed',
};

export function createAlipayProvider(config: AlipayConfig): PaymentProvider {
  const client = createAlipayClient(config);
  return {
    name: 'alipay',
    channels: CHANNELS,
    createPayment: async (input) => createPayment(client, input),
    query: (outTradeNo) => query(client, outTradeNo),
    close: (outTradeNo) => close(client, outTradeNo),
    refund: (input) => refund(client, input),
    parseNotification: async (rawBody) => parseNotification(client, rawBody),
    acknowledgement: alipayAcknowledgement,
  };
}

/** Alipay stops retrying only on the literal text `success`. */
export function alipayAcknowledgement(ok: boolean): Acknowledgement {
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: ok ? 'success' : 'fail' };
}

function createPayment(client: AlipayClient, input: CreatePaymentInput): PaymentAction {
  assertAmountFen(input.amountFen);
  if (input.channel !== 'alipay_wap' && input.channel !== 'alipay_page') {
    throw new PaymentError('UNSUPPORTED_CHANNEL', `Alipay does not handle ${input.channel}`);
  }
  const product = PRODUCTS[input.channel];
  const biz = {
    out_trade_no: input.outTradeNo,
    total_amount: fenToYuan(input.amountFen),
    subject: input.description.slice(0, 256),
    product_code: product.productCode,
    time_expire: alipayTime(input.expiresAt),
  };
  const url = client.pageUrl(product.method, biz, { notify_url: input.notifyUrl, return_url: input.returnUrl });
  return { kind: 'redirect', url };
}

async function query(client: AlipayClient, outTradeNo: string): Promise<PaymentQueryResult> {
  let r: Record<string, unknown>;
  try {
    r = await client.execute('alipay.trade.query', { out_trade_no: outTradeNo });
  } catch (e) {
    if (e instanceof PaymentError && e.code === 'NOT_FOUND') return { status: 'not_found', outTradeNo, raw: null };
    throw e;
  }
  const state = str(r.trade_status);
  const status = TRADE_STATUS[state] ?? 'pending';
  return {
    status,
    outTradeNo: str(r.out_trade_no) || outTradeNo,
    transactionId: str(r.trade_no) || undefined,
    amountFen: r.total_amount === undefined ? undefined : yuanToFen(str(r.total_amount)),
    paidFen: r.buyer_pay_amount === undefined || status !== 'paid' ? undefined : yuanToFen(str(r.buyer_pay_amount)),
    paidAt: parseAlipayTime(str(r.send_pay_date) || undefined),
    raw: r,
  };
}

async function close(client: AlipayClient, outTradeNo: string): Promise<CloseResult> {
  try {
    await client.execute('alipay.trade.close', { out_trade_no: outTradeNo });
    return 'closed';
  } catch (e) {
    if (!(e instanceof PaymentError)) throw e;
    if (e.code === 'NOT_FOUND') return 'not_created';
    if (e.providerCode !== 'ACQ.TRADE_STATUS_ERROR') throw e;
    // Not closable: either already closed (fine) or paid (the caller must not release the stock).
    const now = await query(client, outTradeNo);
    if (now.status === 'closed') return 'closed';
    throw new PaymentError('ALREADY_PAID', `Alipay trade ${outTradeNo} is ${now.status} and cannot be closed`, {
      providerCode: e.providerCode,
    });
  }
}

async function refund(client: AlipayClient, input: RefundInput): Promise<RefundResult> {
  assertAmountFen(input.refundFen, 'refundFen');
  if (input.refundFen > input.totalFen) throw new PaymentError('INVALID_INPUT', 'refundFen exceeds totalFen');
  const r = await client.execute('alipay.trade.refund', {
    out_trade_no: input.outTradeNo,
    refund_amount: fenToYuan(input.refundFen),
    out_request_no: input.outRefundNo,
    refund_reason: input.reason,
  });
  // fund_change=N does not mean failure (e.g. a repeated request): the caller confirms by query.
  return {
    status: r.fund_change === 'Y' ? 'succeeded' : 'processing',
    outRefundNo: input.outRefundNo,
    refundId: str(r.trade_no) || undefined,
    refundFen: input.refundFen,
    raw: r,
  };
}

function parseNotification(client: AlipayClient, rawBody: Buffer | string): PaymentEvent {
  const f = parseForm(rawBody);
  if (!f.sign) throw new PaymentError('BAD_SIGNATURE', 'The Alipay notification carries no sign');
  if (f.sign_type && f.sign_type !== 'RSA2') throw new PaymentError('BAD_SIGNATURE', `sign_type ${f.sign_type}`);
  if (!rsa2Verify(notifyContent(f), f.sign, client.alipayKey)) {
    throw new PaymentError('BAD_SIGNATURE', 'The Alipay notification does not verify with the Alipay public key');
  }
  if (f.app_id !== client.config.appId) throw new PaymentError('MERCHANT_MISMATCH', `Notification for app ${f.app_id}`);
  const seller = client.config.sellerId;
  if (seller && f.seller_id && f.seller_id !== seller) {
    throw new PaymentError('MERCHANT_MISMATCH', `Notification for seller ${f.seller_id}`);
  }
  const { out_trade_no, trade_no, trade_status, total_amount, notify_id } = f;
  if (!out_trade_no || !trade_no || !trade_status || !total_amount || !notify_id) {
    throw new PaymentError('MALFORMED', 'The Alipay notification lacks out_trade_no, trade_no, status or amount');
  }
  const base = {
    provider: 'alipay' as const,
    id: notify_id,
    outTradeNo: out_trade_no,
    transactionId: trade_no,
    amountFen: yuanToFen(total_amount),
    paidFen: f.buyer_pay_amount ? yuanToFen(f.buyer_pay_amount) : undefined,
    paidAt: parseAlipayTime(f.gmt_payment),
    providerState: trade_status,
    raw: f,
  };
  if (f.refund_fee && f.out_biz_no) {
    const refund = {
      outRefundNo: f.out_biz_no,
      refundFen: yuanToFen(f.refund_fee),
      succeededAt: parseAlipayTime(f.gmt_refund),
    };
    return { ...base, kind: 'refunded', refund };
  }
  const kind = TRADE_STATUS[trade_status] === 'paid' ? 'paid' : trade_status === 'TRADE_CLOSED' ? 'closed' : 'other';
  return { ...base, kind };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
