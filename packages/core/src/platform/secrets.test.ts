import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from './config';
import { AppError } from './errors';
import { createSecretBox, loadSecretBox, parseSecretKey, SECRET_KEY_FILE } from './secrets';

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

describe('secrets', () => {
  it('seals and opens with AES-256-GCM, bound to the aad, never in clear text', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('-----BEGIN PRIVATE KEY-----abc', 'ten_1/payments/wechatpay/key');
    assert.match(sealed, /^v1:[0-9a-f]{8}:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    assert.ok(!sealed.includes('PRIVATE'));
    assert.equal(box.open(sealed, 'ten_1/payments/wechatpay/key'), '-----BEGIN PRIVATE KEY-----abc');
    assert.notEqual(box.seal('x', 'a'), box.seal('x', 'a'), 'a fresh nonce each time');
    assert.throws(() => box.open(sealed, 'ten_2/payments/wechatpay/key'), code('SECRET_CORRUPT'));
    const [v, kid, nonce, ct, tag] = sealed.split(':');
    const flipped = Buffer.from(ct!, 'base64url');
    flipped[0]! ^= 1;
    assert.throws(
      () => box.open([v, kid, nonce, flipped.toString('base64url'), tag].join(':'), 'ten_1/payments/wechatpay/key'),
      code('SECRET_CORRUPT'),
    );
  });

  it('rotates: old keys still open, new values use the new key, stale values are recognised', () => {
    const oldKey = randomBytes(32);
    const before = createSecretBox(oldKey).seal('v', 'aad');
    const rotated = createSecretBox(randomBytes(32), [oldKey]);
    assert.equal(rotated.open(before, 'aad'), 'v');
    assert.equal(rotated.isStale(before), true);
    assert.equal(rotated.isStale(rotated.seal('v', 'aad')), false);
    assert.throws(() => createSecretBox(randomBytes(32)).open(before, 'aad'), code('SECRET_KEY_UNKNOWN'));
  });

  it('without a key nothing is sealed or opened (503 SECRET_KEY_MISSING)', () => {
    const none = createSecretBox(null);
    assert.equal(none.source, 'none');
    assert.throws(() => none.seal('x', 'a'), code('SECRET_KEY_MISSING'));
    assert.throws(() => none.open(createSecretBox(randomBytes(32)).seal('x', 'a'), 'a'), code('SECRET_KEY_MISSING'));
  });

  it('reads SIYU_SECRET_KEY as hex or Base64 and refuses anything else, naming the variable', () => {
    const k = randomBytes(32);
    assert.deepEqual(parseSecretKey(k.toString('hex')), k);
    assert.deepEqual(parseSecretKey(k.toString('base64')), k);
    assert.throws(
      () => parseSecretKey('short'),
      (e: unknown) => e instanceof ConfigError && /SIYU_SECRET_KEY/.test(e.message),
    );
    assert.throws(() => parseSecretKey(randomBytes(16).toString('hex')), ConfigError);
  });

  it('demo mode generates one key beside the data and keeps it; production has none without the variable', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-secrets-'));
    const cfg = { secretKey: undefined, previousSecretKeys: [], mode: 'demo' as const, dataDir };
    const first = loadSecretBox(cfg);
    assert.equal(first.source, 'generated');
    assert.equal((fs.statSync(path.join(dataDir, SECRET_KEY_FILE)).mode & 0o777).toString(8), '600');
    const again = loadSecretBox(cfg);
    assert.equal(again.keyId, first.keyId);
    assert.equal(again.open(first.seal('x', 'a'), 'a'), 'x');
    assert.equal(loadSecretBox({ ...cfg, mode: 'production' }).source, 'none');
    const env = loadSecretBox({ ...cfg, mode: 'production', secretKey: randomBytes(32).toString('hex') });
    assert.equal(env.source, 'env');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
