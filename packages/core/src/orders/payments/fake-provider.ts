/**
 * An in-memory `PaymentProvider` for domain tests: no crypto, no HTTP, deterministic ids, time from
 * the injected clock. Tests drive the buyer's side with `pay`/`notification` and inject failures
 * with `failNext`.
 */
import type { Clock } from '../../platform';
import {
  type Acknowledgement,
  assertAmountFen,
  type CreatePaymentInput,
  type NotificationHeaders,
  type PaymentAction,
  type PaymentChannel,
  PaymentError,
  type PaymentEvent,
  type PaymentProvider,
  type PaymentQueryResult,
  type PaymentStatus,
  headerValue,
} from './provider';

export const FAKE_SIGNATURE_HEADER = 'x-fake-signature';
const FAKE_SIGNATURE = 'fake-ok';

export type FakePayment = {
  outTradeNo: string;
  channel: PaymentChannel;
  amountFen: number;
  status: PaymentStatus;
  transactionId?: string;
  paidAt?: Date;
  refunds: Map<string, number>;
};

type Operation = 'createPayment' | 'query' | 'close' | 'refund';

export type FakePaymentProvider = PaymentProvider & {
  payments: ReadonlyMap<string, FakePayment>;
  /** The buyer pays; returns the notification the provider would send. */
  pay(outTradeNo: string): { body: string; headers: Record<string, string> };
  /** The notification for the current state (paid or a refund), e.g. to send it twice. */
  notification(outTradeNo: string, refundNo?: string): { body: string; headers: Record<string, string> };
  /** The next call of `operation` throws `error` (e.g. PROVIDER_UNAVAILABLE to test retries). */
  failNext(operation: Operation, error: PaymentError): void;
};

const ALL_CHANNELS = ['wechat_jsapi', 'wechat_h5', 'wechat_native', 'alipay_wap', 'alipay_page'] as const;

export function createFakePaymentProvider(clock: Clock): FakePaymentProvider {
  const payments = new Map<string, FakePayment>();
  const failures = new Map<Operation, PaymentError>();
  let counter = 0;
  const seq = () => String(++counter).padStart(6, '0');

  function maybeFail(op: Operation) {
    const e = failures.get(op);
    if (e) {
      failures.delete(op);
      throw e;
    }
  }

  function get(outTradeNo: string): FakePayment {
    const p = payments.get(outTradeNo);
    if (!p) throw new PaymentError('NOT_FOUND', `No fake payment ${outTradeNo}`);
    return p;
  }

  function notification(outTradeNo: string, refundNo?: string) {
    const p = get(outTradeNo);
    const refundFen = refundNo === undefined ? undefined : p.refunds.get(refundNo);
    if (refundNo !== undefined && refundFen === undefined) throw new Error(`No fake refund ${refundNo}`);
    const body = JSON.stringify({
      id: `fake_evt_${outTradeNo}_${refundNo ?? 'paid'}`,
      kind: refundNo === undefined ? 'paid' : 'refunded',
      outTradeNo,
      transactionId: p.transactionId,
      amountFen: p.amountFen,
      paidAt: p.paidAt?.toISOString(),
      refund: refundNo === undefined ? undefined : { outRefundNo: refundNo, refundFen },
    });
    return { body, headers: { 'content-type': 'application/json', [FAKE_SIGNATURE_HEADER]: FAKE_SIGNATURE } };
  }

  return {
    name: 'fake',
    channels: ALL_CHANNELS,
    payments,
    failNext: (op, error) => failures.set(op, error),
    async createPayment(input: CreatePaymentInput): Promise<PaymentAction> {
      maybeFail('createPayment');
      assertAmountFen(input.amountFen);
      const existing = payments.get(input.outTradeNo);
      if (existing?.status === 'paid') throw new PaymentError('ALREADY_PAID', `${input.outTradeNo} is paid`);
      if (existing?.status === 'closed') throw new PaymentError('ORDER_CLOSED', `${input.outTradeNo} is closed`);
      if (!existing) {
        const { outTradeNo, channel, amountFen } = input;
        payments.set(outTradeNo, { outTradeNo, channel, amountFen, status: 'pending', refunds: new Map() });
      }
      return fakeAction(input);
    },
    async query(outTradeNo): Promise<PaymentQueryResult> {
      maybeFail('query');
      const p = payments.get(outTradeNo);
      if (!p) return { status: 'not_found', outTradeNo, raw: null };
      const { status, transactionId, amountFen, paidAt } = p;
      const paidFen = transactionId ? amountFen : undefined;
      return { status, outTradeNo, transactionId, amountFen, paidFen, paidAt, raw: { ...p } };
    },
    async close(outTradeNo) {
      maybeFail('close');
      const p = payments.get(outTradeNo);
      if (!p) return 'not_created';
      if (p.status === 'paid' || p.status === 'refunded')
        throw new PaymentError('ALREADY_PAID', `${outTradeNo} is paid`);
      p.status = 'closed';
      return 'closed';
    },
    async refund(input) {
      maybeFail('refund');
      assertAmountFen(input.refundFen, 'refundFen');
      const p = get(input.outTradeNo);
      const already = p.refunds.get(input.outRefundNo);
      if (already !== undefined)
        return { status: 'succeeded', outRefundNo: input.outRefundNo, refundFen: already, raw: null };
      if (!p.transactionId) throw new PaymentError('REJECTED', `${input.outTradeNo} is not paid`);
      const refunded = [...p.refunds.values()].reduce((s, f) => s + f, 0);
      if (input.totalFen !== p.amountFen || refunded + input.refundFen > p.amountFen) {
        throw new PaymentError('REJECTED', 'Refund exceeds what is refundable');
      }
      p.refunds.set(input.outRefundNo, input.refundFen);
      p.status = 'refunded';
      const refundId = `fake_rfd_${seq()}`;
      return { status: 'succeeded', outRefundNo: input.outRefundNo, refundId, refundFen: input.refundFen, raw: null };
    },
    pay(outTradeNo) {
      const p = get(outTradeNo);
      if (p.status !== 'pending') throw new Error(`Fake payment ${outTradeNo} is ${p.status}`);
      p.status = 'paid';
      p.transactionId = `fake_tx_${seq()}`;
      p.paidAt = clock.now();
      return notification(outTradeNo);
    },
    notification,
    async parseNotification(rawBody, headers) {
      return parseFakeNotification(rawBody, headers);
    },
    acknowledgement: (ok): Acknowledgement => ({ status: ok ? 204 : 500, headers: {}, body: ok ? '' : 'fail' }),
  };
}

function fakeAction(input: CreatePaymentInput): PaymentAction {
  const no = encodeURIComponent(input.outTradeNo);
  switch (input.channel) {
    case 'wechat_jsapi': {
      const prepayId = `fake_prepay_${no}`;
      const params = { appId: 'wxfake', timeStamp: '0', nonceStr: 'fake', package: `prepay_id=${prepayId}` };
      return { kind: 'jsapi', prepayId, params: { ...params, signType: 'RSA', paySign: 'fake' } };
    }
    case 'wechat_h5':
      return { kind: 'h5', url: `https://fake-pay.invalid/h5/${no}` };
    case 'wechat_native':
      return { kind: 'native', codeUrl: `weixin://fake/${no}` };
    default:
      return { kind: 'redirect', url: `https://fake-pay.invalid/pay/${no}` };
  }
}

function parseFakeNotification(rawBody: Buffer | string, headers: NotificationHeaders): PaymentEvent {
  if (headerValue(headers, FAKE_SIGNATURE_HEADER) !== FAKE_SIGNATURE) {
    throw new PaymentError('BAD_SIGNATURE', 'The fake notification is not marked as signed');
  }
  let n: Record<string, unknown>;
  try {
    n = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    throw new PaymentError('MALFORMED', 'The fake notification is not JSON');
  }
  const refund = n.refund as { outRefundNo: string; refundFen: number } | undefined;
  return {
    provider: 'fake',
    kind: n.kind === 'refunded' ? 'refunded' : 'paid',
    id: String(n.id),
    outTradeNo: String(n.outTradeNo),
    transactionId: String(n.transactionId),
    amountFen: Number(n.amountFen),
    paidAt: typeof n.paidAt === 'string' ? new Date(n.paidAt) : undefined,
    refund,
    providerState: String(n.kind),
    raw: n,
  };
}
