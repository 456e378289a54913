import { CATALOG_LIMITS } from '@siyu/contracts';
import { getSettings } from '../../access';
import { type Ctx, dayIn } from '../../platform';
import { addSearchCounts } from './hot-words.repo';

/**
 * How often each keyword is searched, for the hot words. A search adds to a per-tenant tally in this
 * process; the tally goes to `catalog_search_counts` (one upsert of all its keywords) at most every
 * `searchCountFlushSeconds` or when `searchCountFlushKeywords` keywords wait, and before hot words are
 * read. So the search path never waits on a hot row. Counts of a process that stops before writing are
 * lost: they are a popularity signal, not a ledger.
 */
type Tally = { words: Map<string, number>; since: number };
const tallies = new Map<string, Tally>();

/** The form a keyword is counted under: trimmed, inner spaces collapsed, latin letters in lower case. */
export const keywordOf = (q: string) => q.trim().replace(/\s+/g, ' ').toLowerCase();

/** Counts one search (call it only for a first page that found something). */
export function countSearch(ctx: Ctx, q: string) {
  const word = keywordOf(q);
  if (!word || word.length > CATALOG_LIMITS.hotWordChars) return;
  const now = ctx.clock.now().getTime();
  let tally = tallies.get(ctx.tenantId);
  if (!tally) {
    tally = { words: new Map(), since: now };
    tallies.set(ctx.tenantId, tally);
  }
  tally.words.set(word, (tally.words.get(word) ?? 0) + 1);
  const due =
    now - tally.since >= CATALOG_LIMITS.searchCountFlushSeconds * 1000 ||
    tally.words.size >= CATALOG_LIMITS.searchCountFlushKeywords;
  if (due)
    flushSearchCounts(ctx).catch((err) => ctx.log.warn({ err, tenantId: ctx.tenantId }, 'search counts not written'));
}

/** Writes the tenant's waiting counts under today's date in the tenant's time zone. */
export async function flushSearchCounts(ctx: Ctx) {
  const tally = tallies.get(ctx.tenantId);
  if (!tally?.words.size) return;
  tallies.delete(ctx.tenantId);
  const day = dayIn(ctx.clock.now(), (await getSettings(ctx)).timeZone);
  await addSearchCounts(ctx.db, ctx.tenantId, day, tally.words);
}
