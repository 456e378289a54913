/**
 * The demo tenant's customers: about 5,000 people of a Shanghai coffee-and-bakery brand, with Chinese
 * names, phones, birthdays, regions, sources, stores and owners, tags, and twelve months of timeline.
 * Deterministic: a seeded generator, so every install shows the same people (dates are relative to
 * the clock, so the timeline always ends today). Phones are the block 199 0000 0000–199 0000 4999,
 * kept for the demo; in demo mode SMS goes to the sandbox only. Written set-based (resolveCustomersBatch,
 * recordEvents without announcing): a first start stays quick.
 */
import * as access from '@siyu/core/access';
import * as customers from '@siyu/core/customers';
import { DAY, inTransaction, type Runtime } from '@siyu/core/platform';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤';
const MALE = '伟强磊军洋勇杰涛明超浩宇轩博俊鹏辉鑫晨然峰斌彬哲睿昊翔凯天瑞泽文';
const FEMALE = '芳娜敏静丽婷雪琳颖欣怡佳萱涵梦悦瑶雨思琪晓玥诗菲嘉宁薇露妍蕾';
const NICKNAMES = [
  '咖啡不加糖',
  'Momo',
  '小鹿',
  '阿杰',
  'Sunny',
  '晴天',
  'Lucky',
  '橙子',
  '木木',
  'Coco',
  '一只猫',
  '早安拿铁',
  'Leo',
  '豆豆',
  '七七',
  '慢慢',
  'Yuki',
  '大橘',
];
/** Province, weight, city, districts. */
const REGIONS: [string, number, string, string[]][] = [
  ['上海市', 62, '上海市', ['静安区', '徐汇区', '浦东新区', '黄浦区', '长宁区', '闵行区', '杨浦区', '普陀区']],
  ['江苏省', 9, '苏州市', ['姑苏区', '工业园区', '吴中区']],
  ['江苏省', 5, '南京市', ['鼓楼区', '玄武区', '建邺区']],
  ['浙江省', 9, '杭州市', ['西湖区', '上城区', '滨江区']],
  ['浙江省', 3, '宁波市', ['鄞州区', '海曙区']],
  ['北京市', 6, '北京市', ['朝阳区', '海淀区', '东城区']],
  ['广东省', 6, '深圳市', ['南山区', '福田区']],
];
/** Source channel, weight, whether it happens in a store. */
const SOURCES: [string, number, boolean][] = [
  ['门店扫码', 30, true],
  ['企微活码', 18, true],
  ['小程序商城', 16, false],
  ['美团', 9, false],
  ['大众点评', 7, false],
  ['老客推荐', 8, true],
  ['抖音', 7, false],
  ['线下活动', 5, true],
];
const PRODUCTS = [
  '燕麦拿铁',
  '生椰拿铁',
  '桂花拿铁',
  '美式',
  '澳白',
  '冷萃',
  '手冲埃塞俄比亚',
  '可颂',
  '肉桂卷',
  '巴斯克芝士蛋糕',
  '碱水结',
  '贝果',
];
const SEARCHES = ['拿铁', '燕麦', '蛋糕', '低糖', '早餐套餐', '咖啡豆', '生日蛋糕', '下午茶'];
const COUPONS = ['新人立减10元', '第二杯半价', '生日月免费蛋糕', '周末烘焙8折'];
const TAG_GROUPS = [
  {
    name: '客户价值',
    selectMode: 'single' as const,
    tags: [
      ['高价值', '#f5222d'],
      ['潜力客户', '#fa8c16'],
      ['普通客户', '#8c8c8c'],
    ],
  },
  {
    name: '口味偏好',
    selectMode: 'multi' as const,
    tags: [
      ['咖啡爱好者', '#874d00'],
      ['烘焙爱好者', '#d48806'],
      ['手冲控', '#5b8c00'],
      ['燕麦奶', '#13c2c2'],
      ['低糖', '#2f54eb'],
      ['下午茶', '#eb2f96'],
    ],
  },
  {
    name: '会员',
    selectMode: 'multi' as const,
    tags: [
      ['储值会员', '#722ed1'],
      ['生日月', '#cf1322'],
      ['企业客户', '#096dd9'],
    ],
  },
];

/** mulberry32: small, fast and the same everywhere. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(next() * xs.length)] as T;
  const weighted = <T extends readonly [unknown, number, ...unknown[]]>(xs: T[]): T => {
    let r = next() * xs.reduce((s, x) => s + x[1], 0);
    for (const x of xs) {
      r -= x[1];
      if (r < 0) return x;
    }
    return xs.at(-1)!;
  };
  return { next, int, pick, weighted };
}
type Rng = ReturnType<typeof generator>;

const pad = (n: number) => String(n).padStart(2, '0');

function person(rng: Rng, i: number, now: Date, stores: string[]) {
  const g = rng.next();
  const gender = g < 0.47 ? 'male' : g < 0.98 ? 'female' : 'unknown';
  const pool = gender === 'male' ? MALE : gender === 'female' ? FEMALE : MALE + FEMALE;
  const name = rng.pick<string>(SURNAMES) + rng.pick<string>(pool) + (rng.next() < 0.65 ? rng.pick<string>(pool) : '');
  const year = Math.round(1992 + (rng.next() + rng.next() + rng.next() - 1.5) * 14);
  const month = rng.int(1, 12);
  const [province, , city, districts] = rng.weighted(REGIONS);
  const [source, , inStore] = rng.weighted(SOURCES);
  const age = rng.next() ** 0.8 * 365; // a little more growth lately
  const createdAt = new Date(now.getTime() - age * DAY - rng.int(0, 86_399) * 1000);
  return {
    i,
    gender,
    name,
    nickname: rng.next() < 0.4 ? rng.pick(NICKNAMES) : undefined,
    phone: `1990000${String(i).padStart(4, '0')}`,
    birthday: rng.next() < 0.85 ? `${year}-${pad(month)}-${pad(rng.int(1, 28))}` : undefined,
    province,
    city,
    district: rng.pick(districts),
    source,
    storeIndex: inStore && stores.length ? rng.int(0, stores.length - 1) : null,
    createdAt,
    level: rng.weighted([
      ['高价值', 10],
      ['潜力客户', 30],
      ['普通客户', 60],
    ] as [string, number][])[0],
    likes: [...new Set([rng.pick(TAG_GROUPS[1]!.tags)[0]!, rng.pick(TAG_GROUPS[1]!.tags)[0]!])].slice(0, rng.int(0, 2)),
    member: rng.next() < 0.15 ? ['储值会员'] : [],
  };
}
type Person = ReturnType<typeof person>;

function timeline(rng: Rng, p: Person, customerId: string, now: Date, storeName: string | null) {
  const level = rng.next();
  const n = level < 0.2 ? rng.int(0, 2) : level < 0.8 ? rng.int(3, 10) : rng.int(11, 30);
  const span = now.getTime() - p.createdAt.getTime();
  const events: Parameters<typeof customers.recordEvents>[1] = [];
  for (let k = 0; k < n; k++) {
    const occurredAt = new Date(p.createdAt.getTime() + rng.next() * span);
    const product = rng.pick(PRODUCTS);
    const roll = rng.next();
    const [type, properties] =
      roll < 0.3
        ? ['product.viewed', { product }]
        : roll < 0.45
          ? ['page.viewed', { path: `/shop/t/demo${rng.pick(['', '/me', '/coupons'])}`, title: '拾光咖啡' }]
          : roll < 0.57
            ? ['search.performed', { q: rng.pick(SEARCHES) }]
            : roll < 0.72
              ? ['cart.added', { product, quantity: rng.int(1, 3) }]
              : roll < 0.8
                ? ['share.sent', { product, to: 'wechat' }]
                : roll < 0.9
                  ? ['coupon.claimed', { coupon: rng.pick(COUPONS) }]
                  : storeName
                    ? ['checkin.done', { store: storeName }]
                    : ['product.viewed', { product }];
    events.push({ customerId, type, properties, occurredAt, source: 'demo', idempotencyKey: `demo:${p.i}:${k}` });
  }
  return events;
}

async function ensureTagGroups(ctx: Parameters<typeof customers.createTagGroup>[0]) {
  const existing = new Set((await customers.listTagGroups(ctx)).items.map((g: { name: string }) => g.name));
  for (const [sort, g] of TAG_GROUPS.entries()) {
    if (existing.has(g.name)) continue;
    const group = await customers.createTagGroup(ctx, { name: g.name, selectMode: g.selectMode, sort });
    for (const [i, [name, color]] of g.tags.entries())
      await customers.createTag(ctx, { groupId: group.id, name: name!, color, sort: i });
  }
}

/** Adds the demo customers to the tenant `slug`. Running it again adds nothing: same phones, same event keys. */
export async function seedDemoCustomers(rt: Runtime, slug: string, count = 5000): Promise<number> {
  const tenant = await access.getTenantBySlug(rt.db, slug);
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  const now = ctx.clock.now();
  const units = (await access.listOrgUnits(ctx)).items.filter((u) => u.kind === 'store');
  const staff = (await access.listStaff(ctx, { limit: 200 })).items;
  const sellersOf = units.map((u) => staff.filter((s) => s.orgUnitIds.includes(u.id)).map((s) => s.id));
  await ensureTagGroups(ctx);
  const rng = generator(20_260_101);
  const people = Array.from({ length: count }, (_, i) =>
    person(
      rng,
      i,
      now,
      units.map((u) => u.id),
    ),
  );
  let created = 0;
  for (let i = 0; i < people.length; i += 1000) {
    const part = people.slice(i, i + 1000);
    await inTransaction(ctx, async (tx) => {
      const outcomes = await customers.resolveCustomersBatch(
        tx,
        part.map((p) => ({
          identities: [{ kind: 'phone' as const, value: p.phone }],
          attributes: {
            name: p.name,
            nickname: p.nickname,
            gender: p.gender as 'male',
            birthday: p.birthday,
            province: p.province,
            city: p.city,
            district: p.district,
            storeId: p.storeIndex === null ? undefined : units[p.storeIndex]!.id,
          },
          tags: [
            p.level,
            ...p.likes,
            ...p.member,
            ...(p.birthday?.slice(5, 7) === pad(now.getMonth() + 1) ? ['生日月'] : []),
          ],
          source: p.source,
          createdAt: p.createdAt,
        })),
        { update: 'fill', tagGroup: '客户价值', addedBy: null },
      );
      created += outcomes.filter((o) => o.outcome === 'created').length;
      const owners = part.flatMap((p, k) => {
        const sellers = p.storeIndex === null ? [] : (sellersOf[p.storeIndex] ?? []);
        return sellers.length && rng.next() < 0.8
          ? [{ customerId: outcomes[k]!.customerId, staffId: rng.pick(sellers), at: p.createdAt }]
          : [];
      });
      await customers.assignPrimaryOwners(tx, owners);
      const events = part.flatMap((p, k) =>
        timeline(rng, p, outcomes[k]!.customerId, now, p.storeIndex === null ? null : units[p.storeIndex]!.name),
      );
      await customers.recordEvents(tx, events, { announce: false });
    });
  }
  return created;
}
