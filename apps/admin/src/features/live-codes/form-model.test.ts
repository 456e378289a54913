import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveCode, LiveCodeInput } from '@siyu/contracts';
import { EMPTY_VALUES, type LiveCodeValues, toBody, toValues } from './form-model';

const STAFF = 'stf_0000000000aaaaaaaaaaaaaaaa';
const UNIT = 'org_0000000000aaaaaaaaaaaaaaaa';
const TAG = 'tag_0000000000aaaaaaaaaaaaaaaa';

const filled: LiveCodeValues = {
  ...EMPTY_VALUES,
  name: '  静安寺店海报 ',
  description: ' ',
  members: [{ staffId: STAFF, weight: 3, dailyCap: 40 }, { weight: 1 }],
  departmentIds: [UNIT],
  distribution: 'weighted',
  backupStaffIds: [STAFF],
  scheduleOn: true,
  slots: [{ weekdays: [5, 1, 3], start: '09:00', end: '18:00' }],
  skipVerify: 'window',
  windowStart: '08:00',
  windowEnd: '22:00',
  tagIds: [TAG],
  remarkTemplate: '{渠道}-{昵称}',
  welcomeMode: 'custom',
  welcomeText: '你好{昵称}',
  attachments: [{ type: 'link', title: '新人礼', url: 'https://shop.example.com/gift', desc: '', picUrl: ' ' }],
};

describe('the live code form model', () => {
  it('turns the form into a body the contract accepts, leaving blank rows and texts out', () => {
    const body = toBody(filled);
    const parsed = LiveCodeInput.safeParse(body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(body.name, '静安寺店海报');
    assert.equal(body.description, null);
    assert.deepEqual(body.members, [{ staffId: STAFF, weight: 3, dailyCap: 40 }]);
    assert.deepEqual(body.schedule, { slots: [{ weekdays: [1, 3, 5], start: '09:00', end: '18:00' }] });
    assert.deepEqual(body.skipVerifyWindow, { start: '08:00', end: '22:00' });
    assert.deepEqual(body.welcome, {
      mode: 'custom',
      text: '你好{昵称}',
      attachments: [
        { type: 'link', title: '新人礼', url: 'https://shop.example.com/gift', desc: undefined, picUrl: undefined },
      ],
    });
  });

  it('sends no schedule, window or welcome text when they are switched off', () => {
    const body = toBody({ ...filled, scheduleOn: false, skipVerify: 'always', welcomeMode: 'default' });
    assert.equal(body.schedule, null);
    assert.equal(body.skipVerifyWindow, null);
    assert.deepEqual(body.welcome, { mode: 'default' });
  });

  it('fills the form from a code and gives the same body back', () => {
    const body = toBody(filled);
    const code = LiveCode.parse({
      ...body,
      id: 'lc_0000000000aaaaaaaaaaaaaaaa',
      members: body.members.map((m) => ({ ...m, staffName: '王雨桐', wecomUserId: 'wangyutong', addsToday: 0 })),
      state: 'lc_0000000000aaaaaa',
      configId: null,
      qrCodeUrl: null,
      currentWecomUserIds: [],
      routing: 'members',
      lastAppliedAt: null,
      lastError: null,
      totals: { adds: 0, netAdds: 0, today: 0 },
      createdAt: '2026-11-22T00:00:00.000Z',
      updatedAt: '2026-11-22T00:00:00.000Z',
    });
    assert.deepEqual(toBody(toValues(code)), body);
  });
});
