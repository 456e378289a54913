import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { testClock } from '../../platform/clock';
import { rsaSign, rsaVerify } from './keys';
import { PaymentError } from './provider';
import {
  authorizationHeader,
  parseAuthorization,
  payMessage,
  requestMessage,
  responseMessage,
  signRequest,
} from './wechatpay-signing';
import { buildKeyring, verifyWechatpayMessage } from './wechatpay-verify';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: typeof platform.publicKey) => k.export({ type: 'spki', format: 'pem' }).toString();

describe('WeChat Pay v3 signature messages', () => {
  it('builds the documented request message for GET /v3/certificates', () => {
    const m = requestMessage('GET', '/v3/certificates', '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242');
    assert.equal(m, 'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n');
  });

  it('keeps the query string and the exact body, each line ending in \\n', () => {
    const body = '{"mchid":"1900009191"}';
    assert.equal(
      requestMessage('post', '/v3/pay/transactions/out-trade-no/A1/close?x=1', '1', 'N', body),
      `POST\n/v3/pay/transactions/out-trade-no/A1/close?x=1\n1\nN\n${body}\n`,
    );
  });

  it('builds the documented wx.requestPayment message (four lines, each terminated)', () => {
    const m = payMessage(
      'wx8888888888888888',
      '1414561699',
      '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      'prepay_id=wx201410272009395522657a690389285100',
    );
    assert.equal(
      m,
      'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n',
    );
  });

  it('verifies over the raw bytes of the body, not a re-serialisation', () => {
    const raw = Buffer.from('{"a": 1,  "b":"中文"}', 'utf8');
    const msg = responseMessage('1700000000', 'NONCE', raw);
    assert.equal(msg.toString('utf8'), '1700000000\nNONCE\n{"a": 1,  "b":"中文"}\n');
  });
});

describe('WeChat Pay v3 Authorization header', () => {
  it('signs with SHA256withRSA and round-trips through the header', () => {
    const now = new Date('2026-01-15T02:00:00Z');
    const header = signRequest({
      method: 'POST',
      urlPath: '/v3/pay/transactions/jsapi',
      body: '{"x":1}',
      mchid: '1900009191',
      serialNo: '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB',
      key: merchant.privateKey,
      now,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    assert.match(
      header,
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",timestamp="1768442400",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",signature="[A-Za-z0-9+/=]{344}"$/,
    );
    const parts = parseAuthorization(header)!;
    assert.equal(authorizationHeader(parts), header);
    const msg = requestMessage('POST', '/v3/pay/transactions/jsapi', parts.timestamp, parts.nonce_str, '{"x":1}');
    assert.ok(rsaVerify(msg, parts.signature, merchant.publicKey));
    assert.ok(!rsaVerify(`${msg} `, parts.signature, merchant.publicKey));
    assert.ok(!rsaVerify(msg, parts.signature, other.publicKey));
  });

  it('refuses headers of another scheme or with a field missing', () => {
    assert.equal(parseAuthorization('Bearer x'), null);
    assert.equal(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="2",timestamp="3"'), null);
    assert.equal(parseAuthorization(undefined), null);
  });
});

describe('verifying WeChat Pay responses and notifications', () => {
  const clock = testClock('2026-01-15T02:00:00Z');
  const keyring = buildKeyring([
    { serial: 'PUB_KEY_ID_0114232134912410000000000000', key: pem(platform.publicKey) },
    { serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', key: pem(other.publicKey) },
  ]);
  const body = Buffer.from('{"id":"EV-2018022511223320873","event_type":"TRANSACTION.SUCCESS"}');
  const ts = String(Math.floor(clock.now().getTime() / 1000));
  const sign = (b: Buffer | string, t = ts, key = platform.privateKey) => rsaSign(responseMessage(t, 'NONCE1', b), key);
  const headers = (over: Record<string, string> = {}) => ({
    'wechatpay-serial': 'PUB_KEY_ID_0114232134912410000000000000',
    'wechatpay-timestamp': ts,
    'wechatpay-nonce': 'NONCE1',
    'wechatpay-signature': sign(body),
    ...over,
  });
  const check = (h: Record<string, string>, b: Buffer | string = body) =>
    verifyWechatpayMessage({ headers: h, body: b, keyring, clock });
  const rejects = (fn: () => unknown, code: string) =>
    assert.throws(fn, (e) => e instanceof PaymentError && e.code === code);

  it('accepts a genuine message, header names in any case, key picked by serial', () => {
    assert.equal(check(headers()).serial, 'PUB_KEY_ID_0114232134912410000000000000');
    const upper = { 'Wechatpay-Serial': 'PUB_KEY_ID_0114232134912410000000000000', 'Wechatpay-Timestamp': ts };
    assert.ok(check({ ...headers(), ...upper }));
    const byOther = headers({
      'wechatpay-serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      'wechatpay-signature': sign(body, ts, other.privateKey),
    });
    assert.equal(check(byOther).serial, '5157F09EFDC096DE15EBE81A47057A7232F1B8E1');
  });

  it('rejects a tampered body', () => {
    rejects(() => check(headers(), body.toString().replace('SUCCESS', 'SUCCESS ')), 'BAD_SIGNATURE');
  });

  it('rejects an unknown serial', () => {
    rejects(() => check(headers({ 'wechatpay-serial': 'PUB_KEY_ID_NOT_OURS' })), 'UNKNOWN_SERIAL');
  });

  it('rejects a timestamp more than 5 minutes old or ahead, even when correctly signed', () => {
    const old = String(Number(ts) - 301);
    rejects(
      () => check(headers({ 'wechatpay-timestamp': old, 'wechatpay-signature': sign(body, old) })),
      'STALE_TIMESTAMP',
    );
    const ahead = String(Number(ts) + 301);
    rejects(
      () => check(headers({ 'wechatpay-timestamp': ahead, 'wechatpay-signature': sign(body, ahead) })),
      'STALE_TIMESTAMP',
    );
    const edge = String(Number(ts) - 300);
    assert.ok(check(headers({ 'wechatpay-timestamp': edge, 'wechatpay-signature': sign(body, edge) })));
  });

  it('rejects a signature made with another key, or under another serial', () => {
    rejects(() => check(headers({ 'wechatpay-signature': sign(body, ts, other.privateKey) })), 'BAD_SIGNATURE');
    rejects(() => check(headers({ 'wechatpay-serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' })), 'BAD_SIGNATURE');
  });

  it("rejects WeChat's signature probe and missing headers", () => {
    rejects(() => check(headers({ 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc' })), 'BAD_SIGNATURE');
    const { 'wechatpay-nonce': _n, ...noNonce } = headers();
    rejects(() => check(noNonce), 'BAD_SIGNATURE');
  });
});
