/**
 * The demo tenant's catalog: 150 products of a coffee-and-bakery brand in 10 categories, drinks with
 * 杯型 × 温度 SKUs, beans and drip bags by 规格, cakes by 尺寸, and stock in the three stores (some of it
 * low, so the alert list has entries). Deterministic (a seeded generator). Pictures are drawn, not
 * shipped: a gradient in each category's colours, uploaded like an operator's (so with its WebP
 * variants), as the cover of the category's products and its icon. Written set-based through
 * catalog.bulkLoadCatalog, one transaction: a first start stays quick.
 */
import * as access from '@siyu/core/access';
import * as catalog from '@siyu/core/catalog';
import { type Ctx, DAY, inTransaction, type Runtime } from '@siyu/core/platform';
import { CATALOG, GRAMS, SPECS, STEP } from './seed-catalog.data';

function generator(seed: number) {
  let a = seed;
  return (min: number, max: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

/** Two colours per category, in CATALOG's order: coffee browns, tea greens, bread gold, … */
const PALETTES: [string, string][] = [
  ['#d9b38c', '#6f4e37'],
  ['#cfe8c0', '#4f7942'],
  ['#f6d79b', '#c48a3a'],
  ['#fbd3dc', '#d46a84'],
  ['#e6d5f5', '#8e6bb8'],
  ['#c9a27e', '#3e2a1e'],
  ['#efe0c8', '#a67b5b'],
  ['#d4e2ee', '#5b7a99'],
  ['#f7c9b6', '#b5413b'],
  ['#ffe0b2', '#e07b39'],
];

/** One picture per category, uploaded through the catalog (so with its WebP sizes): ids by category index. */
async function drawCategoryPictures(ctx: Ctx) {
  const ids: string[] = [];
  for (const colours of PALETTES) {
    const bytes = await catalog.drawSampleImage(600, 600, colours, 'jpeg');
    ids.push((await catalog.uploadImage(ctx, bytes)).id);
  }
  return ids;
}

export async function seedDemoCatalog(rt: Runtime, slug: string) {
  const tenant = await access.getTenantBySlug(rt.db, slug);
  const ctx = rt.ctx({ tenantId: tenant.id, actor: { kind: 'system', name: 'seed' } });
  if ((await catalog.listCategories(ctx)).items.length) return null; // seeded already
  const stores = (await access.listOrgUnits(ctx)).items.filter((u) => u.kind === 'store');
  const int = generator(20_261_122);
  const now = ctx.clock.now().getTime();
  const pictures = await inTransaction(ctx, drawCategoryPictures);
  const categories = CATALOG.map(([name], i) => ({ key: name, name, sort: i * 10, iconImageId: pictures[i]! }));
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
        imageIds: [pictures[c]!],
        specs,
        skus,
        createdAt: new Date(now - (c * 15 + i) * DAY),
        stock: stores.map((s) => ({ locationId: s.id, quantities: skus.map(() => (low ? int(0, 4) : int(8, 80))) })),
      };
    }),
  );
  return inTransaction(ctx, (tx) => catalog.bulkLoadCatalog(tx, { categories, products }));
}
