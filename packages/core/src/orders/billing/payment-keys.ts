/**
 * Checks of merchant key material for the settings screen: every failure names the field
 * (`wechatpay.merchantPrivateKey: …`), and fingerprints let staff compare keys without seeing them.
 */
import { createHash, createPublicKey, type KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import { invalid } from '../../platform';
import { loadPrivateKey, loadPublicKey, rsaSign, rsaVerify } from '../payments/keys';

export type PlatformKey = { serial: string; key: string };
export type Check = { name: string; ok: boolean; message: string };

/** `sha256:` and 16 hex characters of the SubjectPublicKeyInfo (of the public half of a private key). */
export const fingerprintOf = (key: KeyObject) =>
  `sha256:${createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)}`;

const publicHalf = (k: KeyObject) => (k.type === 'private' ? createPublicKey(k) : k);

export function parsePrivateKey(field: string, text: string): KeyObject {
  let key: KeyObject;
  try {
    key = loadPrivateKey(text);
  } catch {
    throw invalid(field, 'is not an RSA private key (PEM, or Base64 PKCS#8/PKCS#1)');
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid(field, `must be an RSA key, not ${key.asymmetricKeyType}`);
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw invalid(field, 'must be an RSA key of 2048 bits or more');
  return key;
}

export function parsePublicKey(field: string, text: string): KeyObject {
  try {
    return loadPublicKey(text);
  } catch {
    throw invalid(field, 'is neither a certificate, a public key PEM nor a Base64 public key');
  }
}

export function checkApiV3Key(text: string) {
  const n = Buffer.byteLength(text, 'utf8');
  if (n !== 32) throw invalid('wechatpay.apiV3Key', `must be exactly 32 bytes (this one has ${n})`);
}

/** The serial WeChat shows for a certificate (upper-case hex) and its expiry. */
function readCertificate(field: string, pem: string) {
  try {
    const c = new X509Certificate(pem);
    return { serial: c.serialNumber.toUpperCase(), publicKey: c.publicKey, expiresAt: new Date(c.validTo) };
  } catch {
    throw invalid(field, 'is not a PEM certificate');
  }
}

/** A platform key as stored: the serial read from a certificate, or the PUB_KEY_ID_… of a public key. */
export function normalizePlatformKey(i: number, input: { serial?: string; key: string }): PlatformKey {
  const field = `wechatpay.platformKeys.${i}`;
  if (input.key.includes('BEGIN CERTIFICATE')) {
    const cert = readCertificate(`${field}.key`, input.key);
    if (input.serial && input.serial.toUpperCase() !== cert.serial)
      throw invalid(`${field}.serial`, `does not match the certificate's serial ${cert.serial}`);
    return { serial: cert.serial, key: input.key.trim() };
  }
  parsePublicKey(`${field}.key`, input.key);
  if (!input.serial?.startsWith('PUB_KEY_ID_'))
    throw invalid(
      `${field}.serial`,
      'a WeChat Pay public key needs its id (PUB_KEY_ID_…, shown beside it in the console)',
    );
  return { serial: input.serial, key: input.key.trim() };
}

export function describePlatformKey(k: PlatformKey) {
  const cert = k.key.includes('BEGIN CERTIFICATE') ? new X509Certificate(k.key) : null;
  return {
    serial: k.serial,
    kind: cert ? ('certificate' as const) : ('public_key' as const),
    key: k.key,
    fingerprint: fingerprintOf(cert ? cert.publicKey : loadPublicKey(k.key)),
    expiresAt: cert ? new Date(cert.validTo).toISOString() : null,
  };
}

/** The merchant certificate (optional) must carry the serial and the public half of the private key. */
export function checkMerchantCertificate(pem: string, serial: string | undefined, privateKey: KeyObject | null) {
  const cert = readCertificate('wechatpay.merchantCertificate', pem);
  if (serial && cert.serial !== serial.toUpperCase())
    throw invalid('wechatpay.merchantSerial', `does not match the merchant certificate's serial ${cert.serial}`);
  if (privateKey && fingerprintOf(cert.publicKey) !== fingerprintOf(publicHalf(privateKey)))
    throw invalid('wechatpay.merchantPrivateKey', 'does not belong to the merchant certificate (apiclient_cert.pem)');
}

const check = (name: string, run: () => string): Check => {
  try {
    return { name, ok: true, message: run() };
  } catch (e) {
    return { name, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
};

/** Sign a random message with the private key and verify it with its public half (or a given public key). */
export const signRoundTrip = (name: string, privateKey: KeyObject, publicKey?: KeyObject) =>
  check(name, () => {
    const message = randomBytes(24).toString('hex');
    if (!rsaVerify(message, rsaSign(message, privateKey), publicKey ?? publicHalf(privateKey)))
      throw new Error('the signature did not verify');
    return 'SHA256withRSA signature made and verified';
  });

export { check, publicHalf };
