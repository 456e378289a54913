/**
 * DEMO MODE ONLY: the WeChat Pay sandbox's cashier page, where the "buyer" confirms or fails a payment.
 * Clearly labelled: no money moves. Confirming makes the sandbox notify the shop's webhook over HTTP.
 */
import * as orders from '@siyu/core/orders';
import type { FastifyInstance } from 'fastify';

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:0 auto;padding:24px;color:#222}
.banner{background:#fff3cd;border:1px solid #e0b400;padding:8px 12px;border-radius:6px;font-weight:600}
.amount{font-size:32px;margin:24px 0 8px}button{width:100%;padding:12px;margin-top:12px;font-size:16px;border-radius:6px;border:0}
.ok{background:#07c160;color:#fff}.fail{background:#eee}</style></head><body>
<p class="banner">沙箱支付 · 仅用于演示，不会产生真实扣款 (SANDBOX — no real money)</p>${body}</body></html>`;

export function sandboxCashier(
  raw: FastifyInstance,
  opts: { path: string; sandbox: orders.WechatPaySandbox; mchid: string },
) {
  const { path, sandbox, mchid } = opts;
  raw.get<{ Querystring: { prepay_id?: string } }>(path, { schema: { hide: true } }, async (req, reply) => {
    const tx = sandbox.transactionByPrepayId(String(req.query.prepay_id ?? ''));
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    if (!tx) return reply.code(404).send(page('未找到支付', '<p>没有这笔支付（沙箱重启后旧的支付会失效）。</p>'));
    const action = (outcome: string) =>
      `${path}/confirm?prepay_id=${encodeURIComponent(tx.prepayId)}&outcome=${outcome}`;
    return page(
      '微信支付（沙箱）',
      `<p>${esc(tx.description)}</p><p class="amount">${yuan(tx.amount.total)}</p><p>状态：${esc(tx.trade_state)}</p>
<form method="post" action="${esc(action('success'))}"><button class="ok">确认支付</button></form>
<form method="post" action="${esc(action('fail'))}"><button class="fail">支付失败</button></form>`,
    );
  });
  // The buyer's decision; the sandbox then POSTs the signed, encrypted notification to the shop's webhook.
  raw.post<{ Querystring: { prepay_id?: string; outcome?: string } }>(
    `${path}/confirm`,
    { schema: { hide: true } },
    async (req, reply) => {
      const tx = sandbox.transactionByPrepayId(String(req.query.prepay_id ?? ''));
      if (!tx) return reply.code(404).send({ code: 'NOT_FOUND', message: 'No such prepay_id' });
      const n = sandbox.pay(mchid, tx.out_trade_no, req.query.outcome === 'fail' ? 'fail' : 'success');
      const notified = n
        ? await orders.deliverNotification(n).catch((e: Error) => ({ status: 0, body: e.message }))
        : null;
      if (!String(req.headers.accept ?? '').includes('text/html')) return { outTradeNo: tx.out_trade_no, notified };
      const done = notified?.status && notified.status < 300;
      reply.type('text/html; charset=utf-8');
      return page(
        '支付结果',
        `<p class="amount">${done ? '支付成功' : req.query.outcome === 'fail' ? '支付失败' : '支付已记录，通知未送达'}</p><p>请返回商城查看订单。</p>`,
      );
    },
  );
}
