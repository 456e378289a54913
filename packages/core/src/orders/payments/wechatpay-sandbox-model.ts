/**
 * DEMO MODE ONLY. The WeChat Pay sandbox's records and request shapes (see wechatpay-sandbox.ts).
 */
import { z } from 'zod';

export type Tx = {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type: 'JSAPI' | 'MWEB' | 'NATIVE';
  trade_state: string;
  trade_state_desc: string;
  success_time?: string;
  payer?: { openid?: string };
  amount: { total: number; payer_total?: number; currency: string; payer_currency: string };
  notifyUrl: string;
  prepayId: string;
  description: string;
  expiresAt?: number;
};

export type Refund = {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  status: string;
  create_time: string;
  success_time?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number; currency: string };
  notifyUrl?: string;
  mchid: string;
};

export const prepayBody = z.object({
  appid: z.string().min(1),
  mchid: z.string().min(1),
  description: z.string().min(1),
  out_trade_no: z.string().min(6).max(32),
  time_expire: z.string().optional(),
  notify_url: z.string().min(1),
  amount: z.object({ total: z.number().int().positive(), currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1) }).optional(),
  scene_info: z
    .object({ payer_client_ip: z.string().min(1) })
    .loose()
    .optional(),
});

export const refundBody = z.object({
  out_trade_no: z.string().min(1),
  out_refund_no: z.string().min(1).max(64),
  reason: z.string().optional(),
  notify_url: z.string().optional(),
  amount: z.object({
    refund: z.number().int().positive(),
    total: z.number().int().positive(),
    currency: z.literal('CNY'),
  }),
});

export type Reply = { status: number; json?: unknown };
export const fail = (status: number, code: string, message: string): Reply => ({ status, json: { code, message } });

export function paramIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
}

export function publicTx(tx: Tx) {
  const { notifyUrl: _n, prepayId: _p, description: _d, expiresAt: _e, ...rest } = tx;
  return rest;
}

export function publicRefund(r: Refund) {
  const { notifyUrl: _n, mchid: _m, ...rest } = r;
  return { ...rest, channel: 'ORIGINAL', user_received_account: '支付用户零钱', funds_account: 'AVAILABLE' };
}
