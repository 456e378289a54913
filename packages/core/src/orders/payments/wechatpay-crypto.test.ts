import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { PaymentError } from './provider';
import {
  aes256GcmOpen,
  aes256GcmSeal,
  decryptResource,
  decryptSensitiveField,
  encryptResource,
  encryptSensitiveField,
} from './wechatpay-crypto';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const rejects = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e) => e instanceof PaymentError && e.code === code);

/**
 * McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", appendix B, test cases 15 and 16
 * (AES-256, 96-bit IV; 16 with 20 bytes of associated data), as also listed in NIST's
 * gcmEncryptExtIV256 vectors.
 */
const K = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
const IV = hex('cafebabefacedbaddecaf888');
const P64 = hex(`d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
  1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255`);
const C64 = hex(`522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa
  8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad`);
const T15 = hex('b094dac5d93471bdec1a502270e3cc6c');
const AAD16 = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
const P60 = P64.subarray(0, 60);
const C60 = C64.subarray(0, 60);
const T16 = hex('76fc6ece0f4e1768cddf8853bb2d551b');

describe('AEAD_AES_256_GCM against the published GCM test vectors', () => {
  it('test case 16: seals to the published ciphertext and tag, and opens back', () => {
    assert.deepEqual(aes256GcmSeal(K, IV, AAD16, P60), Buffer.concat([C60, T16]));
    assert.deepEqual(aes256GcmOpen(K, IV, AAD16, Buffer.concat([C60, T16])), P60);
  });

  it('test case 15 (no associated data)', () => {
    assert.deepEqual(aes256GcmSeal(K, IV, Buffer.alloc(0), P64), Buffer.concat([C64, T15]));
    assert.deepEqual(aes256GcmOpen(K, IV, Buffer.alloc(0), Buffer.concat([C64, T15])), P64);
  });

  it('refuses a changed tag, ciphertext, associated data or key', () => {
    const sealed = Buffer.concat([C60, T16]);
    const flip = (b: Buffer, i: number) => {
      const c = Buffer.from(b);
      c[i]! ^= 0x01;
      return c;
    };
    rejects(() => aes256GcmOpen(K, IV, AAD16, flip(sealed, sealed.length - 1)), 'DECRYPTION_FAILED');
    rejects(() => aes256GcmOpen(K, IV, AAD16, flip(sealed, 0)), 'DECRYPTION_FAILED');
    rejects(() => aes256GcmOpen(K, IV, flip(AAD16, 3), sealed), 'DECRYPTION_FAILED');
    rejects(() => aes256GcmOpen(flip(K, 31), IV, AAD16, sealed), 'DECRYPTION_FAILED');
    rejects(() => aes256GcmOpen(K, IV, AAD16, T16.subarray(0, 15)), 'DECRYPTION_FAILED');
  });
});

describe('WeChat Pay notification resources', () => {
  const apiV3Key = 'a7cde1ef4fe3b1a7fb9b85b2d3d8c6e5';

  it('decrypts what was encrypted with the APIv3 key (tag = last 16 bytes of the ciphertext)', () => {
    const plain = JSON.stringify({ out_trade_no: 'ord_1', amount: { total: 1230 } });
    const r = encryptResource(plain, apiV3Key, 'transaction', 'transaction');
    assert.equal(r.algorithm, 'AEAD_AES_256_GCM');
    assert.equal(r.nonce.length, 12);
    assert.equal(Buffer.from(r.ciphertext, 'base64').length, Buffer.byteLength(plain) + 16);
    assert.equal(decryptResource(r, apiV3Key), plain);
  });

  it('fails with DECRYPTION_FAILED on a wrong key, a changed associated_data or a tampered tag', () => {
    const r = encryptResource('{"a":1}', apiV3Key, 'transaction', 'transaction');
    rejects(() => decryptResource(r, 'b7cde1ef4fe3b1a7fb9b85b2d3d8c6e5'), 'DECRYPTION_FAILED');
    rejects(() => decryptResource({ ...r, associated_data: 'refund' }, apiV3Key), 'DECRYPTION_FAILED');
    const sealed = Buffer.from(r.ciphertext, 'base64');
    sealed[sealed.length - 1]! ^= 0xff;
    rejects(() => decryptResource({ ...r, ciphertext: sealed.toString('base64') }, apiV3Key), 'DECRYPTION_FAILED');
    rejects(() => decryptResource({ ...r, algorithm: 'AES_128_CBC' }, apiV3Key), 'DECRYPTION_FAILED');
  });

  it('refuses an APIv3 key that is not 32 bytes', () => {
    rejects(() => encryptResource('x', 'short', '', 'transaction'), 'CONFIG');
  });
});

describe('RSA-OAEP sensitive fields', () => {
  it('round-trips and refuses another key', () => {
    const a = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const b = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const c = encryptSensitiveField('张三', a.publicKey);
    assert.equal(decryptSensitiveField(c, a.privateKey), '张三');
    rejects(() => decryptSensitiveField(c, b.privateKey), 'DECRYPTION_FAILED');
  });
});
