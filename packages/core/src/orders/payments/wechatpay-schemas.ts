/** The shapes WeChat Pay API v3 answers and notifies with, as far as this layer reads them. */
import { z } from 'zod';
import { PaymentError, type PaymentStatus, type RefundStatus } from './provider';

export const transactionSchema = z.object({
  appid: z.string().optional(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z
    .object({ total: z.number().int().optional(), payer_total: z.number().int().optional(), currency: z.string() })
    .partial()
    .optional(),
});
export type WechatTransaction = z.infer<typeof transactionSchema>;

export const refundSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string().optional(),
  out_trade_no: z.string().optional(),
  status: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int() }).partial(),
});

/** The decrypted `resource` of a REFUND.* notification. */
export const refundNoticeSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int() }),
});

export const notificationSchema = z.object({
  id: z.string(),
  create_time: z.string().optional(),
  event_type: z.string(),
  resource_type: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PaymentError('MALFORMED', `${what}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
  }
  return r.data;
}

export function jsonOf(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PaymentError('MALFORMED', `${what} is not JSON`);
  }
}

const TRADE_STATES: Record<string, PaymentStatus> = {
  SUCCESS: 'paid',
  REFUND: 'refunded',
  NOTPAY: 'pending',
  USERPAYING: 'paying',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'failed',
};

export const tradeStatus = (state: string): PaymentStatus => TRADE_STATES[state] ?? 'pending';

const REFUND_STATES: Record<string, RefundStatus> = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'closed',
  ABNORMAL: 'failed',
};

export const refundStatus = (state: string): RefundStatus => REFUND_STATES[state] ?? 'processing';

/** RFC 3339 in Beijing time, the format WeChat asks for in `time_expire`: `2026-01-15T10:00:00+08:00`. */
export function rfc3339Beijing(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function dateOrUndefined(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
