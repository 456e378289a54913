/**
 * DEMO MODE ONLY. A WeChat Pay API v3 stand-in that speaks the real protocol from WeChat's side:
 * it holds its own platform key (a "WeChat Pay public key"), checks our Authorization signature
 * (401 SIGN_ERROR like WeChat), keeps transactions in memory, signs every answer, and produces
 * signed + AES-256-GCM-encrypted notifications for the sandbox payment page to deliver.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../../platform';
import { loadPublicKey, rsaSign, rsaVerify } from './keys';
import { headerValue } from './provider';
import type { OutgoingNotification, SandboxHandler, SandboxRequest, SandboxResponse } from './sandbox-server';
import { encryptResource } from './wechatpay-crypto';
import { rfc3339Beijing } from './wechatpay-schemas';
import {
  fail,
  paramIssue,
  prepayBody,
  publicRefund,
  publicTx,
  type Refund,
  type Reply,
  refundBody,
  type Tx,
} from './wechatpay-sandbox-model';
import { newNonce, parseAuthorization, requestMessage, responseMessage, unixSeconds } from './wechatpay-signing';
import { WECHATPAY_MAX_SKEW_MS } from './wechatpay-verify';

export type SandboxMerchant = { mchid: string; serial: string; publicKey: string | KeyObject; apiV3Key: string };

export type WechatPaySandboxOptions = {
  clock: Clock;
  merchants: readonly SandboxMerchant[];
  /** The sandbox's signing key; generated when omitted. */
  platformPrivateKey?: KeyObject;
  platformSerial?: string;
  /** A prefix the sandbox is mounted under (stripped for routing, kept in the signed URL). */
  basePath?: string;
  /** Where `h5_url` points: the demo's sandbox payment page. */
  cashierUrl?: string;
};

export type WechatPaySandbox = {
  handle: SandboxHandler;
  platformSerial: string;
  platformPublicKey: KeyObject;
  transaction(mchid: string, outTradeNo: string): Readonly<Tx> | undefined;
  /** For the sandbox cashier page, which receives a prepay_id (JSAPI params or h5_url). */
  transactionByPrepayId(prepayId: string): Readonly<Tx> | undefined;
  /** The buyer confirms (or fails) the payment; success returns the notification to deliver. */
  pay(mchid: string, outTradeNo: string, outcome?: 'success' | 'fail'): OutgoingNotification | null;
  /** WeChat finishes a refund (success or abnormal) and notifies, if a notify URL was given. */
  completeRefund(mchid: string, outRefundNo: string, outcome?: 'success' | 'abnormal'): OutgoingNotification | null;
};

export function createWechatPaySandbox(opts: WechatPaySandboxOptions): WechatPaySandbox {
  const platformKey = opts.platformPrivateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const platformSerial = opts.platformSerial ?? 'PUB_KEY_ID_0000SANDBOX000000000000000';
  const merchants = new Map(opts.merchants.map((m) => [m.mchid, { ...m, key: loadPublicKey(m.publicKey) }]));
  const txs = new Map<string, Tx>();
  const refunds = new Map<string, Refund>();
  const basePath = opts.basePath ?? '';
  const cashierUrl = opts.cashierUrl ?? 'http://127.0.0.1/sandbox/wechatpay/cashier';
  const now = () => opts.clock.now();

  function signed(status: number, body: string): SandboxResponse {
    const timestamp = unixSeconds(now());
    const nonce = newNonce();
    const headers: Record<string, string> = {
      'Request-ID': randomUUID(),
      'Wechatpay-Serial': platformSerial,
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, body), platformKey),
    };
    if (body) headers['Content-Type'] = 'application/json; charset=utf-8';
    return { status, headers, body };
  }

  function authenticate(req: SandboxRequest): { mchid: string } | Reply {
    const auth = parseAuthorization(headerValue(req.headers, 'authorization'));
    if (!auth) return fail(401, 'SIGN_ERROR', 'Authorization header missing or not WECHATPAY2-SHA256-RSA2048');
    const m = merchants.get(auth.mchid);
    if (!m || m.serial !== auth.serial_no) return fail(401, 'SIGN_ERROR', 'Unknown merchant or certificate serial');
    if (Math.abs(now().getTime() - Number(auth.timestamp) * 1000) > WECHATPAY_MAX_SKEW_MS) {
      return fail(401, 'SIGN_ERROR', 'Request timestamp is more than 5 minutes off');
    }
    const message = requestMessage(req.method, req.path, auth.timestamp, auth.nonce_str, req.body.toString('utf8'));
    if (!rsaVerify(message, auth.signature, m.key)) return fail(401, 'SIGN_ERROR', 'Signature verification failed');
    return { mchid: auth.mchid };
  }

  function prepay(mchid: string, kind: string, input: unknown): Reply {
    const parsed = prepayBody.safeParse(input);
    if (!parsed.success) return fail(400, 'PARAM_ERROR', paramIssue(parsed.error));
    const body = parsed.data;
    const total = body.amount.total;
    if (body.mchid !== mchid) return fail(400, 'PARAM_ERROR', 'mchid does not match the Authorization header');
    if (kind === 'jsapi' && !body.payer) return fail(400, 'PARAM_ERROR', 'payer.openid is required');
    if (kind === 'h5' && !body.scene_info) return fail(400, 'PARAM_ERROR', 'scene_info.payer_client_ip is required');
    const key = `${mchid}/${body.out_trade_no}`;
    let tx = txs.get(key);
    if (tx?.trade_state === 'SUCCESS' || tx?.trade_state === 'REFUND') return fail(400, 'ORDERPAID', 'Order paid');
    if (tx?.trade_state === 'CLOSED') return fail(400, 'ORDER_CLOSED', 'Order closed');
    if (tx && tx.amount.total !== total) return fail(400, 'INVALID_REQUEST', 'out_trade_no reused with other params');
    if (!tx) {
      const type = kind === 'jsapi' ? 'JSAPI' : kind === 'h5' ? 'MWEB' : 'NATIVE';
      tx = {
        appid: body.appid,
        mchid,
        out_trade_no: body.out_trade_no,
        trade_type: type,
        trade_state: 'NOTPAY',
        trade_state_desc: '订单未支付',
        payer: body.payer,
        amount: { total, currency: 'CNY', payer_currency: 'CNY' },
        notifyUrl: body.notify_url,
        prepayId: `wx${now().getTime().toString(36)}${newNonce().slice(0, 16).toLowerCase()}`,
        description: body.description,
        expiresAt: body.time_expire ? new Date(body.time_expire).getTime() : undefined,
      };
      txs.set(key, tx);
    }
    if (kind === 'jsapi') return { status: 200, json: { prepay_id: tx.prepayId } };
    if (kind === 'h5') return { status: 200, json: { h5_url: `${cashierUrl}?prepay_id=${tx.prepayId}` } };
    return { status: 200, json: { code_url: `weixin://wxpay/bizpayurl?pr=${tx.prepayId.slice(-10)}` } };
  }

  function refund(mchid: string, input: unknown): Reply {
    const parsed = refundBody.safeParse(input);
    if (!parsed.success) return fail(400, 'PARAM_ERROR', paramIssue(parsed.error));
    const body = parsed.data;
    const tx = txs.get(`${mchid}/${body.out_trade_no}`);
    if (!tx) return fail(404, 'RESOURCE_NOT_EXISTS', 'Order does not exist');
    const existing = refunds.get(`${mchid}/${body.out_refund_no}`);
    if (existing) return { status: 200, json: publicRefund(existing) };
    if (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'REFUND') {
      return fail(400, 'INVALID_REQUEST', 'Order is not paid');
    }
    const amount = body.amount;
    if (amount.total !== tx.amount.total) return fail(400, 'PARAM_ERROR', 'amount.total does not match the order');
    const already = [...refunds.values()]
      .filter((r) => r.mchid === mchid && r.out_trade_no === tx.out_trade_no && r.status !== 'CLOSED')
      .reduce((s, r) => s + r.amount.refund, 0);
    if (already + amount.refund > tx.amount.total) {
      return fail(400, 'INVALID_REQUEST', 'Refund amount exceeds what is refundable');
    }
    const r: Refund = {
      refund_id: `50${String(randomInt(1e9)).padStart(9, '0')}${now().getTime()}`,
      out_refund_no: body.out_refund_no,
      out_trade_no: tx.out_trade_no,
      transaction_id: tx.transaction_id!,
      status: 'PROCESSING',
      create_time: rfc3339Beijing(now()),
      amount: {
        total: tx.amount.total,
        refund: amount.refund,
        payer_total: tx.amount.total,
        payer_refund: amount.refund,
        currency: 'CNY',
      },
      notifyUrl: body.notify_url,
      mchid,
    };
    refunds.set(`${mchid}/${r.out_refund_no}`, r);
    return { status: 200, json: publicRefund(r) };
  }

  function route(mchid: string, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
    const prepayMatch = /^\/v3\/pay\/transactions\/(jsapi|h5|native)$/.exec(path);
    if (method === 'POST' && prepayMatch) return prepay(mchid, prepayMatch[1]!, body);
    const txMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    if (txMatch) {
      const tx = txs.get(`${mchid}/${decodeURIComponent(txMatch[1]!)}`);
      if (method === 'GET' && !txMatch[2]) {
        if (query.get('mchid') !== mchid) return fail(400, 'PARAM_ERROR', 'mchid query parameter is required');
        return tx ? { status: 200, json: publicTx(tx) } : fail(404, 'ORDER_NOT_EXIST', 'Order does not exist');
      }
      if (method === 'POST' && txMatch[2]) {
        if (!tx) return fail(404, 'ORDER_NOT_EXIST', 'Order does not exist');
        if (tx.trade_state === 'SUCCESS' || tx.trade_state === 'REFUND') return fail(400, 'ORDERPAID', 'Order paid');
        tx.trade_state = 'CLOSED';
        tx.trade_state_desc = '订单已关闭';
        return { status: 204 };
      }
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return refund(mchid, body);
    const refundMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && refundMatch) {
      const r = refunds.get(`${mchid}/${decodeURIComponent(refundMatch[1]!)}`);
      return r ? { status: 200, json: publicRefund(r) } : fail(404, 'RESOURCE_NOT_EXISTS', 'Refund does not exist');
    }
    return fail(404, 'NOT_FOUND', `No such API: ${method} ${path}`);
  }

  const handle: SandboxHandler = (req) => {
    const url = new URL(req.path, 'http://sandbox');
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const auth = authenticate(req);
    let reply: Reply;
    if ('status' in auth) reply = auth;
    else {
      let body: unknown = {};
      try {
        body = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
      } catch {
        return signed(400, JSON.stringify({ code: 'PARAM_ERROR', message: 'Body is not JSON' }));
      }
      reply = route(auth.mchid, req.method.toUpperCase(), path, url.searchParams, body);
    }
    return signed(reply.status, reply.json === undefined ? '' : JSON.stringify(reply.json));
  };

  function notification(apiV3Key: string, url: string, eventType: string, summary: string, resource: object) {
    const type = eventType.startsWith('REFUND') ? 'refund' : 'transaction';
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: rfc3339Beijing(now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: encryptResource(JSON.stringify(resource), apiV3Key, type, type),
    });
    const { headers } = signed(200, body);
    delete headers['Request-ID'];
    return { url, headers: { ...headers, 'Content-Type': 'application/json' }, body };
  }

  return {
    handle,
    platformSerial,
    platformPublicKey: createPublicKey(platformKey),
    transaction: (mchid, outTradeNo) => txs.get(`${mchid}/${outTradeNo}`),
    transactionByPrepayId: (prepayId) => [...txs.values()].find((t) => t.prepayId === prepayId),
    pay(mchid, outTradeNo, outcome = 'success') {
      const tx = txs.get(`${mchid}/${outTradeNo}`);
      const m = merchants.get(mchid);
      if (!tx || !m) throw new Error(`No sandbox transaction ${mchid}/${outTradeNo}`);
      if (tx.trade_state !== 'NOTPAY' && tx.trade_state !== 'PAYERROR') {
        throw new Error(`Sandbox transaction ${outTradeNo} is ${tx.trade_state}`);
      }
      if (tx.expiresAt !== undefined && now().getTime() > tx.expiresAt) {
        throw new Error(`Sandbox transaction ${outTradeNo} expired at ${new Date(tx.expiresAt).toISOString()}`);
      }
      if (outcome === 'fail') {
        tx.trade_state = 'PAYERROR';
        tx.trade_state_desc = '支付失败';
        return null;
      }
      tx.trade_state = 'SUCCESS';
      tx.trade_state_desc = '支付成功';
      tx.transaction_id = `4200${String(randomInt(1e9)).padStart(9, '0')}${String(now().getTime()).slice(-9)}`;
      tx.success_time = rfc3339Beijing(now());
      tx.amount.payer_total = tx.amount.total;
      return notification(m.apiV3Key, tx.notifyUrl, 'TRANSACTION.SUCCESS', '支付成功', publicTx(tx));
    },
    completeRefund(mchid, outRefundNo, outcome = 'success') {
      const r = refunds.get(`${mchid}/${outRefundNo}`);
      const m = merchants.get(mchid);
      if (!r || !m) throw new Error(`No sandbox refund ${mchid}/${outRefundNo}`);
      r.status = outcome === 'success' ? 'SUCCESS' : 'ABNORMAL';
      if (outcome === 'success') {
        r.success_time = rfc3339Beijing(now());
        const tx = txs.get(`${mchid}/${r.out_trade_no}`)!;
        tx.trade_state = 'REFUND';
        tx.trade_state_desc = '转入退款';
      }
      if (!r.notifyUrl) return null;
      const resource = {
        mchid,
        out_trade_no: r.out_trade_no,
        transaction_id: r.transaction_id,
        out_refund_no: r.out_refund_no,
        refund_id: r.refund_id,
        refund_status: r.status,
        success_time: r.success_time,
        user_received_account: '支付用户零钱',
        amount: {
          total: r.amount.total,
          refund: r.amount.refund,
          payer_total: r.amount.payer_total,
          payer_refund: r.amount.payer_refund,
        },
      };
      return notification(m.apiV3Key, r.notifyUrl, `REFUND.${r.status}`, '退款状态', resource);
    },
  };
}
