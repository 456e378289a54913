/**
 * WeCom callback crypto (WXBizMsgCrypt), exactly as WeCom specifies it (doc 91144, 加解密方案说明):
 * - msg_signature = hex(sha1(sort([token, timestamp, nonce, encrypted]).join('')));
 * - AESKey = base64decode(EncodingAESKey + '='), 32 bytes; AES-256-CBC with IV = AESKey[0:16];
 * - PKCS#7 padding to a multiple of **32** bytes (pad values 1–32), not AES's 16;
 * - plaintext = random(16) || msg_len (4 bytes, network order) || msg || receiveid, where the
 *   receiveid (the corp id for a self-built app) must be ours.
 * Every failure is a `WecomCryptoError` with a code, so a webhook can answer 4xx and change nothing.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export type WecomCryptoErrorCode =
  | 'BAD_KEY'
  | 'BAD_SIGNATURE'
  | 'DECRYPTION_FAILED'
  | 'BAD_PADDING'
  | 'RECEIVER_MISMATCH'
  | 'MALFORMED';

export class WecomCryptoError extends Error {
  constructor(
    readonly code: WecomCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WecomCryptoError';
  }
}

/** What a corp configures for its callback URL, plus the receiveid to expect (the corp id). */
export type CallbackKeys = { token: string; encodingAesKey: string; receiveId: string };

/** The block size WeCom pads to (its PKCS7Encoder.block_size), not AES's 16. */
export const WECOM_PAD_BLOCK = 32;
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function aesKeyOf(encodingAesKey: string): Buffer {
  if (!ENCODING_AES_KEY.test(encodingAesKey)) {
    throw new WecomCryptoError('BAD_KEY', 'EncodingAESKey must be 43 characters of [A-Za-z0-9]');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WecomCryptoError('BAD_KEY', 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

/** msg_signature over the four strings, sorted as byte strings (what every official SDK does). */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  const parts = [token, timestamp, nonce, encrypted].sort();
  return createHash('sha1').update(parts.join('')).digest('hex');
}

function assertSignature(keys: CallbackKeys, signature: string, timestamp: string, nonce: string, data: string) {
  const expected = Buffer.from(callbackSignature(keys.token, timestamp, nonce, data));
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new WecomCryptoError('BAD_SIGNATURE', 'msg_signature does not match');
  }
}

export function pkcs7Pad(data: Buffer, block = WECOM_PAD_BLOCK): Buffer {
  const n = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Buffer, block = WECOM_PAD_BLOCK): Buffer {
  const n = data.at(-1) ?? 0;
  if (n < 1 || n > block || n > data.length) throw new WecomCryptoError('BAD_PADDING', `invalid pad byte ${n}`);
  for (let i = data.length - n; i < data.length; i++) {
    if (data[i] !== n) throw new WecomCryptoError('BAD_PADDING', 'inconsistent PKCS#7 padding');
  }
  return data.subarray(0, data.length - n);
}

/** Encrypts `message` for `receiveId`; `random16` is for reproducing a known ciphertext in tests. */
export function encryptMessage(message: string, keys: CallbackKeys, random16: Buffer = randomBytes(16)): string {
  if (random16.length !== 16) throw new WecomCryptoError('MALFORMED', 'the random prefix must be 16 bytes');
  const key = aesKeyOf(keys.encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = pkcs7Pad(Buffer.concat([random16, len, msg, Buffer.from(keys.receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export type Decrypted = { message: string; receiveId: string; padByte: number };

/** Decrypts, checks the padding and the receiveid. Does not check a signature (see below). */
export function decryptMessage(encrypted: string, keys: CallbackKeys): Decrypted {
  const key = aesKeyOf(keys.encodingAesKey);
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) {
    throw new WecomCryptoError('DECRYPTION_FAILED', 'ciphertext is not a whole number of AES blocks');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new WecomCryptoError('DECRYPTION_FAILED', 'AES-256-CBC decryption failed');
  }
  const padByte = plain.at(-1) ?? 0;
  const content = pkcs7Unpad(plain);
  if (content.length < 20) throw new WecomCryptoError('DECRYPTION_FAILED', 'plaintext shorter than its header');
  const len = content.readUInt32BE(16);
  if (20 + len > content.length) throw new WecomCryptoError('DECRYPTION_FAILED', 'msg_len runs past the plaintext');
  const message = content.subarray(20, 20 + len).toString('utf8');
  const receiveId = content.subarray(20 + len).toString('utf8');
  if (receiveId !== keys.receiveId) {
    throw new WecomCryptoError(
      'RECEIVER_MISMATCH',
      `the message is for ${receiveId || '(none)'}, not ${keys.receiveId}`,
    );
  }
  return { message, receiveId, padByte };
}

export type SignedQuery = { msgSignature: string; timestamp: string; nonce: string };

/** URL verification (GET, parameters URL-decoded): verify over echostr, decrypt it; answer the bare plaintext. */
export function verifyUrl(keys: CallbackKeys, q: SignedQuery & { echostr: string }): string {
  // Base64 has no spaces: a space is a '+' that a query parser decoded as form encoding.
  const echostr = q.echostr.replaceAll(' ', '+');
  assertSignature(keys, q.msgSignature, q.timestamp, q.nonce, echostr);
  return decryptMessage(echostr, keys).message;
}

/** Verifies and decrypts one `Encrypt` value taken from a delivery's envelope. */
export function decryptSigned(keys: CallbackKeys, q: SignedQuery, encrypted: string): Decrypted {
  assertSignature(keys, q.msgSignature, q.timestamp, q.nonce, encrypted);
  return decryptMessage(encrypted, keys);
}

/** Encrypts and signs a message, as WeCom does for a delivery (and for a passive reply). */
export function encryptSigned(
  keys: CallbackKeys,
  message: string,
  opts: { timestamp: string; nonce?: string; random16?: Buffer },
): SignedQuery & { encrypt: string } {
  const nonce = opts.nonce ?? String(randomInt(100_000_000, 9_999_999_999));
  const encrypt = encryptMessage(message, keys, opts.random16);
  return {
    encrypt,
    timestamp: opts.timestamp,
    nonce,
    msgSignature: callbackSignature(keys.token, opts.timestamp, nonce, encrypt),
  };
}

function randomString(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return s;
}

/**
 * A callback Token (3–32 characters of [A-Za-z0-9] in WeCom's console; 32 here) and a 43-character
 * EncodingAESKey, generated for the admin to paste into WeCom's "接收消息服务器配置".
 */
export function generateCallbackSecrets(): { token: string; encodingAesKey: string } {
  for (;;) {
    const encodingAesKey = randomString(43);
    // 43 base64 characters carry 258 bits; keep the 2 spare bits zero so strict decoders agree too.
    if (Buffer.from(`${encodingAesKey}=`, 'base64').toString('base64') === `${encodingAesKey}=`) {
      return { token: randomString(32), encodingAesKey };
    }
  }
}
