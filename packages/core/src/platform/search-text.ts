import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/**
 * Chinese-aware search, the same on PGlite and PostgreSQL: text is turned into tokens here —
 * jieba search-mode words, CJK bigrams (so part of a word matches), single characters of short
 * runs (names), pinyin and pinyin initials (natie / nt find 拿铁), latin words and phone tails —
 * and stored as a `tsvector` built with array_to_tsvector (no server-side parser), under a GIN index.
 */
let jieba: Jieba | null = null;
const seg = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const WORD = /[a-z0-9]+/g;

function cjkTokens(run: string, out: Set<string>, forQuery: boolean) {
  if (!forQuery) for (const w of seg().cutForSearch(run, true)) if (w.trim()) out.add(w);
  if (run.length === 1 || (!forQuery && run.length <= 4)) for (const ch of run) out.add(ch);
  for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  if (forQuery) return;
  const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[];
  out.add(syllables.join(''));
  out.add(syllables.map((s) => s[0]).join(''));
  for (const s of syllables) out.add(s);
}

function latinTokens(text: string, out: Set<string>, forQuery: boolean) {
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    out.add(w);
    if (!forQuery && /^\d{7,}$/.test(w)) out.add(w.slice(-4)); // phone tails
  }
}

/** Tokens stored for a document (any number of fields). */
export function indexTokens(...fields: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const f of fields) {
    if (!f) continue;
    const text = f.normalize('NFKC');
    for (const run of text.match(CJK) ?? []) cjkTokens(run, out, false);
    latinTokens(text, out, false);
  }
  return [...out].filter((t) => t.length <= 60);
}

/** Tokens a query must all match: bigrams (or the character) of CJK runs, latin words as typed. */
export function queryTokens(q: string): string[] {
  const out = new Set<string>();
  const text = q.normalize('NFKC');
  for (const run of text.match(CJK) ?? []) cjkTokens(run, out, true);
  latinTokens(text, out, true);
  return [...out].slice(0, 16);
}

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The value to store in a tsvector column. */
export const toSearchVector = (tokens: string[]) =>
  sql`array_to_tsvector(array(select jsonb_array_elements_text(${JSON.stringify(tokens.filter(Boolean))}::jsonb)))`;

/** A condition matching documents that hold every query token (prefix match for latin tokens). */
export function matchesQuery(column: unknown, q: string) {
  const tokens = queryTokens(q);
  if (!tokens.length) return undefined;
  const quoted = tokens.map((t) => `'${t.replace(/['\\]/g, (c) => `\\${c}`)}'${/^[a-z0-9]+$/.test(t) ? ':*' : ''}`);
  return sql`${column} @@ ${quoted.join(' & ')}::tsquery`;
}
