/**
 * DEMO MODE ONLY. An Alipay classic gateway stand-in speaking the real protocol from Alipay's
 * side: it verifies our RSA2 `sign` with the application public key, keeps trades in memory
 * (created when the buyer opens the wap/page URL, as Alipay does), answers query/close/refund
 * with `{"<method>_response":{…},"sign":"…"}` signed by its own key, and produces signed form
 * notifications for the sandbox payment page to deliver.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../../platform';
import { alipayTime, notifyContent, parseForm, responseKey, rsa2Sign, rsa2Verify, signContent } from './alipay-signing';
import { loadPublicKey } from './keys';
import type { OutgoingNotification, SandboxHandler, SandboxResponse } from './sandbox-server';
import { fenToYuan, yuanToFen } from './yuan';

export type SandboxApp = { appId: string; publicKey: string | KeyObject; sellerId?: string };

export type AlipaySandboxOptions = {
  clock: Clock;
  apps: readonly SandboxApp[];
  /** The sandbox's own signing key (its "Alipay public key" is derived); generated when omitted. */
  alipayPrivateKey?: KeyObject;
};

type Trade = {
  appId: string;
  out_trade_no: string;
  trade_no: string;
  trade_status: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED';
  totalFen: number;
  refundedFen: number;
  subject: string;
  notifyUrl?: string;
  gmtCreate: string;
  gmtPayment?: string;
  expiresAt?: string;
  refunds: Map<string, number>;
};

export type AlipaySandbox = {
  handle: SandboxHandler;
  alipayPublicKey: KeyObject;
  trade(appId: string, outTradeNo: string): Readonly<Trade> | undefined;
  /** The buyer confirms (or abandons) the payment; success returns the notification to deliver. */
  pay(appId: string, outTradeNo: string, outcome?: 'success' | 'fail'): OutgoingNotification | null;
};

type Biz = Record<string, string | undefined>;
type Answer = Record<string, string | undefined>;
const bizError = (subCode: string, subMsg: string): Answer => ({
  code: '40004',
  msg: 'Business Failed',
  sub_code: subCode,
  sub_msg: subMsg,
});

export function createAlipaySandbox(opts: AlipaySandboxOptions): AlipaySandbox {
  const alipayKey = opts.alipayPrivateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const apps = new Map(opts.apps.map((a) => [a.appId, { ...a, key: loadPublicKey(a.publicKey) }]));
  const trades = new Map<string, Trade>();
  const now = () => opts.clock.now();

  /** `{"<method>_response":<exact signed text>,"sign":"…"}`; unsigned for signature failures. */
  function json(method: string, answer: Answer, signIt = true): SandboxResponse {
    const content = JSON.stringify(answer);
    const key = method.startsWith('alipay.trade.') ? responseKey(method) : 'error_response';
    const sign = signIt ? `,"sign":"${rsa2Sign(content, alipayKey)}"` : '';
    return {
      status: 200,
      headers: { 'content-type': 'text/html;charset=utf-8' },
      body: `{"${key}":${content}${sign}}`,
    };
  }

  function createTrade(appId: string, p: Biz, biz: Biz): SandboxResponse {
    const no = biz.out_trade_no;
    if (!no || !biz.total_amount || !biz.subject) return page(400, 'out_trade_no, total_amount, subject required');
    const existing = trades.get(`${appId}/${no}`);
    if (existing && existing.trade_status !== 'WAIT_BUYER_PAY') return page(400, `交易已${existing.trade_status}`);
    let totalFen: number;
    try {
      totalFen = yuanToFen(biz.total_amount);
    } catch {
      return page(400, `total_amount ${biz.total_amount} is not a yuan amount`);
    }
    const trade: Trade = existing ?? {
      appId,
      out_trade_no: no,
      trade_no: `${alipayTime(now()).replace(/\D/g, '').slice(0, 8)}220014${String(randomInt(1e9)).padStart(10, '0')}`,
      trade_status: 'WAIT_BUYER_PAY',
      totalFen,
      refundedFen: 0,
      subject: biz.subject,
      notifyUrl: p.notify_url,
      gmtCreate: alipayTime(now()),
      expiresAt: biz.time_expire,
      refunds: new Map(),
    };
    trades.set(`${appId}/${no}`, trade);
    return page(200, `Sandbox cashier: ${trade.subject} — ¥${fenToYuan(trade.totalFen)} (${no})`);
  }

  function query(method: string, trade: Trade | undefined): SandboxResponse {
    if (!trade) return json(method, bizError('ACQ.TRADE_NOT_EXIST', '交易不存在'));
    const paid = trade.trade_status === 'TRADE_SUCCESS' || trade.trade_status === 'TRADE_FINISHED';
    return json(method, {
      code: '10000',
      msg: 'Success',
      trade_no: trade.trade_no,
      out_trade_no: trade.out_trade_no,
      buyer_logon_id: 'sbx***@sandbox.com',
      trade_status: trade.trade_status,
      total_amount: fenToYuan(trade.totalFen),
      buyer_pay_amount: paid ? fenToYuan(trade.totalFen) : undefined,
      send_pay_date: trade.gmtPayment,
    });
  }

  function close(method: string, trade: Trade | undefined): SandboxResponse {
    if (!trade) return json(method, bizError('ACQ.TRADE_NOT_EXIST', '交易不存在'));
    if (trade.trade_status !== 'WAIT_BUYER_PAY')
      return json(method, bizError('ACQ.TRADE_STATUS_ERROR', '交易状态不合法'));
    trade.trade_status = 'TRADE_CLOSED';
    return json(method, { code: '10000', msg: 'Success', trade_no: trade.trade_no, out_trade_no: trade.out_trade_no });
  }

  function refund(method: string, trade: Trade | undefined, biz: Biz): SandboxResponse {
    if (!trade) return json(method, bizError('ACQ.TRADE_NOT_EXIST', '交易不存在'));
    const requestNo = biz.out_request_no ?? trade.out_trade_no;
    let fen: number;
    try {
      fen = yuanToFen(biz.refund_amount ?? '');
    } catch {
      return json(method, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter' });
    }
    const repeated = trade.refunds.has(requestNo);
    if (!repeated) {
      if (trade.trade_status !== 'TRADE_SUCCESS')
        return json(method, bizError('ACQ.TRADE_STATUS_ERROR', '交易状态不合法'));
      if (fen <= 0 || trade.refundedFen + fen > trade.totalFen) {
        return json(method, bizError('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限'));
      }
      trade.refunds.set(requestNo, fen);
      trade.refundedFen += fen;
      if (trade.refundedFen === trade.totalFen) trade.trade_status = 'TRADE_CLOSED';
    }
    return json(method, {
      code: '10000',
      msg: 'Success',
      trade_no: trade.trade_no,
      out_trade_no: trade.out_trade_no,
      buyer_logon_id: 'sbx***@sandbox.com',
      fund_change: repeated ? 'N' : 'Y',
      refund_fee: fenToYuan(trade.refundedFen),
      gmt_refund_pay: alipayTime(now()),
    });
  }

  const handle: SandboxHandler = (req) => {
    const url = new URL(req.path, 'http://sandbox');
    const p: Biz = Object.fromEntries(url.searchParams);
    if (req.method.toUpperCase() === 'POST') Object.assign(p, parseForm(req.body));
    const method = p.method ?? '';
    const isPage = method === 'alipay.trade.wap.pay' || method === 'alipay.trade.page.pay';
    const app = apps.get(p.app_id ?? '');
    if (!app) {
      const answer = {
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-app-id',
        sub_msg: '无效的AppID',
      };
      return isPage ? page(400, 'isv.invalid-app-id') : json(method, answer, false);
    }
    if (!p.sign || p.sign_type !== 'RSA2' || !rsa2Verify(signContent(p), p.sign, app.key)) {
      const answer = {
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-signature',
        sub_msg: '验签出错',
      };
      return isPage ? page(400, 'isv.invalid-signature') : json(method, answer, false);
    }
    let biz: Biz;
    try {
      biz = JSON.parse(p.biz_content ?? '{}') as Biz;
    } catch {
      return json(method, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-biz-content' });
    }
    if (isPage) return createTrade(app.appId, p, biz);
    const trade = biz.out_trade_no ? trades.get(`${app.appId}/${biz.out_trade_no}`) : undefined;
    if (method === 'alipay.trade.query') return query(method, trade);
    if (method === 'alipay.trade.close') return close(method, trade);
    if (method === 'alipay.trade.refund') return refund(method, trade, biz);
    return json('error', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-method' });
  };

  return {
    handle,
    alipayPublicKey: createPublicKey(alipayKey),
    trade: (appId, outTradeNo) => trades.get(`${appId}/${outTradeNo}`),
    pay(appId, outTradeNo, outcome = 'success') {
      const trade = trades.get(`${appId}/${outTradeNo}`);
      if (!trade) throw new Error(`No sandbox trade ${appId}/${outTradeNo}: open the payment URL first`);
      if (trade.trade_status !== 'WAIT_BUYER_PAY')
        throw new Error(`Sandbox trade ${outTradeNo} is ${trade.trade_status}`);
      if (trade.expiresAt && alipayTime(now()) > trade.expiresAt)
        throw new Error(`Sandbox trade ${outTradeNo} expired`);
      if (outcome === 'fail' || !trade.notifyUrl) return null;
      trade.trade_status = 'TRADE_SUCCESS';
      trade.gmtPayment = alipayTime(now());
      return notification(trade, apps.get(appId)?.sellerId ?? '2088102177846880');
    },
  };

  function notification(trade: Trade, sellerId: string): OutgoingNotification {
    const amount = fenToYuan(trade.totalFen);
    const fields: Record<string, string> = {
      notify_time: alipayTime(now()),
      notify_type: 'trade_status_sync',
      notify_id: randomUUID().replaceAll('-', ''),
      app_id: trade.appId,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: trade.trade_no,
      out_trade_no: trade.out_trade_no,
      buyer_id: '2088102177891234',
      seller_id: sellerId,
      trade_status: trade.trade_status,
      total_amount: amount,
      receipt_amount: amount,
      buyer_pay_amount: amount,
      subject: trade.subject,
      gmt_create: trade.gmtCreate,
      gmt_payment: trade.gmtPayment ?? '',
    };
    fields.sign = rsa2Sign(notifyContent(fields), alipayKey);
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' };
    return { url: trade.notifyUrl!, headers, body: new URLSearchParams(fields).toString() };
  }
}

function page(status: number, text: string): SandboxResponse {
  const escaped = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><meta charset="utf-8"><title>Alipay sandbox</title><p>${escaped}</p>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}
