/**
 * The demo tenant's catalog: 150 products of a coffee-and-bakery brand in 10 categories, drinks with
 * 杯型 × 温度 SKUs, beans and drip bags by 规格, cakes by 尺寸, and stock in the three stores (some of it
 * low, so the alert list has entries). Deterministic (a seeded generator); no images. Written
 * set-based through catalog.bulkLoadCatalog, one transaction: a first start stays quick.
 */
import * as access from '@siyu/core/access';
import * as catalog from '@siyu/core/catalog';
import { DAY, inTransaction, type Runtime } from '@siyu/core/platform';

type Kind = 'drink' | 'beans' | 'drip' | 'cake' | 'plain';
/** Category, kind, base price in fen, tags, products (title, subtitle). */
const CATALOG: [string, Kind, number, string[], [string, string][]][] = [
  [
    '咖啡',
    'drink',
    2200,
    ['咖啡', '现做'],
    [
      ['燕麦拿铁', '燕麦奶与双份浓缩，顺滑不腻'],
      ['生椰拿铁', '椰乳清甜，夏日人气'],
      ['桂花拿铁', '秋日桂香，温柔回甘'],
      ['经典拿铁', '牛奶与浓缩的经典比例'],
      ['美式', '深烘豆，醇厚干净'],
      ['冰美式', '一口清爽'],
      ['澳白', '更浓郁的奶咖'],
      ['卡布奇诺', '绵密奶泡'],
      ['焦糖玛奇朵', '焦糖香甜'],
      ['摩卡', '巧克力与咖啡'],
      ['冷萃', '12小时低温萃取'],
      ['手冲埃塞俄比亚', '花香果酸，单一产地'],
      ['西班牙拿铁', '炼乳风味'],
      ['海盐焦糖拿铁', '咸甜交织'],
      ['香草拿铁', '马达加斯加香草'],
    ],
  ],
  [
    '茶饮',
    'drink',
    1800,
    ['茶饮'],
    [
      ['柠檬红茶', '手打香水柠檬'],
      ['茉莉奶绿', '茉莉花香'],
      ['乌龙奶茶', '炭焙乌龙'],
      ['桃桃乌龙', '白桃果肉'],
      ['抹茶拿铁', '宇治抹茶'],
      ['伯爵奶茶', '佛手柑香气'],
      ['芝士奶盖绿茶', '咸香奶盖'],
      ['杨枝甘露', '芒果西柚'],
      ['葡萄冰茶', '整颗巨峰'],
      ['金桔柠檬', '酸甜解腻'],
      ['红豆奶茶', '蜜红豆'],
      ['焙茶拿铁', '日式焙茶'],
      ['蜂蜜柚子茶', '韩式柚子酱'],
      ['玫瑰荔枝茶', '花果香'],
      ['薄荷青柠气泡', '无咖啡因'],
    ],
  ],
  [
    '面包',
    'plain',
    1200,
    ['烘焙', '早餐'],
    [
      ['可颂', '法国AOP黄油'],
      ['巧克力可颂', '比利时黑巧'],
      ['肉桂卷', '现烤出炉'],
      ['碱水结', '德式传统'],
      ['原味贝果', '低油低糖'],
      ['芝麻贝果', '香脆芝麻'],
      ['法棍', '外脆内软'],
      ['全麦吐司', '高纤维'],
      ['牛奶吐司', '北海道风味'],
      ['菠萝包', '港式经典'],
      ['火腿芝士三明治', '早餐首选'],
      ['蔓越莓欧包', '酸甜果干'],
      ['核桃软欧', '坚果香'],
      ['抹茶红豆面包', '日式风味'],
      ['葱香肉松面包', '咸香可口'],
    ],
  ],
  [
    '蛋糕',
    'cake',
    3800,
    ['蛋糕', '生日'],
    [
      ['巴斯克芝士蛋糕', '焦香浓郁'],
      ['提拉米苏', '马斯卡彭与咖啡酒'],
      ['草莓奶油蛋糕', '当季草莓'],
      ['黑森林蛋糕', '樱桃酒香'],
      ['抹茶千层', '手工千层'],
      ['芒果千层', '台芒'],
      ['红丝绒蛋糕', '奶油奶酪霜'],
      ['栗子蒙布朗', '法式栗子泥'],
      ['纽约芝士蛋糕', '扎实浓郁'],
      ['胡萝卜蛋糕', '肉桂坚果'],
      ['柠檬挞蛋糕', '清新酸甜'],
      ['生巧蛋糕', '入口即化'],
      ['榴莲千层', '猫山王'],
      ['椰子蛋糕', '椰蓉奶油'],
      ['海盐奶盖蛋糕', '咸甜平衡'],
    ],
  ],
  [
    '甜点',
    'plain',
    1600,
    ['甜点', '下午茶'],
    [
      ['马卡龙', '六色礼盒装'],
      ['费南雪', '焦化黄油'],
      ['玛德琳', '柠檬风味'],
      ['蛋挞', '葡式酥皮'],
      ['布朗尼', '核桃黑巧'],
      ['司康', '配果酱奶油'],
      ['泡芙', '香草卡仕达'],
      ['曲奇', '手工黄油'],
      ['布丁', '焦糖鸡蛋布丁'],
      ['麻薯', '软糯Q弹'],
      ['舒芙蕾', '现做需等待'],
      ['闪电泡芙', '巧克力淋面'],
      ['奶冻', '低糖配方'],
      ['可露丽', '朗姆香草'],
      ['班戟', '芒果班戟'],
    ],
  ],
  [
    '咖啡豆',
    'beans',
    6800,
    ['咖啡豆', '自家烘焙'],
    [
      ['耶加雪菲', '埃塞俄比亚水洗，柑橘花香'],
      ['西达摩', '埃塞俄比亚日晒，莓果'],
      ['哥伦比亚慧兰', '焦糖坚果'],
      ['巴西喜拉多', '低酸巧克力'],
      ['云南保山小粒', '国产精品'],
      ['肯尼亚AA', '黑加仑明亮酸'],
      ['危地马拉安提瓜', '可可烟熏'],
      ['曼特宁', '苏门答腊草本'],
      ['巴拿马瑰夏', '茉莉花香'],
      ['拾光拼配·经典', '意式拼配'],
      ['拾光拼配·醇厚', '深烘拼配'],
      ['哥斯达黎加蜜处理', '红糖甜感'],
      ['卢旺达', '红茶感'],
      ['洪都拉斯', '均衡柔和'],
      ['低因咖啡豆', '瑞士水处理'],
    ],
  ],
  [
    '挂耳',
    'drip',
    3900,
    ['挂耳', '便携'],
    [
      ['耶加雪菲挂耳', '花果香'],
      ['哥伦比亚挂耳', '坚果巧克力'],
      ['曼特宁挂耳', '浓郁醇厚'],
      ['拼配挂耳', '日常口粮'],
      ['云南挂耳', '国产精品'],
      ['瑰夏挂耳', '稀有产区'],
      ['冷泡挂耳', '冷水可泡'],
      ['低因挂耳', '晚上也能喝'],
      ['肯尼亚挂耳', '明亮酸质'],
      ['巴西挂耳', '低酸顺口'],
      ['挂耳混合装', '多产区尝鲜'],
      ['深烘挂耳', '苦甜浓郁'],
      ['浅烘挂耳', '清爽果酸'],
      ['中烘挂耳', '平衡'],
      ['办公室挂耳', '大容量'],
    ],
  ],
  [
    '周边',
    'plain',
    5900,
    ['周边'],
    [
      ['随行杯', '双层保温'],
      ['陶瓷马克杯', '手工釉'],
      ['帆布袋', '品牌印花'],
      ['手冲壶', '细口不锈钢'],
      ['滤杯', 'V60同款'],
      ['磨豆机', '手摇锥刀'],
      ['咖啡秤', '计时计重'],
      ['玻璃分享壶', '耐热玻璃'],
      ['冷萃瓶', '大容量'],
      ['滤纸', '100张'],
      ['杯垫', '软木'],
      ['钥匙扣', '拾光小熊'],
      ['雨伞', '晴雨两用'],
      ['笔记本', '牛皮封面'],
      ['贴纸套装', '插画师联名'],
    ],
  ],
  [
    '礼盒',
    'plain',
    19800,
    ['礼盒', '送礼'],
    [
      ['中秋月饼礼盒', '流心奶黄'],
      ['咖啡豆礼盒', '三款精品豆'],
      ['挂耳礼盒', '30片装'],
      ['下午茶礼盒', '甜点组合'],
      ['新年礼盒', '限量包装'],
      ['生日礼盒', '蛋糕与蜡烛'],
      ['企业定制礼盒', '可印Logo'],
      ['手冲入门礼盒', '壶杯滤纸'],
      ['马卡龙礼盒', '12枚'],
      ['曲奇礼盒', '铁盒装'],
      ['端午礼盒', '咖啡粽'],
      ['圣诞礼盒', '姜饼人'],
      ['情人节礼盒', '巧克力'],
      ['感恩礼盒', '精选组合'],
      ['会员专享礼盒', '积分兑换'],
    ],
  ],
  [
    '季节限定',
    'drink',
    2600,
    ['季节限定', '新品'],
    [
      ['樱花拿铁', '春季限定'],
      ['青提冷萃', '夏季限定'],
      ['南瓜拿铁', '秋季限定'],
      ['热红酒风味咖啡', '冬季限定'],
      ['草莓拿铁', '当季草莓'],
      ['荔枝冷萃', '夏日果香'],
      ['栗子拿铁', '秋栗'],
      ['姜饼拿铁', '圣诞限定'],
      ['桃子气泡美式', '白桃气泡'],
      ['西瓜冰茶', '盛夏限定'],
      ['柿子拿铁', '秋日限定'],
      ['橙子美式', '冬日暖橙'],
      ['桂圆红枣拿铁', '温补'],
      ['杏仁拿铁', '坚果香'],
      ['黑糖珍珠拿铁', '手炒黑糖'],
    ],
  ],
];

const SPECS: Record<Kind, { name: string; values: string[] }[]> = {
  drink: [
    { name: '杯型', values: ['中杯', '大杯'] },
    { name: '温度', values: ['冰', '热'] },
  ],
  beans: [{ name: '规格', values: ['250g', '500g', '1kg'] }],
  drip: [{ name: '规格', values: ['7片装', '14片装'] }],
  cake: [{ name: '尺寸', values: ['6寸', '8寸'] }],
  plain: [],
};
/** Price step per value of the first attribute (fen), and weight in grams of packaged goods. */
const STEP: Record<Kind, number[]> = {
  drink: [0, 300],
  beans: [0, 5800, 10800],
  drip: [0, 3500],
  cake: [0, 8000],
  plain: [0],
};
const GRAMS: Partial<Record<Kind, number[]>> = { beans: [250, 500, 1000], drip: [70, 140] };

function generator(seed: number) {
  let a = seed;
  return (min: number, max: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

export async function seedDemoCatalog(rt: Runtime, slug: string) {
  const tenant = await access.getTenantBySlug(rt.db, slug);
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  if ((await catalog.listCategories(ctx)).items.length) return null; // seeded already
  const stores = (await access.listOrgUnits(ctx)).items.filter((u) => u.kind === 'store');
  const int = generator(20_261_122);
  const now = ctx.clock.now().getTime();
  const categories = CATALOG.map(([name], i) => ({ key: name, name, sort: i * 10 }));
  const products = CATALOG.flatMap(([category, kind, base, tags, items], c) =>
    items.map(([title, subtitle], i): catalog.LoadProduct => {
      const specs = SPECS[kind];
      const combos = catalog.combinations(specs);
      const price = base + int(-4, 6) * 100;
      const skus = combos.map((spec) => {
        const first = specs[0] ? specs[0].values.indexOf(spec[specs[0].name]!) : 0;
        const p = price + STEP[kind][first]!;
        return {
          spec,
          price: p,
          listPrice: i % 4 === 0 ? p + 500 : null,
          cost: Math.round(p * 0.35),
          barcode: `69${String(c * 100 + i).padStart(4, '0')}${String(combos.indexOf(spec)).padStart(2, '0')}`,
          weightGrams: GRAMS[kind]?.[first] ?? null,
        };
      });
      const low = i % 7 === 3; // a few products run low
      return {
        categoryKey: category,
        title,
        subtitle,
        tags: i < 3 ? [...tags, '热销'] : tags,
        status: i === 14 ? 'off_sale' : 'on_sale',
        sortWeight: 100 - i * 5,
        description: `<p>${subtitle}。</p><p>拾光咖啡烘焙 · ${category}</p>`,
        specs,
        skus,
        salesCount: int(0, 50) * (15 - i),
        createdAt: new Date(now - (c * 15 + i) * DAY),
        stock: stores.map((s) => ({ locationId: s.id, quantities: skus.map(() => (low ? int(0, 4) : int(8, 80))) })),
      };
    }),
  );
  return inTransaction(ctx, (tx) => catalog.bulkLoadCatalog(tx, { categories, products }));
}
