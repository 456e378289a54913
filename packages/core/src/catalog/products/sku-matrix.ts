import type { SkuInput, SpecAttribute } from '@siyu/contracts';
import { CATALOG_LIMITS } from '@siyu/contracts';
import { invalid } from '../../platform';

/** A SKU's identity: its combination as sorted `name=value` pairs (attribute order does not matter). */
export const specKey = (spec: Record<string, string>) =>
  Object.entries(spec)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('|');

/** The values in attribute order, e.g. '大杯 / 冰'. */
export const specText = (specs: SpecAttribute[], spec: Record<string, string>) =>
  specs.map((a) => spec[a.name] ?? '').join(' / ');

/** Every combination of the spec values, in display order (the first attribute varies slowest). */
export function combinations(specs: SpecAttribute[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const a of specs) out = out.flatMap((c) => a.values.map((v) => ({ ...c, [a.name]: v })));
  return out;
}

export type PlannedSku = SkuInput & { key: string; text: string; position: number };

/**
 * Checks that `skus` holds exactly one entry per combination of `specs` (400 on `skus.<i>.spec` or
 * on `skus`) and returns them in matrix order with their keys.
 */
export function planSkus(specs: SpecAttribute[], skus: SkuInput[]): PlannedSku[] {
  const combos = combinations(specs);
  if (combos.length > CATALOG_LIMITS.skusPerProduct)
    throw invalid('specs', `the spec values make ${combos.length} SKUs; at most ${CATALOG_LIMITS.skusPerProduct}`);
  const position = new Map(combos.map((c, i) => [specKey(c), i]));
  const seen = new Map<string, PlannedSku>();
  skus.forEach((s, i) => {
    const names = Object.keys(s.spec);
    const wrong = names.length !== specs.length || specs.some((a) => !a.values.includes(s.spec[a.name] ?? '\u0000'));
    if (wrong)
      throw invalid(
        `skus.${i}.spec`,
        specs.length
          ? `must name one value of each attribute (${specs.map((a) => a.name).join(', ')})`
          : 'must be {} for a product without specs',
      );
    const key = specKey(s.spec);
    if (seen.has(key)) throw invalid(`skus.${i}.spec`, 'this combination is listed twice');
    seen.set(key, { ...s, key, text: specText(specs, s.spec), position: position.get(key)! });
  });
  const missing = combos.filter((c) => !seen.has(specKey(c)));
  if (missing.length)
    throw invalid(
      'skus',
      `missing the combinations ${missing
        .slice(0, 5)
        .map((c) => specText(specs, c))
        .join('; ')}`,
    );
  return [...seen.values()].sort((a, b) => a.position - b.position);
}
