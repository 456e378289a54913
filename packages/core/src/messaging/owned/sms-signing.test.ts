/**
 * Request signing against the providers' documented worked examples:
 * - Alibaba Cloud RPC signature v1 ("签名机制", DescribeRegions with AccessKeyId testid, secret testsecret,
 *   Timestamp 2016-02-23T12:46:24Z, nonce 3ee8c1b8-…): Signature OLeaidS1JvxuMvnyHOwuJ+uX5qY=
 * - Tencent Cloud signature v3 ("签名方法 v3", CVM DescribeInstances at 1551113065 with SecretKey
 *   Gu5t9xGARNpq86cd98joQYCN3EXAMPLE): the published hashes, string to sign and signature 72e494ea…
 * plus tampering: any change of a signed part changes the signature.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliyunTimestamp, canonicalQuery, percentEncode, rpcStringToSign, signRpc, verifyRpc } from './aliyun-signing';
import {
  parseTc3Authorization,
  type Tc3Request,
  tc3Authorization,
  tc3CanonicalRequest,
  tc3Signature,
  tc3StringToSign,
} from './tencent-signing';

const ALIYUN_DOC = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

describe('Alibaba Cloud RPC signature v1', () => {
  it('reproduces the documented string to sign and signature', () => {
    assert.equal(
      rpcStringToSign('GET', ALIYUN_DOC),
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    assert.equal(signRpc('GET', ALIYUN_DOC, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    assert.ok(verifyRpc('GET', { ...ALIYUN_DOC, Signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=' }, 'testsecret'));
  });

  it('percent-encodes as documented: space %20, * %2A, ~ kept, UTF-8 bytes upper-case', () => {
    assert.equal(percentEncode("a b*c~d!'()"), 'a%20b%2Ac~d%21%27%28%29');
    assert.equal(percentEncode('阿里云'), '%E9%98%BF%E9%87%8C%E4%BA%91');
    assert.equal(percentEncode('{"code":"1234"}'), '%7B%22code%22%3A%221234%22%7D');
    assert.equal(canonicalQuery({ b: '2', a: '1', Signature: 'x' }), 'a=1&b=2');
    assert.equal(aliyunTimestamp(new Date('2016-02-23T12:46:24.123Z')), '2016-02-23T12:46:24Z');
  });

  it('refuses a tampered parameter, method, secret or signature', () => {
    const signed = { ...ALIYUN_DOC, Signature: signRpc('POST', ALIYUN_DOC, 'testsecret') };
    assert.ok(verifyRpc('POST', signed, 'testsecret'));
    assert.equal(verifyRpc('GET', signed, 'testsecret'), false);
    assert.equal(verifyRpc('POST', { ...signed, Action: 'SendSms' }, 'testsecret'), false);
    assert.equal(verifyRpc('POST', { ...signed, Extra: '1' }, 'testsecret'), false);
    assert.equal(verifyRpc('POST', signed, 'testsecreT'), false);
    assert.equal(
      verifyRpc('POST', { ...signed, Signature: `${signed.Signature.slice(0, -2)}A=` }, 'testsecret'),
      false,
    );
  });
});

const TENCENT_DOC: Tc3Request = {
  method: 'POST',
  headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  timestamp: 1551113065,
  service: 'cvm',
};
const TENCENT_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const TENCENT_SIG = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';

describe('Tencent Cloud signature v3 (TC3-HMAC-SHA256)', () => {
  it('reproduces the documented canonical request, string to sign and signature', () => {
    assert.equal(
      tc3CanonicalRequest(TENCENT_DOC),
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    assert.equal(
      tc3StringToSign(TENCENT_DOC),
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    assert.equal(tc3Signature(TENCENT_DOC, TENCENT_KEY), TENCENT_SIG);
    assert.equal(
      tc3Authorization(TENCENT_DOC, 'AKID**********************0123456789EXAMPLE', TENCENT_KEY),
      'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        `SignedHeaders=content-type;host, Signature=${TENCENT_SIG}`,
    );
  });

  it('uses the UTC date of the timestamp (00:44 in Beijing is still the 25th)', () => {
    assert.match(tc3StringToSign(TENCENT_DOC), /\n2019-02-25\/cvm\//);
  });

  it('changes with any signed part', () => {
    const variants: Tc3Request[] = [
      { ...TENCENT_DOC, payload: TENCENT_DOC.payload.replace('1', '2') },
      { ...TENCENT_DOC, timestamp: TENCENT_DOC.timestamp + 1 },
      { ...TENCENT_DOC, service: 'sms' },
      { ...TENCENT_DOC, headers: { ...TENCENT_DOC.headers, host: 'sms.tencentcloudapi.com' } },
      { ...TENCENT_DOC, method: 'GET' },
    ];
    for (const v of variants) assert.notEqual(tc3Signature(v, TENCENT_KEY), TENCENT_SIG);
    assert.notEqual(tc3Signature(TENCENT_DOC, `${TENCENT_KEY}x`), TENCENT_SIG);
  });

  it('parses an Authorization header and refuses other schemes', () => {
    const parsed = parseTc3Authorization(tc3Authorization(TENCENT_DOC, 'AKIDx', TENCENT_KEY));
    assert.deepEqual(parsed, {
      secretId: 'AKIDx',
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: TENCENT_SIG,
    });
    assert.equal(parseTc3Authorization('Bearer x'), null);
    assert.equal(parseTc3Authorization(undefined), null);
  });
});
