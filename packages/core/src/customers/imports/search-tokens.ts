/** Search tokens of customers written in bulk: the same as profiles.repo refreshSearch computes. */
import { indexTokens } from '../../platform';

/**
 * Tokens of names and nicknames, remembered: word segmentation and pinyin cost ~50 µs a name, and
 * names repeat (张伟…). Tokens are per field, so the union over fields is what indexTokens gives.
 */
const NAME_TOKENS = new Map<string, string[]>();
function nameTokens(v: unknown): string[] {
  if (typeof v !== 'string' || !v) return [];
  let t = NAME_TOKENS.get(v);
  if (!t) {
    if (NAME_TOKENS.size >= 50_000) NAME_TOKENS.clear();
    t = indexTokens(v);
    NAME_TOKENS.set(v, t);
  }
  return t;
}

/** Computes the name tokens of rows ahead (the import does it while the previous chunk is written). */
export const warmSearchTokens = (inputs: { attributes: { name?: string; nickname?: string } }[]) => {
  for (const i of inputs) {
    nameTokens(i.attributes.name);
    nameTokens(i.attributes.nickname);
  }
};

/** The search tokens of profiles.repo refreshSearch: name, nickname, phone, email, owners' remarks. */
export const tokensOf = (v: Partial<Record<string, unknown>>, remarks: (string | null)[] = []) => [
  ...new Set([
    ...nameTokens(v.name),
    ...nameTokens(v.nickname),
    ...indexTokens(v.phone as string, (v.email as string | null)?.split('@')[0], ...remarks),
  ]),
];
