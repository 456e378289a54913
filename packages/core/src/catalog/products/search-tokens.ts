import { sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { indexTokens, queryTokens } from '../../platform';

/**
 * Search tokens of a product, weighted for ranking: title A, subtitle and tags B, category names C.
 * On top of the platform's tokens (jieba words, CJK bigrams, pinyin and initials of each run) every run
 * adds the pinyin and initials of each of its suffixes, so `natie` and `nt` find 冰拿铁咖啡 by prefix.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;

function pinyinSuffixes(text: string, out: Set<string>) {
  for (const run of text.normalize('NFKC').match(CJK) ?? []) {
    if (run.length < 2) continue;
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[];
    for (let i = 1; i < syllables.length; i++) {
      const rest = syllables.slice(i);
      out.add(rest.join(''));
      out.add(rest.map((s) => s[0]).join(''));
    }
  }
}

function tokensOf(fields: (string | null | undefined)[]) {
  const out = new Set(indexTokens(...fields));
  for (const f of fields) if (f) pinyinSuffixes(f, out);
  return [...out].filter((t) => t.length <= 60);
}

export type ProductText = { title: string; subtitle: string | null; tags: string[]; categoryNames: string[] };

/** The tsvector literal: each token once, at its best weight. */
export function productVectorText(p: ProductText): string {
  const weight = new Map<string, string>();
  const add = (tokens: string[], w: string) => {
    for (const t of tokens) if (!weight.has(t)) weight.set(t, w);
  };
  add(tokensOf([p.title]), 'A');
  add(tokensOf([p.subtitle, ...p.tags]), 'B');
  add(tokensOf(p.categoryNames), 'C');
  return [...weight].map(([t, w]) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}':1${w}`).join(' ');
}

export const productVector = (p: ProductText) => sql`${productVectorText(p)}::tsvector`;

/** The tsquery text of a shopper's query (every token must match; latin tokens by prefix), or null. */
export function productQueryText(q: string): string | null {
  const tokens = queryTokens(q.toLowerCase());
  if (!tokens.length) return null;
  return tokens
    .map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${/^[a-z0-9]+$/.test(t) ? ':*' : ''}`)
    .join(' & ');
}
