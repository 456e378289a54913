/**
 * Mini-program cards in welcome messages: WeCom wants the cover as `pic_media_id`, so the picture is
 * uploaded once (media/upload, multipart) and its media_id reused; a cover that is not a JPG/PNG
 * leaves the card out and the rest of the welcome still goes.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { corp, LC, listenWithSandbox, liveCodeTenant, scan } from './live-codes.fixtures';
import { ok } from './tags.fixtures';

listenWithSandbox();

// a 1×1 PNG, and a GIF (WeCom takes only JPG and PNG images)
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const hits: string[] = [];
let base = '';
const pictures = http.createServer((req, res) => {
  hits.push(req.url ?? '');
  const body = req.url === '/cover.gif' ? GIF : PNG;
  res.writeHead(200, { 'content-type': req.url === '/cover.gif' ? 'image/gif' : 'image/png' });
  res.end(body);
});
before(async () => {
  await new Promise<void>((r) => pictures.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => pictures.close(() => r())));

const card = (picUrl: string) => ({
  type: 'miniprogram',
  title: '拾光咖啡小程序',
  appid: 'wx1234567890abcdef',
  page: 'pages/index/index',
  picUrl,
});

describe('welcome messages with a mini-program card', () => {
  it('uploads the cover once as WeCom media and sends its media_id; the next welcome reuses it', async () => {
    const o = await liveCodeTenant(['wangyutong']);
    const code = ok(
      await o.agent.post(LC, {
        name: '小程序活码',
        members: [{ staffId: o.staff.wangyutong }],
        welcome: { mode: 'custom', text: '欢迎{昵称}', attachments: [card(`${base}/cover.png`)] },
      }),
      201,
    );
    hits.length = 0;
    const first = await scan(o, code.configId, '小程序顾客甲');
    const w1 = corp().welcomes.find((w) => w.external_userid === first.externalUserid);
    const a1 = w1?.attachments[0];
    assert.equal(a1?.msgtype, 'miniprogram');
    if (a1?.msgtype !== 'miniprogram') return;
    assert.equal(a1.miniprogram.appid, 'wx1234567890abcdef');
    const media = corp().media.get(a1.miniprogram.pic_media_id);
    assert.ok(media, 'the media_id is one the sandbox issued');
    assert.equal(media.type, 'image');
    assert.equal(media.size, PNG.length);

    const second = await scan(o, code.configId, '小程序顾客乙');
    const a2 = corp().welcomes.find((w) => w.external_userid === second.externalUserid)?.attachments[0];
    assert.equal(a2?.msgtype === 'miniprogram' && a2.miniprogram.pic_media_id, a1.miniprogram.pic_media_id);
    assert.deepEqual(hits, ['/cover.png'], 'the picture was fetched once');
  });

  it('leaves out a card whose cover WeCom would refuse (not JPG/PNG); the text still goes', async () => {
    const o = await liveCodeTenant(['lijiayi']);
    const code = ok(
      await o.agent.post(LC, {
        name: '动图活码',
        members: [{ staffId: o.staff.lijiayi }],
        welcome: { mode: 'custom', text: '你好{昵称}', attachments: [card(`${base}/cover.gif`)] },
      }),
      201,
    );
    const s = await scan(o, code.configId, '动图顾客');
    const w = corp().welcomes.find((x) => x.external_userid === s.externalUserid);
    assert.equal(w?.text, '你好动图顾客');
    assert.deepEqual(w?.attachments, []);
  });
});
