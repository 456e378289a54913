import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QR_SIZES } from '@siyu/contracts';
import QRCode from 'qrcode';
import * as access from '../../access';
import { createTestTenant, testRuntime } from '../../testing';
import {
  brandInitial,
  brandLogo,
  clearQrContentCache,
  decodeQrImage,
  initialLogo,
  qrCodeFile,
  qrPng,
  qrSvg,
  readQrContent,
} from './index';
import { sharpLib } from '../../platform';

const SCAN_URL = 'https://siyu.example/sandbox/wecom/scan/contact_way/0123456789abcdef0123456789abcdef';
const WECOM_LIKE = 'https://u.wechat.com/kF6Q5j3p0gR8xYzAbCdEfGh?s=lc_01kq3m4n5p';

/** A fetch that answers `body` for `url` and counts its calls. */
function fakeFetch(routes: Record<string, Buffer | (() => Promise<Response>)>) {
  const calls: string[] = [];
  const f = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    const r = routes[url];
    if (!r) return new Response('no', { status: 404 });
    if (typeof r === 'function') return r();
    return new Response(new Uint8Array(r), { status: 200, headers: { 'content-type': 'image/png' } });
  }) as typeof fetch;
  return { fetch: f, calls };
}

const sizeOf = async (png: Buffer) => {
  const m = await (await sharpLib())(png).metadata();
  return [m.width, m.height];
};

describe('QR drawing', () => {
  it('draws a PNG of each size that decodes to the content, with and without the logo', async () => {
    const logo = await initialLogo('拾光咖啡');
    for (const size of QR_SIZES) {
      for (const withLogo of [false, true]) {
        const png = await qrPng(SCAN_URL, size, withLogo ? logo : null);
        assert.deepEqual(await sizeOf(png), [size, size], `size ${size}`);
        assert.equal(await decodeQrImage(png), SCAN_URL, `decodes at ${size}, logo ${withLogo}`);
      }
    }
  });

  it('keeps the content of a WeCom-style URL through a logo made from a wide uploaded image', async () => {
    const sharp = await sharpLib();
    const wide = await sharp({ create: { width: 400, height: 120, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    const logo = await brandLogo({ brandName: 'Wide', logoUrl: `data:image/png;base64,${wide.toString('base64')}` });
    assert.deepEqual(await sizeOf(logo), [256, 256]);
    assert.equal(await decodeQrImage(await qrPng(WECOM_LIKE, 258, logo)), WECOM_LIKE);
  });

  it('writes an SVG with the viewBox of the modules and the quiet zone, the size, and the logo as a data URI', async () => {
    const logo = await initialLogo('Siyu');
    const modules = QRCode.create(SCAN_URL, { errorCorrectionLevel: 'H' }).modules.size;
    const svg = qrSvg(SCAN_URL, 860, logo);
    assert.match(svg, new RegExp(`viewBox="0 0 ${modules + 8} ${modules + 8}"`));
    assert.match(svg, /width="860" height="860"/);
    assert.ok(svg.includes(`href="data:image/png;base64,${logo.toString('base64')}"`));
    const plain = qrSvg(SCAN_URL, 860, null);
    assert.ok(!plain.includes('<image'));
    // The SVG is a real drawing of the code: rasterised, it decodes.
    const sharp = await sharpLib();
    assert.equal(await decodeQrImage(await sharp(Buffer.from(svg)).png().toBuffer()), SCAN_URL);
  });

  it('refuses a size that is not a print size, naming the field', async () => {
    for (const bad of [0, 100, 257, 2000]) {
      assert.throws(
        () => qrSvg(SCAN_URL, bad, null),
        (e: Error & { status?: number }) => {
          assert.equal(e.status, 400);
          assert.match(e.message, /^size: must be one of 258, 344, 430, 860, 1280/);
          return true;
        },
      );
      await assert.rejects(qrPng(SCAN_URL, bad, null), /size/);
    }
  });

  it('takes the brand initial from a letter, or the pinyin of a Chinese first character', () => {
    assert.equal(brandInitial('拾光咖啡'), 'S');
    assert.equal(brandInitial('  siyu coffee'), 'S');
    assert.equal(brandInitial('7-Eleven'), '7');
    assert.equal(brandInitial('★★'), '#');
  });
});

describe('reading a code image', () => {
  it('fetches and decodes once per URL, and does not keep a failure', async () => {
    clearQrContentCache();
    const url = 'https://wework.qpic.cn/wwpic/qr-1/0';
    const png = await qrPng(WECOM_LIKE, 430, null);
    const ok = fakeFetch({ [url]: png });
    assert.equal(await readQrContent(url, { fetch: ok.fetch }), WECOM_LIKE);
    assert.equal(await readQrContent(url, { fetch: ok.fetch }), WECOM_LIKE);
    assert.equal(ok.calls.length, 1);

    const missing = 'https://wework.qpic.cn/wwpic/qr-2/0';
    const down = fakeFetch({});
    await assert.rejects(readQrContent(missing, { fetch: down.fetch }), { code: 'QR_IMAGE_UNAVAILABLE', status: 503 });
    await assert.rejects(readQrContent(missing, { fetch: down.fetch }), { code: 'QR_IMAGE_UNAVAILABLE' });
    assert.equal(down.calls.length, 2);
  });

  it('gives up on a slow image, and refuses an image without a code', async () => {
    clearQrContentCache();
    const slow = 'https://wework.qpic.cn/wwpic/slow/0';
    const never = fakeFetch({
      [slow]: () => new Promise<Response>(() => {}),
    });
    // The timeout aborts through the signal; this fake ignores it, so wrap it to honour the signal.
    const honouring = (async (input: string | URL | Request, init?: RequestInit) =>
      Promise.race([
        never.fetch(input, init),
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
      ])) as typeof fetch;
    const keepAlive = setTimeout(() => {}, 5000); // AbortSignal.timeout does not hold the event loop open
    await assert.rejects(readQrContent(slow, { fetch: honouring, timeoutMs: 50 }), /no answer in time/);
    clearTimeout(keepAlive);

    const blank = 'https://wework.qpic.cn/wwpic/blank/0';
    const white = await (await sharpLib())({ create: { width: 200, height: 200, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await assert.rejects(readQrContent(blank, fakeFetch({ [blank]: white })), {
      code: 'QR_UNREADABLE',
      status: 422,
    });
  });
});

describe('a QR download file', () => {
  it("draws the code of an image URL with the tenant's brand, named after the code and size", async () => {
    const { rt } = await testRuntime();
    const t = await createTestTenant(rt, { name: '拾光咖啡' });
    clearQrContentCache();
    const url = 'https://wework.qpic.cn/wwpic/file/0';
    const f = fakeFetch({ [url]: await qrPng(WECOM_LIKE, 430, null) });
    const png = await qrCodeFile(
      t.ctx,
      { imageUrl: url, format: 'png', size: 344, logo: true, baseName: '门店/海报 A' },
      { fetch: f.fetch },
    );
    assert.equal(png.fileName, '门店_海报 A-344.png');
    assert.equal(png.contentType, 'image/png');
    assert.equal(await decodeQrImage(png.body), WECOM_LIKE);

    // With a logo URL in the settings, the SVG carries that logo (fetched through the same fetch).
    const logoUrl = 'https://cdn.example/logo.png';
    const red = await (await sharpLib())({ create: { width: 64, height: 64, channels: 3, background: '#e00' } })
      .png()
      .toBuffer();
    await access.updateSettings(t.ctx, { logoUrl });
    const withLogo = fakeFetch({ [url]: await qrPng(WECOM_LIKE, 430, null), [logoUrl]: red });
    const svg = await qrCodeFile(
      t.ctx,
      { imageUrl: url, format: 'svg', size: 1280, logo: true, baseName: '门店海报' },
      { fetch: withLogo.fetch },
    );
    assert.equal(svg.contentType, 'image/svg+xml');
    assert.equal(svg.fileName, '门店海报-1280.svg');
    const text = svg.body.toString('utf8');
    assert.ok(withLogo.calls.includes(logoUrl));
    assert.match(text, /<image [^>]*href="data:image\/png;base64,/);
    const expected = await brandLogo({ brandName: '拾光咖啡', logoUrl });
    assert.ok(text.includes(expected.toString('base64')));

    const plain = await qrCodeFile(
      t.ctx,
      { imageUrl: url, format: 'svg', size: 258, logo: false, baseName: 'x' },
      { fetch: withLogo.fetch },
    );
    assert.ok(!plain.body.toString('utf8').includes('<image'));
  });
});
