import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Candidate, computeTarget } from './distribution';
import { inWindow, onDuty, skipVerifyAt } from './schedule';
import { renderTemplate, welcomePayload } from './templates';

const m = (staffId: string, weight = 1, dailyCap: number | null = null, addsToday = 0): Candidate => ({
  staffId,
  wecomUserId: staffId.toLowerCase(),
  weight,
  dailyCap,
  addsToday,
});

/** Runs `n` adds: each one goes to the list's only member, which then moves on. */
function sequence(distribution: 'round_robin' | 'sequential' | 'weighted', members: Candidate[], n: number) {
  let rotation = { current: null as string | null, weights: {} as Record<string, number> };
  let t = computeTarget({
    distribution,
    members,
    onDuty: true,
    backupUserIds: [],
    applied: [],
    rotation,
    afterAdd: false,
  });
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(t.userIds[0]!);
    rotation = t.rotation;
    t = computeTarget({
      distribution,
      members,
      onDuty: true,
      backupUserIds: [],
      applied: t.userIds,
      rotation,
      afterAdd: true,
    });
  }
  return out.join('');
}

describe('live code distribution', () => {
  it('round robin takes turns in order; sequential stays on the first until capped', () => {
    assert.equal(sequence('round_robin', [m('A'), m('B'), m('C')], 7), 'abcabca');
    assert.equal(sequence('sequential', [m('A'), m('B')], 3), 'aaa');
    const capped = computeTarget({
      distribution: 'sequential',
      members: [m('A', 1, 2, 2), m('B')],
      onDuty: true,
      backupUserIds: [],
      applied: ['a'],
      rotation: { current: 'A', weights: {} },
      afterAdd: false,
    });
    assert.deepEqual(capped.userIds, ['b']);
  });

  it('weighted is smooth weighted round robin: deterministic and proportional', () => {
    assert.equal(sequence('weighted', [m('A', 5), m('B', 1), m('C', 1)], 7), 'aabacaa');
    const s = sequence('weighted', [m('A', 3), m('B', 1)], 40);
    assert.equal([...s].filter((c) => c === 'a').length, 30);
    assert.equal(sequence('weighted', [m('A', 3), m('B', 1)], 4), 'aaba');
  });

  it('random puts every eligible member; capped members drop out', () => {
    const t = computeTarget({
      distribution: 'random',
      members: [m('A'), m('B', 1, 1, 1), m('C')],
      onDuty: true,
      backupUserIds: ['z'],
      applied: [],
      rotation: { current: null, weights: {} },
      afterAdd: true,
    });
    assert.deepEqual([t.userIds, t.routing], [['a', 'c'], 'members']);
  });

  it('nobody eligible: the backup staff; no backup either: the applied list is kept', () => {
    const base = {
      distribution: 'round_robin' as const,
      members: [m('A', 1, 1, 1)],
      onDuty: true,
      applied: ['a'],
      rotation: { current: 'A', weights: {} },
      afterAdd: false,
    };
    assert.deepEqual(computeTarget({ ...base, backupUserIds: ['z', 'z'] }).userIds, ['z']);
    const kept = computeTarget({ ...base, backupUserIds: [] });
    assert.deepEqual([kept.userIds, kept.routing], [['a'], 'kept']);
    const off = computeTarget({ ...base, members: [m('A')], onDuty: false, backupUserIds: ['z'] });
    assert.deepEqual([off.userIds, off.routing], [['z'], 'backup']);
  });
});

describe('live code schedule and templates', () => {
  const tz = 'Asia/Shanghai';
  it('working hours and windows in the tenant zone (windows may wrap midnight)', () => {
    const schedule = { slots: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }] };
    assert.equal(onDuty(schedule, new Date('2030-01-07T02:00:00Z'), tz), true); // Mon 10:00
    assert.equal(onDuty(schedule, new Date('2030-01-07T10:00:00Z'), tz), false); // Mon 18:00
    assert.equal(onDuty(schedule, new Date('2030-01-05T02:00:00Z'), tz), false); // Sat 10:00
    assert.equal(onDuty(null, new Date(), tz), true);
    assert.equal(inWindow({ start: '22:00', end: '06:00' }, '23:30'), true);
    assert.equal(inWindow({ start: '22:00', end: '06:00' }, '12:00'), false);
    assert.equal(skipVerifyAt('window', { start: '09:00', end: '12:00' }, new Date('2030-01-07T05:00:00Z'), tz), false);
    assert.equal(skipVerifyAt('always', null, new Date(), tz), true);
  });

  it('renders the variables and builds the welcome, the group code QR last and always fitting', () => {
    const v = { nickname: '小王', channel: '静安店', staff: '王雨桐', date: '2030-01-07' };
    assert.equal(renderTemplate('{昵称}@{渠道} {员工} {日期} {其他}', v), '小王@静安店 王雨桐 2030-01-07 {其他}');
    const nine = Array.from({ length: 9 }, (_, i) => ({ type: 'image' as const, url: `https://x.test/${i}.png` }));
    const p = welcomePayload(
      { text: '你好{昵称}', attachments: nine },
      v,
      { name: '群', qrCodeUrl: 'https://q/1.png' },
      9,
    );
    assert.equal(p?.text?.content, '你好小王');
    assert.equal(p?.attachments?.length, 9);
    assert.deepEqual(p?.attachments?.at(-1), { msgtype: 'image', image: { pic_url: 'https://q/1.png' } });
    assert.equal(welcomePayload({ text: ' ', attachments: [] }, v, null, 9), null);
  });
});
