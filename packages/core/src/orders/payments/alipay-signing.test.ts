import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  alipayTime,
  extractSignedResponse,
  notifyContent,
  parseAlipayTime,
  parseForm,
  responseKey,
  rsa2Sign,
  rsa2Verify,
  signContent,
  signParams,
} from './alipay-signing';
import { loadPrivateKey, loadPublicKey } from './keys';
import { PaymentError } from './provider';
import { fenToYuan, yuanToFen } from './yuan';

const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e) => e instanceof PaymentError && e.code === code);

describe('Alipay RSA2 sign content', () => {
  it('drops sign and empty values, sorts keys in ASCII order, joins k=v with & without encoding', () => {
    const content = signContent({
      timestamp: '2026-01-15 10:00:00',
      app_id: '2021000000000001',
      sign: 'SHOULD_NOT_APPEAR',
      sign_type: 'RSA2',
      notify_url: '',
      return_url: undefined,
      biz_content: '{"subject":"测试 & 商品","total_amount":"12.30"}',
      method: 'alipay.trade.query',
    });
    assert.equal(
      content,
      'app_id=2021000000000001&biz_content={"subject":"测试 & 商品","total_amount":"12.30"}&method=alipay.trade.query&sign_type=RSA2&timestamp=2026-01-15 10:00:00',
    );
  });

  it('orders by code unit: upper case and _ before lower case', () => {
    assert.equal(
      signContent({ app_id: '5', appId: '4', a_b: '3', aB: '2', a: '1' }),
      'a=1&aB=2&a_b=3&appId=4&app_id=5',
    );
  });

  it('for notifications also removes sign_type', () => {
    const f = { sign: 'S', sign_type: 'RSA2', out_trade_no: 'o1', trade_status: 'TRADE_SUCCESS', fund_bill_list: '' };
    assert.equal(notifyContent(f), 'out_trade_no=o1&trade_status=TRADE_SUCCESS');
  });

  it('URL-decodes the form body of a notification (+ is a space, %XX is UTF-8)', () => {
    const f = parseForm('subject=%E6%B5%8B%E8%AF%95+1&total_amount=0.01&gmt_payment=2026-01-15+10%3A00%3A00');
    assert.deepEqual(f, { subject: '测试 1', total_amount: '0.01', gmt_payment: '2026-01-15 10:00:00' });
  });

  it('signs and verifies; a changed parameter no longer verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signed = signParams({ app_id: '1', method: 'alipay.trade.query', biz_content: '{}', empty: '' }, privateKey);
    assert.equal('empty' in signed, false);
    assert.ok(rsa2Verify(signContent(signed), signed.sign!, publicKey));
    assert.ok(!rsa2Verify(signContent({ ...signed, app_id: '2' }), signed.sign!, publicKey));
  });

  it('accepts PKCS#8 and PKCS#1 application keys, PEM or bare Base64, and signs identically', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pem1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const bare8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const bare1 = privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    const sigs = [pem8, pem1, bare8, bare1].map((k) => rsa2Sign('a=1', loadPrivateKey(k)));
    assert.equal(new Set(sigs).size, 1);
    const barePublic = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    assert.ok(rsa2Verify('a=1', sigs[0]!, loadPublicKey(barePublic)));
    rejects(() => loadPrivateKey('not a key'), 'CONFIG');
  });
});

describe('Alipay gateway answers', () => {
  it('returns the exact raw text of <method>_response, whatever the spacing or the braces in strings', () => {
    const inner = '{"code":"10000", "msg":"Success","note":"a } \\" {","nested":{"x":[1,{"y":2}]}}';
    const raw = `{"alipay_trade_query_response" : ${inner},"sign":"SIG=="}`;
    assert.deepEqual(extractSignedResponse(raw, responseKey('alipay.trade.query')), {
      key: 'alipay_trade_query_response',
      content: inner,
      sign: 'SIG==',
    });
    const signFirst = `{"sign":"S2","alipay_trade_close_response":{"code":"10000"}}`;
    assert.equal(extractSignedResponse(signFirst, 'alipay_trade_close_response').sign, 'S2');
  });

  it('falls back to error_response and refuses answers without either', () => {
    const r = extractSignedResponse('{"error_response":{"code":"40002"}}', 'alipay_trade_query_response');
    assert.deepEqual(r, { key: 'error_response', content: '{"code":"40002"}', sign: undefined });
    rejects(() => extractSignedResponse('{"other":{}}', 'alipay_trade_query_response'), 'MALFORMED');
    rejects(
      () => extractSignedResponse('{"alipay_trade_query_response":{"a":"}"', 'alipay_trade_query_response'),
      'MALFORMED',
    );
  });

  it('formats and parses Beijing time', () => {
    assert.equal(alipayTime(new Date('2026-01-15T02:00:00Z')), '2026-01-15 10:00:00');
    assert.equal(parseAlipayTime('2026-01-15 10:00:00')?.toISOString(), '2026-01-15T02:00:00.000Z');
    assert.equal(parseAlipayTime('2026-01-15T10:00:00'), undefined);
  });
});

describe('yuan ↔ fen, by string', () => {
  it('converts the edge cases exactly', () => {
    assert.equal(yuanToFen('0.01'), 1);
    assert.equal(yuanToFen('12.3'), 1230);
    assert.equal(yuanToFen('12.30'), 1230);
    assert.equal(yuanToFen('100'), 10000);
    assert.equal(yuanToFen('0'), 0);
    assert.equal(yuanToFen('0.10'), 10);
    assert.equal(yuanToFen('19.99'), 1999);
    assert.equal(yuanToFen('100000000.00'), 10_000_000_000);
    assert.equal(fenToYuan(1), '0.01');
    assert.equal(fenToYuan(10), '0.10');
    assert.equal(fenToYuan(1230), '12.30');
    assert.equal(fenToYuan(10000), '100.00');
    assert.equal(fenToYuan(0), '0.00');
  });

  it('round-trips every amount up to 200 yuan (where 0.1 + 0.2 style floats would drift)', () => {
    for (let fen = 0; fen <= 20_000; fen++) assert.equal(yuanToFen(fenToYuan(fen)), fen);
  });

  it('rejects anything that is not a plain yuan amount', () => {
    for (const bad of ['', '-1', '1.234', '1e3', ' 1', '1 ', '01', '.5', '5.', '1,000', '12.3.4', 'NaN', '¥1', '+1']) {
      rejects(() => yuanToFen(bad), 'MALFORMED');
    }
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) rejects(() => fenToYuan(bad), 'INVALID_INPUT');
  });
});
