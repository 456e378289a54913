import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import { PaymentError } from './provider';

/**
 * Key material as the providers hand it out: PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1
 * `BEGIN RSA PRIVATE KEY`), or the bare Base64 body Alipay's key tool prints (PKCS#8 or PKCS#1).
 */
export function loadPrivateKey(material: string | KeyObject, label = 'private key'): KeyObject {
  if (typeof material !== 'string') return material;
  const text = material.trim();
  try {
    if (text.includes('-----BEGIN')) return createPrivateKey(text);
    const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  } catch (cause) {
    throw new PaymentError('CONFIG', `The ${label} is neither a PEM nor a Base64 PKCS#8/PKCS#1 RSA key`, { cause });
  }
}

/**
 * A verification key: an X.509 certificate PEM (WeChat platform certificate), a public key PEM
 * (WeChat Pay public key), or the bare Base64 SubjectPublicKeyInfo Alipay shows in its console.
 */
export function loadPublicKey(material: string | KeyObject, label = 'public key'): KeyObject {
  if (typeof material !== 'string') return material;
  const text = material.trim();
  try {
    if (text.includes('BEGIN CERTIFICATE')) return new X509Certificate(text).publicKey;
    if (text.includes('-----BEGIN')) return createPublicKey(text);
    const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
    try {
      return createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  } catch (cause) {
    throw new PaymentError('CONFIG', `The ${label} is neither a certificate, a PEM nor a Base64 public key`, { cause });
  }
}

/** The serial number of a certificate, upper-case hex as WeChat writes it in `Wechatpay-Serial`. */
export function certificateSerial(pem: string): string {
  return new X509Certificate(pem).serialNumber.toUpperCase();
}

/** SHA256withRSA (WeChat `WECHATPAY2-SHA256-RSA2048`, Alipay `RSA2`), Base64. */
export function rsaSign(message: string | Buffer, key: KeyObject): string {
  return createSign('RSA-SHA256').update(message).sign(key, 'base64');
}

export function rsaVerify(message: string | Buffer, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}
