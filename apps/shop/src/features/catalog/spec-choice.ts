import type { ShopProduct } from '@siyu/contracts';

export type ShopSkuView = ShopProduct['skus'][number];
/** Attribute name → the value the shopper picked (attributes not picked yet are absent). */
export type SpecPick = Record<string, string>;
/** How a value chip shows: can be picked, every SKU with it sold out, or no SKU sold with it at all. */
export type OptionState = 'available' | 'sold_out' | 'unavailable';

type Specs = ShopProduct['specs'];

const matches = (sku: ShopSkuView, pick: SpecPick) => Object.entries(pick).every(([k, v]) => sku.spec[k] === v);

/**
 * The state of value `value` of attribute `name`, given what is picked for the other attributes:
 * available when some enabled SKU with it (and the other picks) has stock, sold out when such SKUs
 * exist but none has stock, unavailable when the merchant sells no such combination.
 */
export function optionState(skus: ShopSkuView[], pick: SpecPick, name: string, value: string): OptionState {
  const others = Object.fromEntries(Object.entries(pick).filter(([k]) => k !== name));
  const candidates = skus.filter((s) => s.spec[name] === value && matches(s, others));
  if (candidates.length === 0) return 'unavailable';
  return candidates.some((s) => s.available > 0) ? 'available' : 'sold_out';
}

/** The SKU the picks name, once every attribute is picked (a product without specs: its only SKU). */
export function pickedSku(specs: Specs, skus: ShopSkuView[], pick: SpecPick): ShopSkuView | null {
  if (specs.some((a) => pick[a.name] === undefined)) return null;
  return skus.find((s) => specs.every((a) => s.spec[a.name] === pick[a.name])) ?? null;
}

/** Picks to start with: an attribute with a single value that can be bought is picked already. */
export function initialPick(specs: Specs, skus: ShopSkuView[]): SpecPick {
  const pick: SpecPick = {};
  for (const a of specs) {
    const only = a.values.length === 1 ? a.values[0] : undefined;
    if (only !== undefined && optionState(skus, pick, a.name, only) === 'available') pick[a.name] = only;
  }
  return pick;
}

/** Picks after tapping a chip: tapping the picked value again un-picks it. */
export function togglePick(pick: SpecPick, name: string, value: string | undefined): SpecPick {
  const next = { ...pick };
  if (value === undefined || next[name] === value) delete next[name];
  else next[name] = value;
  return next;
}

/** The attributes still to pick, in display order ('杯型', '温度'). */
export const missingNames = (specs: Specs, pick: SpecPick) =>
  specs.filter((a) => pick[a.name] === undefined).map((a) => a.name);

/** Few units left: the detail page says "仅剩 N 件" at or below this. */
export const LOW_STOCK_HINT = 10;
