/**
 * WeChat Pay symmetric and asymmetric encryption (证书和回调报文解密, 敏感信息加密):
 * AEAD_AES_256_GCM with the 32-byte APIv3 key (RFC 5116; the last 16 bytes of the ciphertext are
 * the tag) and RSA-OAEP (SHA-1, MGF1) for sensitive request fields.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { PaymentError } from './provider';

const TAG_BYTES = 16;

/** The `resource` object of a WeChat Pay notification or certificate download. */
export type EncryptedResource = {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
};

export function apiV3KeyBytes(apiV3Key: string | Buffer): Buffer {
  const key = typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key;
  if (key.length !== 32) throw new PaymentError('CONFIG', `The APIv3 key must be 32 bytes, got ${key.length}`);
  return key;
}

/** AES-256-GCM open: `sealed` is ciphertext ‖ 16-byte tag. Throws DECRYPTION_FAILED on any change. */
export function aes256GcmOpen(key: Buffer, nonce: Buffer, aad: Buffer, sealed: Buffer): Buffer {
  if (key.length !== 32) throw new PaymentError('CONFIG', 'AES-256-GCM needs a 32-byte key');
  if (sealed.length < TAG_BYTES) throw new PaymentError('DECRYPTION_FAILED', 'Ciphertext shorter than the GCM tag');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch (cause) {
    throw new PaymentError('DECRYPTION_FAILED', 'AES-256-GCM authentication failed', { cause });
  }
}

/** AES-256-GCM seal: returns ciphertext ‖ 16-byte tag. */
export function aes256GcmSeal(key: Buffer, nonce: Buffer, aad: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts a notification `resource` to its UTF-8 plaintext (JSON for payments and refunds). */
export function decryptResource(resource: EncryptedResource, apiV3Key: string | Buffer): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new PaymentError('DECRYPTION_FAILED', `Unsupported resource algorithm ${resource.algorithm}`);
  }
  const plain = aes256GcmOpen(
    apiV3KeyBytes(apiV3Key),
    Buffer.from(resource.nonce, 'utf8'),
    Buffer.from(resource.associated_data ?? '', 'utf8'),
    Buffer.from(resource.ciphertext, 'base64'),
  );
  return plain.toString('utf8');
}

/** The other side of `decryptResource` (sandbox and tests): a 12-character nonce, like WeChat's. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string | Buffer,
  associatedData: string,
  originalType: string,
): EncryptedResource {
  const nonce = randomBytes(9).toString('base64url').slice(0, 12);
  const sealed = aes256GcmSeal(
    apiV3KeyBytes(apiV3Key),
    Buffer.from(nonce, 'utf8'),
    Buffer.from(associatedData, 'utf8'),
    Buffer.from(plaintext, 'utf8'),
  );
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: originalType,
  };
}

/** Encrypts a sensitive request field (name, phone, …) with WeChat's public key; send its serial too. */
export function encryptSensitiveField(plaintext: string, wechatPublicKey: KeyObject): string {
  return publicEncrypt(
    { key: wechatPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plaintext, 'utf8'),
  ).toString('base64');
}

/** Decrypts a sensitive field WeChat encrypted with the merchant's public key. */
export function decryptSensitiveField(ciphertext: string, merchantPrivateKey: KeyObject): string {
  try {
    return privateDecrypt(
      { key: merchantPrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(ciphertext, 'base64'),
    ).toString('utf8');
  } catch (cause) {
    throw new PaymentError('DECRYPTION_FAILED', 'RSA-OAEP decryption failed', { cause });
  }
}
