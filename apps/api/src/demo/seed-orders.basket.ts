/**
 * What the demo's shoppers put in an order: a drink first (a regular's favourite most of the time),
 * bread with a morning coffee, dessert or cake in the afternoon, beans, drip bags and gift boxes by
 * express; the best sellers of a category (its first products) sell most; iced drinks in summer.
 */
export type Rng = ReturnType<typeof generator>;

/** mulberry32: small, fast and the same everywhere, with the draws the model needs. */
export function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  /** An item of `xs` with probability proportional to its weight. */
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let r = next() * xs.reduce((s, x) => s + x[1], 0);
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs.at(-1)![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}

/** A SKU the shop sells now: its product's category and rank in it (0 = the best seller). */
export type DemoSku = { skuId: string; productId: string; category: string; rank: number; specText: string };

export type Shelf = { byCategory: Map<string, DemoSku[][]> };

/** Groups SKUs by category, then by product (in rank order). */
export function shelfOf(skus: DemoSku[]): Shelf {
  const byCategory = new Map<string, Map<string, DemoSku[]>>();
  for (const s of skus) {
    const cat = byCategory.get(s.category) ?? new Map<string, DemoSku[]>();
    cat.set(s.productId, [...(cat.get(s.productId) ?? []), s]);
    byCategory.set(s.category, cat);
  }
  return {
    byCategory: new Map(
      [...byCategory].map(([c, products]) => [c, [...products.values()].sort((a, b) => a[0]!.rank - b[0]!.rank)]),
    ),
  };
}

const DRINKS = [
  ['咖啡', 70],
  ['茶饮', 20],
  ['季节限定', 10],
] as const;
const MORNING_SIDE = [
  ['面包', 65],
  ['甜点', 10],
  ['咖啡', 15],
  ['茶饮', 10],
] as const;
const AFTERNOON_SIDE = [
  ['甜点', 45],
  ['蛋糕', 15],
  ['面包', 20],
  ['茶饮', 10],
  ['咖啡', 10],
] as const;
const GOODS = [
  ['咖啡豆', 42],
  ['挂耳', 36],
  ['礼盒', 8],
  ['蛋糕', 8],
  ['周边', 6],
] as const;
/** Share of iced drinks by month (January first). */
const ICED = [0.2, 0.2, 0.3, 0.45, 0.6, 0.75, 0.85, 0.85, 0.7, 0.5, 0.3, 0.2];
const LINES = [
  [1, 45],
  [2, 33],
  [3, 15],
  [4, 7],
] as const;
/** A parcel holds fewer, dearer things. */
const PARCEL_LINES = [
  [1, 68],
  [2, 26],
  [3, 6],
] as const;

/** A product of the category: the best sellers most (weight 1 / (rank + 1)^0.9). */
function product(rng: Rng, shelf: Shelf, category: string) {
  const products = shelf.byCategory.get(category);
  if (!products?.length) return null;
  return rng.weighted(products.map((p, i) => [p, 1 / (i + 1) ** 0.9] as const));
}

/** A SKU of the product: drinks by season (iced or hot) and 中杯 over 大杯; others the smaller size mostly. */
function sku(rng: Rng, skus: DemoSku[], month: number): DemoSku {
  if (skus.some((s) => s.specText.includes('冰'))) {
    const temp = rng.chance(ICED[month]!) ? '冰' : '热';
    const size = rng.chance(0.62) ? '中杯' : '大杯';
    return skus.find((s) => s.specText.includes(temp) && s.specText.includes(size)) ?? rng.pick(skus);
  }
  return rng.weighted(skus.map((s, i) => [s, [60, 30, 10][i] ?? 5] as const));
}

function quantity(rng: Rng, category: string) {
  if (category === '面包' || category === '甜点') return rng.weighted(LINES.slice(0, 3));
  return rng.chance(0.88) ? 1 : rng.chance(0.85) ? 2 : 3;
}

/** The lines of one order. `favourite` is the shopper's usual drink; `goods`: a parcel order (beans, gifts). */
export function basket(
  rng: Rng,
  shelf: Shelf,
  o: { hour: number; month: number; goods: boolean; favourite: DemoSku[] | null },
) {
  const n = rng.weighted(o.goods ? PARCEL_LINES : LINES);
  const picks: { category: string; skus: DemoSku[] | null }[] = [];
  for (let i = 0; i < n; i++) {
    const category = o.goods
      ? rng.weighted(GOODS)
      : i === 0
        ? rng.weighted(DRINKS)
        : rng.weighted(o.hour < 11 ? MORNING_SIDE : AFTERNOON_SIDE);
    const mine = i === 0 && !o.goods && o.favourite && rng.chance(0.6) ? o.favourite : null;
    picks.push({ category, skus: mine ?? product(rng, shelf, category) });
  }
  const lines = new Map<string, number>();
  for (const p of picks) {
    if (!p.skus) continue;
    const s = sku(rng, p.skus, o.month);
    lines.set(s.skuId, (lines.get(s.skuId) ?? 0) + quantity(rng, p.category));
  }
  return [...lines].map(([skuId, q]) => ({ skuId, quantity: q }));
}

/** A regular's usual drink. */
export const favouriteDrink = (rng: Rng, shelf: Shelf) => product(rng, shelf, rng.weighted(DRINKS));
