/**
 * The one interface the orders domain calls to move money (DESIGN.md R10). Implementations:
 * WeChat Pay API v3 (`wechatpay-provider.ts`), Alipay RSA2 (`alipay-provider.ts`) and an in-memory
 * fake for domain tests (`fake-provider.ts`). Amounts are integer fen everywhere.
 */

export type ProviderName = 'wechatpay' | 'alipay' | 'fake';

/** How the buyer pays: a mini-program / official-account JSAPI, a mobile browser, a QR code, Alipay pages. */
export type PaymentChannel = 'wechat_jsapi' | 'wechat_h5' | 'wechat_native' | 'alipay_wap' | 'alipay_page';

export type CreatePaymentInput = {
  channel: PaymentChannel;
  outTradeNo: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  /** Must be no later than the stock reservation expiry (commerce notes §e, rule 5). */
  expiresAt: Date;
  /** WeChat JSAPI: the payer's openid under the configured appid. */
  payerOpenid?: string;
  /** WeChat H5: the buyer's IP address as seen by our server. */
  clientIp?: string;
  /** Alipay pages: where the browser returns after paying (never trusted as proof of payment). */
  returnUrl?: string;
};

/** The signed parameters for `wx.requestPayment` (mini program) / `WeixinJSBridge` (official account). */
export type WxRequestPaymentParams = {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
};

/** What the client needs to start paying. */
export type PaymentAction =
  | { kind: 'jsapi'; prepayId: string; params: WxRequestPaymentParams }
  | { kind: 'h5'; url: string }
  | { kind: 'native'; codeUrl: string }
  | { kind: 'redirect'; url: string };

/**
 * `pending`: created, not paid; `paying`: the buyer is entering a password; `paid`; `refunded`: paid
 * and at least partly refunded (WeChat `REFUND`); `closed`: closed or revoked, or Alipay's
 * TRADE_CLOSED after a full refund; `failed`: the payment failed; `not_found`: the provider has no such
 * trade (Alipay creates one only when the buyer opens the page).
 */
export type PaymentStatus = 'pending' | 'paying' | 'paid' | 'refunded' | 'closed' | 'failed' | 'not_found';

export type PaymentQueryResult = {
  status: PaymentStatus;
  outTradeNo: string;
  transactionId?: string;
  /** The order total the provider holds, in fen (compare with the order). */
  amountFen?: number;
  /** What the buyer actually paid, in fen (after provider-side coupons). */
  paidFen?: number;
  paidAt?: Date;
  raw: unknown;
};

export type RefundInput = {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  /** WeChat only: where the refund result notification goes. */
  notifyUrl?: string;
};

/**
 * `processing`: accepted, result will follow (WeChat notification, or query); `succeeded`;
 * `closed`/`failed`: the refund did not happen.
 */
export type RefundStatus = 'processing' | 'succeeded' | 'closed' | 'failed';

export type RefundResult = {
  status: RefundStatus;
  outRefundNo: string;
  refundId?: string;
  refundFen: number;
  raw: unknown;
};

/** `not_created`: the provider never saw the trade (Alipay before the buyer opened the page). */
export type CloseResult = 'closed' | 'not_created';

export type PaymentEventKind = 'paid' | 'refunded' | 'refund_failed' | 'closed' | 'other';

/** A verified, decrypted, normalised notification. Duplicates parse to the same event (same `id`). */
export type PaymentEvent = {
  provider: ProviderName;
  kind: PaymentEventKind;
  /** The provider's notification id (WeChat `id`, Alipay `notify_id`): for logs, not for idempotency. */
  id: string;
  outTradeNo: string;
  transactionId: string;
  /** The order total in fen as the provider states it; the orders domain compares it with the order. */
  amountFen: number;
  paidFen?: number;
  paidAt?: Date;
  refund?: { outRefundNo: string; refundId?: string; refundFen: number; succeededAt?: Date };
  /** The provider's own state string (`TRANSACTION.SUCCESS`, `TRADE_SUCCESS`, …). */
  providerState: string;
  raw: unknown;
};

export type NotificationHeaders = Record<string, string | string[] | undefined>;

/** An HTTP answer exactly as the provider expects it. */
export type Acknowledgement = { status: number; headers: Record<string, string>; body: string };

export type PaymentProvider = {
  name: ProviderName;
  channels: readonly PaymentChannel[];
  createPayment(input: CreatePaymentInput): Promise<PaymentAction>;
  query(outTradeNo: string): Promise<PaymentQueryResult>;
  close(outTradeNo: string): Promise<CloseResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Verifies over the raw body, then decrypts and normalises; throws `PaymentError` otherwise. */
  parseNotification(rawBody: Buffer | string, headers: NotificationHeaders): Promise<PaymentEvent>;
  acknowledgement(ok: boolean, message?: string): Acknowledgement;
};

export type PaymentErrorCode =
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'DECRYPTION_FAILED'
  | 'MALFORMED'
  | 'MERCHANT_MISMATCH'
  | 'INVALID_INPUT'
  | 'UNSUPPORTED_CHANNEL'
  | 'CONFIG'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'ALREADY_PAID'
  | 'ORDER_CLOSED'
  | 'RATE_LIMITED'
  | 'REJECTED'
  | 'PROVIDER_UNAVAILABLE';

const RETRYABLE: ReadonlySet<PaymentErrorCode> = new Set(['RATE_LIMITED', 'PROVIDER_UNAVAILABLE']);

/**
 * Every failure of this layer. `httpStatus` and `providerCode` carry what the provider answered
 * (WeChat `code`, Alipay `sub_code`); `retryable` says whether the same call may succeed later.
 */
export class PaymentError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    readonly details: { httpStatus?: number; providerCode?: string; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'PaymentError';
    this.retryable = RETRYABLE.has(code);
  }
  get httpStatus() {
    return this.details.httpStatus;
  }
  get providerCode() {
    return this.details.providerCode;
  }
}

/** Reads one header whatever its case and whether node gave a string or an array. */
export function headerValue(headers: NotificationHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== lower) continue;
    return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

export function assertAmountFen(amountFen: number, field = 'amountFen'): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw new PaymentError('INVALID_INPUT', `${field} must be a positive integer number of fen, got ${amountFen}`);
  }
}
