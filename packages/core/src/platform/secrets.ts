/**
 * Secrets at rest (merchant payment keys; later WeCom secrets): sealed with AES-256-GCM under the
 * server's master key, `SIYU_SECRET_KEY`. A sealed value names the key that sealed it, so keys can be
 * rotated: the new key in SIYU_SECRET_KEY, the old ones in SIYU_SECRET_KEYS_OLD until every value has
 * been sealed again (docs/operator.md).
 *
 * Format: `v1:<key id>:<nonce>:<ciphertext>:<tag>` (Base64url; the key id is the first 8 hex characters
 * of SHA-256 over the key). The caller's `aad` (e.g. `ten_…/payments/wechatpay/apiV3Key`) is
 * authenticated, so a sealed value copied to another tenant or field does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from './config';
import { AppError } from './errors';

export type SecretBox = {
  /** Where the sealing key came from; `none`: nothing can be sealed or opened. */
  readonly source: 'env' | 'generated' | 'none';
  /** Id of the key new values are sealed with. */
  readonly keyId: string | null;
  seal(plain: string, aad: string): string;
  open(sealed: string, aad: string): string;
  /** The value was sealed with an older key (seal it again with the current one). */
  isStale(sealed: string): boolean;
};

const VERSION = 'v1';
export const SECRET_KEY_FILE = 'secret.key';

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);
const b64 = (b: Buffer) => b.toString('base64url');

/** 32 bytes from 64 hex characters or Base64(url); anything else is a ConfigError naming `name`. */
export function parseSecretKey(text: string, name = 'SIYU_SECRET_KEY'): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(t)))
    throw new ConfigError(
      `${name}: must be 32 random bytes as 64 hex characters or Base64 (generate one with \`openssl rand -hex 32\`)`,
    );
  return key;
}

export const missingKey = () =>
  new AppError(
    503,
    'SECRET_KEY_MISSING',
    'The server has no SIYU_SECRET_KEY, so secrets cannot be stored or read; the operator must set it (docs/operator.md)',
  );

/** A box over a current key (may be absent) and earlier keys accepted for opening. */
export function createSecretBox(
  current: Buffer | null,
  previous: Buffer[] = [],
  source?: 'env' | 'generated',
): SecretBox {
  const keys = new Map<string, Buffer>();
  for (const k of previous) keys.set(keyIdOf(k), k);
  const currentId = current ? keyIdOf(current) : null;
  if (current && currentId) keys.set(currentId, current);
  return {
    source: current ? (source ?? 'env') : 'none',
    keyId: currentId,
    seal(plain, aad) {
      if (!current || !currentId) throw missingKey();
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      cipher.setAAD(Buffer.from(aad));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, currentId, b64(nonce), b64(ct), b64(cipher.getAuthTag())].join(':');
    },
    open(sealed, aad) {
      const [v, kid, nonce, ct, tag] = sealed.split(':');
      if (v !== VERSION || !kid || !nonce || ct === undefined || !tag)
        throw new AppError(503, 'SECRET_CORRUPT', 'A stored secret is not in the sealed format');
      const key = keys.get(kid);
      if (!key) {
        if (keys.size === 0) throw missingKey();
        throw new AppError(
          503,
          'SECRET_KEY_UNKNOWN',
          `A stored secret was sealed with key ${kid}, which is neither SIYU_SECRET_KEY nor in SIYU_SECRET_KEYS_OLD`,
        );
      }
      try {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
        d.setAAD(Buffer.from(aad));
        d.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
      } catch {
        throw new AppError(503, 'SECRET_CORRUPT', `A stored secret does not open with key ${kid} (changed or moved?)`);
      }
    },
    isStale: (sealed) => sealed.split(':')[1] !== currentId,
  };
}

/**
 * The box of this configuration: SIYU_SECRET_KEY (and SIYU_SECRET_KEYS_OLD); without it, in demo mode a
 * key generated once and kept beside the embedded data (`<SIYU_DATA_DIR>/secret.key`, mode 0600); in
 * production none (saving a secret answers 503 SECRET_KEY_MISSING).
 */
export function loadSecretBox(config: Pick<Config, 'secretKey' | 'previousSecretKeys' | 'mode' | 'dataDir'>) {
  const previous = config.previousSecretKeys.map((k, i) => parseSecretKey(k, `SIYU_SECRET_KEYS_OLD[${i + 1}]`));
  if (config.secretKey) return createSecretBox(parseSecretKey(config.secretKey), previous, 'env');
  if (config.mode !== 'demo') return createSecretBox(null, previous);
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: concurrent first starts agree on one key.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const text = fs.readFileSync(file, 'utf8');
  return createSecretBox(parseSecretKey(text, file), previous, 'generated');
}

let installed: SecretBox = createSecretBox(null);

/** The secret box of this process's runtime (installed by createRuntime; one runtime per process). */
export const secrets = () => installed;
export function installSecrets(box: SecretBox) {
  installed = box;
}
