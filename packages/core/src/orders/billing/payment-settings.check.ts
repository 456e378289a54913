/**
 * The settings screen's "test" button: the stored keys are opened and checked locally (they parse,
 * the private key belongs to the merchant certificate, a signature made with it verifies, the APIv3 key
 * encrypts and decrypts), then — online, and always for the demo sandbox — the provider is asked
 * about a trade that does not exist: an answer of "no such trade" proves it accepted our signature.
 */
import { createCipheriv, createDecipheriv, randomBytes, X509Certificate } from 'node:crypto';
import type { PaymentSettingsTestInput } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, secrets } from '../../platform';
import { PaymentError } from '../payments';
import {
  type Check,
  check,
  checkApiV3Key,
  checkMerchantCertificate,
  fingerprintOf,
  parsePrivateKey,
  parsePublicKey,
  publicHalf,
  signRoundTrip,
} from './payment-keys';
import {
  type AlipayConfigJson,
  openSecret,
  providerOfRow,
  secretAad,
  type WechatConfigJson,
} from './payment-settings.model';
import {
  type PaymentSettingsRow,
  replaceSecrets,
  rowsWithSecrets,
  sealedSamples,
  settingsOf,
} from './payment-settings.repo';

function privateKeyCheck(row: PaymentSettingsRow, field: string): [Check, ReturnType<typeof parsePrivateKey> | null] {
  let key: ReturnType<typeof parsePrivateKey> | null = null;
  const c = check(field, () => {
    key = parsePrivateKey(`${row.provider}.${field}`, openSecret(row, field));
    return `RSA ${key.asymmetricKeyDetails?.modulusLength} bits, ${fingerprintOf(publicHalf(key))}`;
  });
  return [c, key];
}

function certificateValidity(pem: string, now: Date) {
  const cert = new X509Certificate(pem);
  if (new Date(cert.validTo) < now) throw new Error(`expired on ${new Date(cert.validTo).toISOString()}`);
  return `valid until ${new Date(cert.validTo).toISOString().slice(0, 10)}`;
}

function wechatChecks(ctx: Ctx, row: PaymentSettingsRow): Check[] {
  const c = row.config as WechatConfigJson;
  const [keyCheck, key] = privateKeyCheck(row, 'merchantPrivateKey');
  const checks = [keyCheck];
  checks.push(
    check('apiV3Key', () => {
      const v3 = openSecret(row, 'apiV3Key');
      checkApiV3Key(v3);
      const iv = randomBytes(12);
      const enc = createCipheriv('aes-256-gcm', Buffer.from(v3), iv);
      const ct = Buffer.concat([enc.update('siyu'), enc.final()]);
      const dec = createDecipheriv('aes-256-gcm', Buffer.from(v3), iv).setAuthTag(enc.getAuthTag());
      if (Buffer.concat([dec.update(ct), dec.final()]).toString() !== 'siyu') throw new Error('round trip failed');
      return '32 bytes; AEAD_AES_256_GCM encrypts and decrypts';
    }),
  );
  if (key) checks.push(signRoundTrip('signature', key));
  if (c.merchantCertificate) {
    const cert = c.merchantCertificate;
    checks.push(
      check('merchantCertificate', () => {
        checkMerchantCertificate(cert, c.merchantSerial ?? undefined, key);
        return `serial and private key match; ${certificateValidity(cert, ctx.clock.now())}`;
      }),
    );
  }
  for (const k of c.platformKeys)
    checks.push(
      check(`platformKeys.${k.serial}`, () => {
        parsePublicKey('wechatpay.platformKeys', k.key);
        return k.key.includes('BEGIN CERTIFICATE') ? certificateValidity(k.key, ctx.clock.now()) : 'public key parses';
      }),
    );
  return checks;
}

function alipayChecks(row: PaymentSettingsRow): Check[] {
  const c = row.config as AlipayConfigJson;
  const [keyCheck, key] = privateKeyCheck(row, 'appPrivateKey');
  const checks = [keyCheck];
  if (key) checks.push(signRoundTrip('signature', key));
  checks.push(
    check('alipayPublicKey', () => {
      const pub = parsePublicKey('alipay.alipayPublicKey', c.alipayPublicKey ?? '');
      if (key && fingerprintOf(pub) === fingerprintOf(publicHalf(key)))
        throw new Error('this is your application public key, not the Alipay public key (支付宝公钥)');
      return `public key parses, ${fingerprintOf(pub)}`;
    }),
  );
  return checks;
}

async function onlineCheck(ctx: Ctx, row: PaymentSettingsRow): Promise<Check> {
  const where = row.sandbox ? 'the demo sandbox' : row.provider === 'wechatpay' ? 'WeChat Pay' : 'Alipay';
  try {
    const q = await providerOfRow(row, ctx.clock).query(`SIYUTEST${randomBytes(8).toString('hex')}`);
    return { name: 'online', ok: true, message: `${where} accepted our signed request (a test trade is ${q.status})` };
  } catch (e) {
    const message = e instanceof PaymentError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
    return { name: 'online', ok: false, message: `${where} refused or could not be reached: ${message}` };
  }
}

/** Runs the checks of one provider's stored settings (audited); 409 when none are stored. */
export async function testPaymentSettings(ctx: Ctx, input: z.output<typeof PaymentSettingsTestInput>) {
  const row = (await settingsOf(ctx.db, ctx.tenantId)).find((r) => r.provider === input.provider);
  if (!row || !Object.keys(row.secrets).length)
    throw conflict('PAYMENT_SETTINGS_MISSING', `No ${input.provider} keys are stored yet; save them first`);
  const checks = row.provider === 'wechatpay' ? wechatChecks(ctx, row) : alipayChecks(row);
  if (checks.every((c) => c.ok) && (input.online || row.sandbox)) checks.push(await onlineCheck(ctx, row));
  const ok = checks.every((c) => c.ok);
  await ctx.audit({
    action: 'orders.payment_settings.test',
    entityType: 'payment_settings',
    entityId: row.provider,
    summary: `Tested the ${row.provider} settings: ${ok ? 'passed' : 'failed'}`,
    changes: { failed: checks.filter((c) => !c.ok).map((c) => c.name) },
  });
  return { provider: input.provider, ok, checks };
}

/**
 * Start-up check: stored payment secrets that this process's master key cannot open (SIYU_SECRET_KEY
 * missing or changed without SIYU_SECRET_KEYS_OLD). Returns one line per problem (a few samples).
 */
export async function unreadablePaymentSecrets(db: Ctx['db']): Promise<string[]> {
  const problems: string[] = [];
  for (const r of await sealedSamples(db, 20))
    for (const [field, sealed] of Object.entries(r.secrets))
      try {
        secrets().open(sealed, secretAad(r.tenantId, r.provider, field));
      } catch (e) {
        problems.push(`${r.tenantId} ${r.provider}.${field}: ${e instanceof Error ? e.message : String(e)}`);
      }
  return problems;
}

/**
 * After a master key rotation: every payment secret sealed with an older key (SIYU_SECRET_KEYS_OLD) is
 * sealed again with SIYU_SECRET_KEY (of one tenant, when given). Returns how many values were re-sealed
 * (`siyu secrets reseal`).
 */
export async function resealPaymentSecrets(db: Ctx['db'], tenantId?: string): Promise<number> {
  const box = secrets();
  let count = 0;
  for (const row of await rowsWithSecrets(db, tenantId)) {
    const next = { ...row.secrets };
    let changed = 0;
    for (const [field, sealed] of Object.entries(row.secrets)) {
      if (!box.isStale(sealed)) continue;
      const aad = secretAad(row.tenantId, row.provider, field);
      next[field] = box.seal(box.open(sealed, aad), aad);
      changed++;
    }
    if (changed && (await replaceSecrets(db, row, next))) count += changed;
  }
  return count;
}
