/**
 * WXBizMsgCrypt against WeCom's official test vectors (doc 91144 举例说明; the same values are in
 * sbzhu/weworkapi_php callback/Sample.php and workweixin/weworkapi_golang json_callback/sample.go),
 * and every way a delivery must be refused.
 */
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildCallbackXml, decryptCallback, encryptCallback, parseEnvelope } from './callback';
import {
  aesKeyOf,
  type CallbackKeys,
  callbackSignature,
  decryptMessage,
  decryptSigned,
  encryptMessage,
  generateCallbackSecrets,
  pkcs7Unpad,
  verifyUrl,
  WecomCryptoError,
} from './crypto';

const KEYS: CallbackKeys = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
};

const VERIFY = {
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};

const XML_ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const XML_BODY = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${XML_ENCRYPT}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
const XML_QUERY = {
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
};
const XML_PLAINTEXT =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

const JSON_ENCRYPT =
  'CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=';
const JSON_BODY = `{"tousername":"wx5823bf96d3bd56c7","encrypt":"${JSON_ENCRYPT}","agentid":"218"}`;
const JSON_QUERY = {
  msgSignature: '0623cbc5a8cbee5bcc137c70de99575366fc2af3',
  timestamp: '1409659813',
  nonce: '1372623149',
};

const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e) => e instanceof WecomCryptoError && e.code === code);

/** The raw decrypted block (random prefix included), to re-encrypt byte for byte. */
function rawPlain(encrypted: string): Buffer {
  const key = aesKeyOf(KEYS.encodingAesKey);
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
}

describe('WXBizMsgCrypt: the official vectors', () => {
  it('verifies the URL and returns the bare plaintext (pad byte 7)', () => {
    assert.equal(verifyUrl(KEYS, VERIFY), '1616140317555161061');
    assert.equal(decryptMessage(VERIFY.echostr, KEYS).padByte, 7);
    // a query parser that decodes '+' as a space (form encoding) does not break it
    assert.equal(verifyUrl(KEYS, { ...VERIFY, echostr: VERIFY.echostr.replaceAll('+', ' ') }), '1616140317555161061');
  });

  it('decrypts the XML message; its pad byte is 30, which 16-byte-block PKCS#7 rejects', () => {
    const out = decryptCallback(KEYS, XML_QUERY, XML_BODY);
    assert.equal(out.format, 'xml');
    assert.equal(out.plaintext, XML_PLAINTEXT);
    assert.equal(out.fields.FromUserName, 'mycreate');
    assert.equal(out.fields.Content, 'hello');
    assert.equal(out.fields.MsgId, '4561255354251345929'); // kept as a string: beyond 2^53
    assert.equal(out.envelope.agentId, '218');
    const raw = rawPlain(XML_ENCRYPT);
    assert.equal(raw.at(-1), 30);
    assert.throws(() => pkcs7Unpad(raw, 16), WecomCryptoError);
  });

  it('decrypts the JSON message (pad byte 22)', () => {
    const out = decryptCallback(KEYS, JSON_QUERY, JSON_BODY);
    assert.equal(out.format, 'json');
    assert.equal(out.fields.ToUserName, 'wx5823bf96d3bd56c7');
    assert.equal(out.fields.FromUserName, 'mycreate');
    assert.equal(out.fields.Content, 'hello');
    assert.equal(out.fields.MsgType, 'text');
    assert.equal(decryptMessage(JSON_ENCRYPT, KEYS).padByte, 22);
  });

  it('verifies the second key of the Python JSON sample (sbzhu/weworkapi_python callback_json/Sample.py)', () => {
    const k2 = {
      token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
      encodingAesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
      receiveId: 'ww1436e0e65a779aee',
    };
    const echostr = 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==';
    const v = { msgSignature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', timestamp: '1476416373', nonce: '47744683' };
    assert.equal(verifyUrl(k2, { ...v, echostr }), '1288432023552776189');
    const enc =
      'cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=';
    const q = {
      msgSignature: 'e3647471e395139e2308c1fa963f2d648a00b90e',
      timestamp: '1409659813',
      nonce: '1372623149',
    };
    const d = decryptSigned(k2, q, enc);
    assert.equal(d.padByte, 10);
    assert.match(d.message, /"Content": "hello"/);
    // The sample's plaintext has a typo (`"FromUserName": :mycreate"`): it is not JSON, and a delivery
    // carrying it is refused as MALFORMED after its signature and decryption succeeded.
    rejects(
      () => decryptCallback(k2, q, JSON.stringify({ ToUserName: 'wx5823bf96d3bd56c7', Encrypt: enc, AgentID: 218 })),
      'MALFORMED',
    );
  });

  it('reproduces each official ciphertext byte for byte from its random prefix', () => {
    for (const enc of [VERIFY.echostr, XML_ENCRYPT, JSON_ENCRYPT]) {
      const { message } = decryptMessage(enc, KEYS);
      assert.equal(encryptMessage(message, KEYS, rawPlain(enc).subarray(0, 16)), enc);
    }
    assert.equal(callbackSignature(KEYS.token, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr), VERIFY.msgSignature);
    assert.equal(
      callbackSignature(KEYS.token, XML_QUERY.timestamp, XML_QUERY.nonce, XML_ENCRYPT),
      XML_QUERY.msgSignature,
    );
  });
});

describe('WXBizMsgCrypt: refusals', () => {
  it('refuses a wrong or tampered signature', () => {
    rejects(
      () => verifyUrl(KEYS, { ...VERIFY, msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4' }),
      'BAD_SIGNATURE',
    );
    rejects(() => verifyUrl(KEYS, { ...VERIFY, nonce: '263014781' }), 'BAD_SIGNATURE');
    rejects(() => decryptCallback({ ...KEYS, token: 'other' }, XML_QUERY, XML_BODY), 'BAD_SIGNATURE');
    rejects(() => decryptCallback(KEYS, { ...XML_QUERY, msgSignature: '' }, XML_BODY), 'BAD_SIGNATURE');
  });

  it('refuses a tampered ciphertext even when it is re-signed', () => {
    const bytes = Buffer.from(XML_ENCRYPT, 'base64');
    bytes.writeUInt8((bytes.at(-20) ?? 0) ^ 0x01, bytes.length - 20); // flips a bit in the last block: the padding no longer holds
    const tampered = bytes.toString('base64');
    const sig = callbackSignature(KEYS.token, XML_QUERY.timestamp, XML_QUERY.nonce, tampered);
    const body = XML_BODY.replace(XML_ENCRYPT, tampered);
    assert.throws(
      () => decryptCallback(KEYS, { ...XML_QUERY, msgSignature: sig }, body),
      (e) =>
        e instanceof WecomCryptoError && ['BAD_PADDING', 'DECRYPTION_FAILED', 'RECEIVER_MISMATCH'].includes(e.code),
    );
    rejects(() => decryptMessage('AAAA', KEYS), 'DECRYPTION_FAILED');
  });

  it('refuses a message for another receiveid (corp id)', () => {
    rejects(
      () => decryptCallback({ ...KEYS, receiveId: 'ww0000000000000000' }, XML_QUERY, XML_BODY),
      'RECEIVER_MISMATCH',
    );
    const other = encryptMessage('hi', { ...KEYS, receiveId: 'wwother' });
    rejects(() => decryptMessage(other, KEYS), 'RECEIVER_MISMATCH');
  });

  it('refuses a wrong key, an envelope without Encrypt, and non-XML/JSON bodies', () => {
    rejects(() => decryptCallback({ ...KEYS, encodingAesKey: 'short' }, XML_QUERY, XML_BODY), 'BAD_KEY');
    const wrongKey = generateCallbackSecrets().encodingAesKey;
    assert.throws(() => decryptMessage(XML_ENCRYPT, { ...KEYS, encodingAesKey: wrongKey }), WecomCryptoError);
    rejects(() => parseEnvelope('<xml><ToUserName>x</ToUserName></xml>'), 'MALFORMED');
    rejects(() => parseEnvelope('{"tousername":"x"}'), 'MALFORMED');
    rejects(() => parseEnvelope('{not json'), 'MALFORMED');
    rejects(() => parseEnvelope(''), 'MALFORMED');
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>';
    rejects(() => parseEnvelope(bomb), 'MALFORMED');
  });
});

describe('WeCom side: encrypting a delivery, and generated secrets', () => {
  it('round-trips XML and JSON deliveries through encryptCallback → decryptCallback', () => {
    const keys = { ...generateCallbackSecrets(), receiveId: 'wwsiyu0000000001' };
    const plaintext = buildCallbackXml({
      ToUserName: keys.receiveId,
      CreateTime: 1700000000,
      State: 'a]]>b',
      Items: ['x', 'y'],
    });
    const x = encryptCallback(keys, plaintext, { format: 'xml', timestamp: '1700000000', agentId: '1000002' });
    const q = { msgSignature: x.query.msg_signature, timestamp: x.query.timestamp, nonce: x.query.nonce };
    const out = decryptCallback(keys, q, x.body);
    assert.equal(out.fields.State, 'a]]>b');
    assert.deepEqual(out.fields.Items, { Item: ['x', 'y'] });
    assert.equal(out.envelope.agentId, '1000002');
    const j = encryptCallback(keys, '{"Event":"x"}', { format: 'json', timestamp: '1700000001' });
    const jq = { msgSignature: j.query.msg_signature, timestamp: j.query.timestamp, nonce: j.query.nonce };
    assert.deepEqual(decryptCallback(keys, jq, j.body).fields, { Event: 'x' });
  });

  it('generates a 43-character EncodingAESKey that decodes to 32 bytes, and a token', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const s = generateCallbackSecrets();
      assert.match(s.encodingAesKey, /^[A-Za-z0-9]{43}$/);
      assert.equal(aesKeyOf(s.encodingAesKey).length, 32);
      assert.match(s.token, /^[A-Za-z0-9]{32}$/);
      seen.add(s.encodingAesKey);
    }
    assert.equal(seen.size, 20);
  });
});
