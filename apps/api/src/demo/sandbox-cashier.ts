/**
 * DEMO MODE ONLY: the WeChat Pay sandbox's cashier page, where the "buyer" confirms or fails a payment.
 * Clearly labelled: no money moves. Confirming makes the sandbox notify the shop's webhook over HTTP,
 * then the buyer returns to the shop (the `redirect_url` the shop appended to the h5_url, as WeChat
 * does). Also the sandbox's side of a refund: WeChat finishes refunds asynchronously, here when
 * `POST …/refund-complete?out_refund_no=…[&outcome=abnormal]` is called.
 */
import * as orders from '@siyu/core/orders';
import type { FastifyInstance } from 'fastify';

/** Seconds after which the sandbox finishes an accepted refund by itself (WeChat: seconds to minutes). */
const SANDBOX_REFUND_SECONDS = 10;

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Where the buyer goes after paying (WeChat's `redirect_url` appended to the h5_url, Alipay's signed
 * `return_url`): only back to this site (a path, or an absolute URL of the host the page was asked
 * from), never to another site.
 */
export function returnTo(wanted: unknown, host: string | undefined): string | null {
  if (typeof wanted !== 'string' || !wanted || wanted.length > 2000) return null;
  if (wanted.startsWith('/') && !wanted.startsWith('//') && !wanted.startsWith('/\\')) return wanted;
  try {
    const u = new URL(wanted);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === host ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The page after the buyer's decision: the result, and a way back to the shop (followed after 2 s). */
export function resultPage(message: string, back: string | null) {
  const link = back
    ? `<p><a href="${esc(back)}" data-testid="sandbox-return">返回商城查看订单</a></p>`
    : '<p>请返回商城查看订单。</p>';
  return page('支付结果', `<p class="amount">${esc(message)}</p>${link}`, back ? 2 : undefined, back);
}

export const page = (title: string, body: string, refreshSeconds?: number, refreshTo?: string | null) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${
    refreshSeconds !== undefined && refreshTo
      ? `<meta http-equiv="refresh" content="${refreshSeconds};url=${esc(refreshTo)}">`
      : ''
  }
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
  raw.get<{ Querystring: { prepay_id?: string; redirect_url?: string } }>(
    path,
    { schema: { hide: true } },
    async (req, reply) => {
      const tx = sandbox.transactionByPrepayId(String(req.query.prepay_id ?? ''));
      const back = returnTo(req.query.redirect_url, req.headers.host);
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
      if (!tx) return reply.code(404).send(page('未找到支付', '<p>没有这笔支付（沙箱重启后旧的支付会失效）。</p>'));
      const action = (outcome: string) =>
        `${path}/confirm?prepay_id=${encodeURIComponent(tx.prepayId)}&outcome=${outcome}${
          back ? `&redirect_url=${encodeURIComponent(back)}` : ''
        }`;
      return page(
        '微信支付（沙箱）',
        `<p>${esc(tx.description)}</p><p class="amount">${yuan(tx.amount.total)}</p><p>状态：${esc(tx.trade_state)}</p>
<form method="post" action="${esc(action('success'))}"><button class="ok">确认支付</button></form>
<form method="post" action="${esc(action('fail'))}"><button class="fail">支付失败</button></form>`,
      );
    },
  );
  // The buyer's decision; the sandbox then POSTs the signed, encrypted notification to the shop's webhook.
  raw.post<{ Querystring: { prepay_id?: string; outcome?: string; redirect_url?: string } }>(
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
      const message = done ? '支付成功' : req.query.outcome === 'fail' ? '支付失败' : '支付已记录，通知未送达';
      return resultPage(message, returnTo(req.query.redirect_url, req.headers.host));
    },
  );
  // Refund requests pass to the sandbox as before; one it accepts (PROCESSING) it also finishes on its own a
  // few seconds later, as WeChat does, so that a demo refund completes without anyone calling refund-complete.
  const base = path.replace(/\/cashier$/, '');
  raw.post(`${base}/v3/refund/domestic/refunds`, { schema: { hide: true } }, async (req, reply) => {
    const out = await sandbox.handle({
      method: req.method,
      path: req.url,
      headers: req.headers,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
    const accepted =
      out.status === 200 ? (JSON.parse(String(out.body)) as { status?: string; out_refund_no?: string }) : {};
    if (accepted.status === 'PROCESSING' && accepted.out_refund_no) {
      const no = accepted.out_refund_no;
      setTimeout(() => {
        let n: orders.OutgoingNotification | null = null;
        try {
          n = sandbox.completeRefund(mchid, no);
        } catch {
          return; // the sandbox restarted meanwhile
        }
        if (n) orders.deliverNotification(n).catch(() => {});
      }, SANDBOX_REFUND_SECONDS * 1000).unref();
    }
    return reply.code(out.status).headers(out.headers).send(out.body);
  });
  // WeChat finishes a refund some seconds after accepting it and notifies the shop (REFUND.SUCCESS / ABNORMAL).
  raw.post<{ Querystring: { out_refund_no?: string; outcome?: string } }>(
    `${path}/refund-complete`,
    { schema: { hide: true } },
    async (req, reply) => {
      const outcome = req.query.outcome === 'abnormal' ? 'abnormal' : 'success';
      let n: orders.OutgoingNotification | null;
      try {
        n = sandbox.completeRefund(mchid, String(req.query.out_refund_no ?? ''), outcome);
      } catch (e) {
        return reply.code(404).send({ code: 'NOT_FOUND', message: (e as Error).message });
      }
      const notified = n
        ? await orders.deliverNotification(n).catch((e: Error) => ({ status: 0, body: e.message }))
        : null;
      return { outRefundNo: req.query.out_refund_no, outcome, notified };
    },
  );
}
