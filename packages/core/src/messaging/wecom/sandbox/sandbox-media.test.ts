/** media/upload in the sandbox: WeCom's checks and errcodes, and media_ids that expire after 3 days. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, MINUTE } from '../../../platform';
import { WecomError } from '../errors';
import { callbackHarness } from './sandbox.fixtures';

const CORP = 'wwmediatest00001';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
let h: Awaited<ReturnType<typeof callbackHarness>>;
before(async () => {
  h = await callbackHarness(CORP);
});
after(() => h.close());

const errcodeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof WecomError) return e.errcode;
    throw e;
  }
  return 0;
};

describe('sandbox media/upload', () => {
  it('takes a PNG as multipart and answers a media_id; refuses other types and sizes with WeCom’s codes', async () => {
    const up = await h.wecom.media.upload('image', { filename: 'a.png', contentType: 'image/png', data: PNG });
    assert.equal(up.type, 'image');
    assert.ok(h.sandbox.corp(CORP).media.get(up.media_id));
    const gif = Buffer.from('GIF89a-not-a-png');
    assert.equal(
      await errcodeOf(h.wecom.media.upload('image', { filename: 'a.gif', contentType: 'image/gif', data: gif })),
      40005,
    );
    assert.equal(
      await errcodeOf(
        h.wecom.media.upload('image', { filename: 'a.png', contentType: 'image/png', data: PNG.subarray(0, 4) }),
      ),
      40006,
    );
  });

  it('a welcome naming an unknown or 3-day-old media_id answers 40007', async () => {
    const up = await h.wecom.media.upload('image', { filename: 'a.png', contentType: 'image/png', data: PNG });
    const way = await h.wecom.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'media' });
    const card = (pic_media_id: string) => [
      {
        msgtype: 'miniprogram' as const,
        miniprogram: { title: 't', appid: 'wx1234567890abcdef', page: 'p', pic_media_id },
      },
    ];
    const s1 = await h.sandbox.simulate.scan(CORP, way.config_id, { name: '甲' });
    assert.equal(
      await errcodeOf(h.wecom.welcome.send({ welcome_code: s1.welcomeCode ?? '', attachments: card('unknown') })),
      40007,
    );
    await h.wecom.welcome.send({ welcome_code: s1.welcomeCode ?? '', attachments: card(up.media_id) });
    h.clock.advance(3 * DAY + MINUTE);
    const s2 = await h.sandbox.simulate.scan(CORP, way.config_id, { name: '乙' });
    assert.equal(
      await errcodeOf(h.wecom.welcome.send({ welcome_code: s2.welcomeCode ?? '', attachments: card(up.media_id) })),
      40007,
    );
  });
});
