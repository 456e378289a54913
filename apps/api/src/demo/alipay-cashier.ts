/**
 * DEMO MODE ONLY: the Alipay sandbox's gateway under /sandbox/alipay/gateway.do, and its cashier.
 * Opening the signed wap/page URL creates the trade (as on Alipay) and shows a labelled page whose
 * buttons confirm or fail the payment; confirming makes the sandbox notify the shop's webhook, then
 * the buyer returns to the shop (the signed `return_url`, else the order's page in the shop).
 */
import * as orders from '@siyu/core/orders';
import type { FastifyInstance } from 'fastify';
import { esc, page, resultPage, returnTo, yuan } from './sandbox-cashier';

/**
 * Without a signed `return_url` (the API does not send one yet), the shop's page of the order: the
 * shop's slug is in the trade's notify URL (/webhooks/payments/:slug/alipay), the order in its subject.
 */
function shopOrderPage(trade: { notifyUrl?: string; subject: string }) {
  const slug = /\/webhooks\/payments\/([^/]+)\/alipay/.exec(trade.notifyUrl ?? '')?.[1];
  const order = /ord_[0-9a-z]+/.exec(trade.subject)?.[0];
  return slug && order ? `/shop/t/${encodeURIComponent(slug)}/orders/${order}?paying=1` : null;
}

export function alipayCashier(raw: FastifyInstance, opts: { path: string; sandbox: orders.AlipaySandbox }) {
  const { path, sandbox } = opts;
  const gateway = `${path}/gateway.do`;
  raw.all(gateway, { schema: { hide: true } }, async (req, reply) => {
    const out = await sandbox.handle({
      method: req.method,
      path: req.url,
      headers: req.headers,
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    });
    const q = req.query as Record<string, string | undefined>;
    const isPage = q.method === 'alipay.trade.wap.pay' || q.method === 'alipay.trade.page.pay';
    const no =
      isPage && out.status === 200
        ? (JSON.parse(q.biz_content ?? '{}') as { out_trade_no?: string }).out_trade_no
        : undefined;
    const trade = no && q.app_id ? sandbox.trade(q.app_id, no) : undefined;
    if (!trade) return reply.code(out.status).headers(out.headers).send(out.body);
    const back = returnTo(q.return_url, req.headers.host) ?? shopOrderPage(trade);
    const action = (outcome: string) =>
      `${path}/confirm?app_id=${encodeURIComponent(trade.appId)}&out_trade_no=${encodeURIComponent(trade.out_trade_no)}&outcome=${outcome}${
        back ? `&return_url=${encodeURIComponent(back)}` : ''
      }`;
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    return page(
      '支付宝（沙箱）',
      `<p>${esc(trade.subject)}</p><p class="amount">${yuan(trade.totalFen)}</p><p>状态：${esc(trade.trade_status)}</p>
<form method="post" action="${esc(action('success'))}"><button class="ok">确认支付</button></form>
<form method="post" action="${esc(action('fail'))}"><button class="fail">放弃支付</button></form>`,
    );
  });
  raw.post<{ Querystring: { app_id?: string; out_trade_no?: string; outcome?: string; return_url?: string } }>(
    `${path}/confirm`,
    { schema: { hide: true } },
    async (req, reply) => {
      const { app_id: appId = '', out_trade_no: no = '' } = req.query;
      if (!sandbox.trade(appId, no)) return reply.code(404).send({ code: 'NOT_FOUND', message: 'No such trade' });
      const n = sandbox.pay(appId, no, req.query.outcome === 'fail' ? 'fail' : 'success');
      const notified = n
        ? await orders.deliverNotification(n).catch((e: Error) => ({ status: 0, body: e.message }))
        : null;
      if (!String(req.headers.accept ?? '').includes('text/html')) return { outTradeNo: no, notified };
      reply.type('text/html; charset=utf-8');
      const done = notified?.body === 'success';
      return resultPage(done ? '支付成功' : '未支付', returnTo(req.query.return_url, req.headers.host));
    },
  );
}
