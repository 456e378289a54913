/**
 * DEMO MODE ONLY: what a customer's phone shows. A sandbox contact way's or join way's `qr_code` is a
 * real QR image (PNG) served here; it encodes the sandbox "scan" page, where a person plays the
 * customer — adds the member, or joins the group — and the sandbox sends WeCom's callback. Labelled
 * as a simulation.
 */
import { randomBytes } from 'node:crypto';
import * as messaging from '@siyu/core/messaging';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { esc } from './sandbox-cashier';

type Opts = { path: string; publicUrl: string; sandbox: messaging.WecomSandbox; corpId: string };
type Kind = 'contact_way' | 'join_way';

const params = z.object({ kind: z.enum(['contact_way', 'join_way']), configId: z.string().regex(/^[0-9a-f]{32}$/) });
const qrParams = z.object({ kind: params.shape.kind, file: z.string().regex(/^[0-9a-f]{32}\.png$/) });
const scanBody = z.object({ name: z.string().trim().min(1).max(32).optional() });

const page = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:0 auto;padding:24px;color:#222}
.banner{background:#fff3cd;border:1px solid #e0b400;padding:8px 12px;border-radius:6px;font-weight:600}
label{display:block;margin-top:16px}input{width:100%;padding:10px;font-size:16px;box-sizing:border-box}
button{width:100%;padding:12px;margin-top:16px;font-size:16px;border-radius:6px;border:0;background:#07c160;color:#fff}
#out{margin-top:16px;white-space:pre-wrap}</style></head><body>
<p class="banner">企业微信沙箱 · 模拟扫码，仅用于演示 (SANDBOX — simulated WeCom)</p>${body}</body></html>`;

export function wecomScanPage(app: FastifyInstance, { path, publicUrl, sandbox, corpId }: Opts) {
  const scanUrl = (kind: Kind, configId: string) => `${publicUrl}${path}/scan/${kind}/${configId}`;
  const exists = (kind: Kind, configId: string) => {
    const corp = sandbox.corp(corpId);
    return kind === 'contact_way' ? corp.contactWays.get(configId) : corp.joinWays.get(configId);
  };

  app.get(`${path}/qr/:kind/:file`, { schema: { params: qrParams, hide: true } }, async (req, reply) => {
    const { kind, file } = req.params as z.infer<typeof qrParams>;
    const configId = file.slice(0, -'.png'.length);
    if (!exists(kind, configId)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such code' } });
    const png = await QRCode.toBuffer(scanUrl(kind, configId), { type: 'png', width: 430, margin: 2 });
    return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(png);
  });

  app.get(`${path}/scan/:kind/:configId`, { schema: { params, hide: true } }, async (req, reply) => {
    const { kind, configId } = req.params as z.infer<typeof params>;
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'",
      );
    if (!exists(kind, configId))
      return reply.code(404).send(page('二维码已失效', '<p>这个二维码不存在或已删除（沙箱重启后旧码失效）。</p>'));
    const action = kind === 'contact_way' ? '添加为好友' : '加入群聊';
    return page(
      `扫码${action}`,
      `<p>你正在扮演扫码的微信用户。</p><label>微信昵称（可不填）<input id="name" maxlength="32"></label>
<button id="go">${action}</button><div id="out" role="status"></div>
<script>document.getElementById('go').onclick=async()=>{const n=document.getElementById('name').value.trim();
const r=await fetch(location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(n?{name:n}:{})});
const j=await r.json();document.getElementById('out').textContent=r.ok?'已完成：'+JSON.stringify(j,null,1):'失败：'+(j.error?j.error.message:r.status);};</script>`,
    );
  });

  app.post(`${path}/scan/:kind/:configId`, { schema: { params, body: scanBody, hide: true } }, async (req, reply) => {
    const { kind, configId } = req.params as z.infer<typeof params>;
    const { name } = req.body as z.infer<typeof scanBody>;
    try {
      if (kind === 'contact_way') {
        const r = await sandbox.simulate.scan(corpId, configId, { name });
        return { externalUserid: r.externalUserid, userid: r.userid, delivered: r.delivery?.outcome ?? 'no_event' };
      }
      const externalUserid = `wm${randomBytes(15).toString('hex')}`;
      const r = await sandbox.simulate.joinGroup(corpId, externalUserid, { joinWay: configId });
      return { externalUserid, chatId: r.chatId, delivered: r.delivery.outcome };
    } catch (e) {
      if (e instanceof messaging.SandboxError)
        return reply.code(400).send({ error: { code: 'SANDBOX', message: e.message } });
      throw e;
    }
  });
}
