import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compilePlan,
  convertRow,
  type FieldDef,
  normalizeDate,
  normalizeHeader,
  rawOf,
  suggestMapping,
} from './mapping';

const DEFS: FieldDef[] = [
  { key: 'level', label: '会员等级', type: 'single', options: ['金卡', '银卡'] },
  { key: 'points', label: '积分', type: 'number', options: [] },
  { key: 'hobbies', label: '爱好', type: 'multi', options: ['咖啡', '烘焙', '阅读'] },
];

describe('column mapping', () => {
  it('suggests fields from Chinese and English headers and custom field labels, each target once', () => {
    const cols = ['姓名', '手机号（必填）', 'E-mail', '性别', '出生日期', '客户标签', '会员等级', '备注', 'Phone'];
    assert.deepEqual(suggestMapping(cols, DEFS), {
      姓名: 'name',
      '手机号（必填）': 'phone',
      'E-mail': 'email',
      性别: 'gender',
      出生日期: 'birthday',
      客户标签: 'tags',
      会员等级: 'custom:level',
      备注: null,
      Phone: null,
    });
    assert.equal(normalizeHeader(' *手机 号 (mobile) '), '手机号');
  });

  it('refuses mappings to unknown columns, twice-mapped targets, unknown custom fields and no identity', () => {
    const cols = ['姓名', '手机', '标签', '标签2'];
    assert.throws(() => compilePlan(cols, { 电话: 'phone' }, DEFS), /mapping\.电话: is not a column/);
    assert.throws(() => compilePlan(cols, { 姓名: 'name', 手机: 'name' }, DEFS), /mapped from two columns/);
    assert.throws(() => compilePlan(cols, { 手机: 'phone', 姓名: 'custom:nope' }, DEFS), /no custom field nope/);
    assert.throws(() => compilePlan(cols, { 姓名: 'name' }, DEFS), /map a column to phone/);
    const plan = compilePlan(cols, { 手机: 'phone', 标签: 'tags', 标签2: 'tags' }, DEFS);
    assert.equal(plan.targets.filter(Boolean).length, 3);
  });

  it('wants the namespace of an openid, a WeCom external user id or a platform buyer id, naming the column', () => {
    const cols = ['openid', '企微ID', '买家', '会员号'];
    for (const [col, kind, what] of [
      ['openid', 'openid', 'app id'],
      ['企微ID', 'wecom_external', 'corp id'],
      ['买家', 'platform_buyer', 'platform'],
    ] as const)
      assert.throws(
        () => compilePlan(cols, { [col]: `identity:${kind}` }, DEFS),
        (e: Error & { details?: { issues: { path: string; message: string }[] } }) => {
          assert.equal(e.details?.issues[0]?.path, `mapping.${col}`);
          assert.match(e.details!.issues[0]!.message, new RegExp(`${kind} needs its ${what}`));
          return true;
        },
      );
    const plan = compilePlan(
      cols,
      {
        openid: 'identity:openid:wx123',
        企微ID: 'identity:wecom_external:ww456',
        买家: 'identity:platform_buyer:taobao',
        会员号: 'identity:shop_account',
      },
      DEFS,
    );
    assert.deepEqual(plan.targets, [
      { kind: 'identity', identity: 'openid', namespace: 'wx123' },
      { kind: 'identity', identity: 'wecom_external', namespace: 'ww456' },
      { kind: 'identity', identity: 'platform_buyer', namespace: 'taobao' },
      { kind: 'identity', identity: 'shop_account', namespace: '' },
    ]);
    const r = convertRow(plan, 2, ['o_1', 'wm_2', 'b_3', 'acc_4']);
    assert.ok('row' in r);
    assert.deepEqual(r.row.identities, [
      { kind: 'openid', namespace: 'wx123', value: 'o_1' },
      { kind: 'wecom_external', namespace: 'ww456', value: 'wm_2' },
      { kind: 'platform_buyer', namespace: 'taobao', value: 'b_3' },
      { kind: 'shop_account', namespace: '', value: 'acc_4' },
    ]);
  });
});

describe('row conversion', () => {
  const cols = ['姓名', '手机', '邮箱', '性别', '生日', '标签', '等级', '积分', '爱好', 'openid', '来源'];
  const plan = compilePlan(
    cols,
    {
      姓名: 'name',
      手机: 'phone',
      邮箱: 'email',
      性别: 'gender',
      生日: 'birthday',
      标签: 'tags',
      等级: 'custom:level',
      积分: 'custom:points',
      爱好: 'custom:hobbies',
      openid: 'identity:openid:wx123',
      来源: 'source',
    },
    DEFS,
  );

  it('normalises forgiving input into resolve input', () => {
    const r = convertRow(plan, 2, [
      ' 张三 ',
      '+86 138-0013-8000',
      'Zhang@Example.COM',
      '女',
      '1990年1月2日',
      'VIP、老客,VIP',
      '金卡',
      '1,200',
      '咖啡；阅读',
      'o_abc',
      '门店',
    ]);
    assert.ok('row' in r, JSON.stringify(r));
    assert.deepEqual(r.row, {
      rowNo: 2,
      identities: [
        { kind: 'phone', value: '13800138000' },
        { kind: 'email', value: 'zhang@example.com' },
        { kind: 'openid', namespace: 'wx123', value: 'o_abc' },
      ],
      attributes: { name: '张三', email: 'zhang@example.com', gender: 'female', birthday: '1990-01-02' },
      custom: { level: '金卡', points: 1200, hobbies: ['咖啡', '阅读'] },
      tags: ['VIP', '老客'],
      source: '门店',
    });
  });

  it('reports every bad field of a row by its column, and a row without any identity', () => {
    const r = convertRow(plan, 7, [
      '',
      '12345',
      'not-mail',
      '?',
      '1990-02-30',
      'x'.repeat(31),
      '铜卡',
      'abc',
      '游泳',
      '',
      '',
    ]);
    assert.ok('errors' in r);
    assert.deepEqual(
      r.errors.map((e) => e.field),
      ['手机', '邮箱', '性别', '生日', '标签', '等级', '积分', '爱好'],
    );
    assert.match(r.errors[0]!.message, /11-digit/);
    assert.match(r.errors[3]!.message, /exists/);
    const empty = convertRow(plan, 8, ['李四']);
    assert.deepEqual('errors' in empty && empty.errors, [
      { field: '手机', message: 'is empty: a row needs a phone, email, unionid or another identity' },
    ]);
  });

  it('reads dates as people write them', () => {
    for (const [v, want] of [
      ['1990-1-2', '1990-01-02'],
      ['1990/01/02', '1990-01-02'],
      ['1990.1.2', '1990-01-02'],
      ['19900102', '1990-01-02'],
      ['32875', '1990-01-02'],
      ['1990-01-02T00:00:00.000Z', '1990-01-02'],
    ])
      assert.equal(normalizeDate(v!), want, v);
  });

  it('keeps extra cells of a long row in the report', () => {
    assert.deepEqual(rawOf(['a', 'b'], ['1', '2', '3']), { a: '1', b: '2', '+1': '3' });
    assert.deepEqual(rawOf(['a', 'b'], ['1']), { a: '1', b: '' });
  });
});
