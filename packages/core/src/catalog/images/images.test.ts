import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { type AppError, inTransaction } from '../../platform';
import { fileStore } from '../../platform/data-jobs';
import { createTestTenant, testRuntime } from '../../testing';
import { backfillImageVariants } from './image-backfill.service';
import { backfillVariants, variantKey } from './image-variants';
import { insertImageRow } from './images.repo';
import { openImage, uploadImage } from './images.service';
import { drawSampleImage } from './sample-images';

const { rt } = await testRuntime();

const code = (e: unknown) => (e as AppError).code;

async function read(stream: NodeJS.ReadableStream) {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

describe('catalog images', () => {
  it('makes WebP variants 240 and 480 px wide at upload and keeps the original', async () => {
    const { ctx } = await createTestTenant(rt);
    const jpeg = await drawSampleImage(1200, 900, ['#c8a27a', '#6b4226'], 'jpeg');
    const img = await inTransaction(ctx, (tx) => uploadImage(tx, jpeg));
    assert.equal(img.contentType, 'image/jpeg');
    assert.equal(img.thumbUrl, `${img.url}?w=240`);
    assert.equal(img.srcset, `${img.url}?w=240 240w, ${img.url}?w=480 480w`);
    const original = await openImage(ctx, img.id);
    assert.ok((await read(original.stream)).equals(jpeg));
    for (const [w, h] of [
      [240, 180],
      [480, 360],
    ] as const) {
      const v = await openImage(ctx, img.id, w);
      assert.equal(v.contentType, 'image/webp');
      const bytes = await read(v.stream);
      assert.equal(bytes.length, v.bytes);
      assert.equal(bytes.toString('latin1', 8, 12), 'WEBP');
      const meta = await sharp(bytes).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['webp', w, h]);
    }
  });

  it('never enlarges a small image and keeps GIF animations animated', async () => {
    const { ctx } = await createTestTenant(rt);
    const png = await drawSampleImage(200, 100, ['#ffffff', '#000000'], 'png');
    const small = await inTransaction(ctx, (tx) => uploadImage(tx, png));
    const meta = await sharp(await read((await openImage(ctx, small.id, 480)).stream)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 200, 100]);

    const frames = await Promise.all(
      ['#ff0000', '#00ff00'].map((c) =>
        sharp({ create: { width: 600, height: 300, channels: 3, background: c } })
          .raw()
          .toBuffer(),
      ),
    );
    const gif = await sharp(Buffer.concat(frames), { raw: { width: 600, height: 600, channels: 3, pageHeight: 300 } })
      .gif({ delay: [100, 100] })
      .toBuffer();
    const animated = await inTransaction(ctx, (tx) => uploadImage(tx, gif));
    assert.equal(animated.contentType, 'image/gif');
    const v = await sharp(await read((await openImage(ctx, animated.id, 240)).stream), { animated: true }).metadata();
    assert.deepEqual([v.format, v.width, v.pages, v.pageHeight], ['webp', 240, 2, 120]);
  });

  it('refuses files that are not images by their bytes, damaged images and pixel bombs', async () => {
    const { ctx } = await createTestTenant(rt);
    const upload = (b: Buffer) => inTransaction(ctx, (tx) => uploadImage(tx, b)).catch(code);
    assert.equal(await upload(Buffer.from('<svg onload="alert(1)"></svg>')), 'IMAGE_TYPE');
    assert.equal(await upload(Buffer.from('GIF87a but not really a picture')), 'IMAGE_TYPE');
    const png = await drawSampleImage(400, 300, ['#ffffff', '#000000'], 'png');
    assert.equal(await upload(png.subarray(0, 60)), 'IMAGE_TYPE'); // truncated: right magic, no picture
    assert.equal(await upload(png.subarray(0, png.length - 40)), 'IMAGE_TYPE'); // header fine, pixels missing
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    assert.ok(bomb.length < 5 * 1024 * 1024);
    assert.equal(await upload(bomb), 'IMAGE_TOO_LARGE');
  });

  it('makes the variants of older images on first request or by the backfill, and serves undecodable originals as they are', async () => {
    const { ctx } = await createTestTenant(rt);
    const png = await drawSampleImage(960, 480, ['#f5deb3', '#8b4513'], 'png');
    const old = async (id: string, bytes: Buffer) => {
      const storageKey = `${ctx.tenantId}/catalog-images/${id}`;
      await fileStore().put(storageKey, bytes);
      await insertImageRow(ctx.db, {
        tenantId: ctx.tenantId,
        id,
        contentType: 'image/png',
        bytes: bytes.length,
        storageKey,
        createdAt: ctx.clock.now(),
      });
      return storageKey;
    };
    const key = await old('img_0000000000oldoldoldoldoldold1', png);
    assert.equal(await fileStore().size(variantKey(key, 240)), null);
    const lazy = await openImage(ctx, 'img_0000000000oldoldoldoldoldold1', 240);
    assert.equal((await sharp(await read(lazy.stream)).metadata()).width, 240);
    assert.ok((await fileStore().size(variantKey(key, 240))) !== null);

    const fake = Buffer.concat([png.subarray(0, 16), Buffer.alloc(64)]);
    const fakeKey = await old('img_0000000000oldoldoldoldoldold2', fake);
    const served = await openImage(ctx, 'img_0000000000oldoldoldoldoldold2', 480);
    assert.equal(served.contentType, 'image/png');
    assert.ok((await read(served.stream)).equals(fake));

    const result = await backfillVariants([key, fakeKey]);
    assert.deepEqual(result, { made: 1, failed: [fakeKey] }); // the 480 of the first; the fake cannot be decoded
    assert.equal((await sharp(await read(await fileStore().open(variantKey(key, 480)))).metadata()).width, 480);
  });

  it('the backfill job goes through the images of every tenant page by page and makes what is missing', async () => {
    const one = await createTestTenant(rt);
    const two = await createTestTenant(rt);
    const keys: string[] = [];
    for (const [t, id] of [
      [one, 'img_0000000000backfillbackfill1'],
      [two, 'img_0000000000backfillbackfill2'],
    ] as const) {
      const bytes = await drawSampleImage(500, 500, ['#eeeeee', '#333333'], 'png');
      const storageKey = `${t.ctx.tenantId}/catalog-images/${id}`;
      await fileStore().put(storageKey, bytes);
      await insertImageRow(t.ctx.db, {
        tenantId: t.ctx.tenantId,
        id,
        contentType: 'image/png',
        bytes: bytes.length,
        storageKey,
        createdAt: t.ctx.clock.now(),
      });
      keys.push(storageKey);
    }
    const total = await backfillImageVariants(rt.db, rt.log);
    assert.ok(total.made >= 4 && total.images >= 2, JSON.stringify(total));
    for (const key of keys)
      for (const w of [240, 480] as const) assert.ok((await fileStore().size(variantKey(key, w))) !== null);
    assert.equal((await backfillImageVariants(rt.db, rt.log)).made, 0, 'a second run makes nothing');
  });
});
