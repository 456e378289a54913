import { type AdminHotWords, CATALOG_LIMITS, type HotWordsInput, type ShopHotWord } from '@siyu/contracts';
import { getSettings } from '../../access';
import { actorId, type Ctx, dayIn } from '../../platform';
import { hotWordRows, replaceHotWords, topKeywords } from './hot-words.repo';
import { flushSearchCounts } from './search-counts.service';

const DAY_MS = 86_400_000;

/** The most searched keywords (with results) of the last `hotWordDays` days, today included. */
async function popularKeywords(ctx: Ctx, limit: number) {
  await flushSearchCounts(ctx);
  const tz = (await getSettings(ctx)).timeZone;
  const today = dayIn(ctx.clock.now(), tz);
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - (CATALOG_LIMITS.hotWordDays - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return topKeywords(ctx.db, ctx.tenantId, since, limit);
}

/** The operator's hot words and, beside them, what shoppers search most. */
export async function getHotWords(ctx: Ctx): Promise<AdminHotWords> {
  const words = await hotWordRows(ctx.db, ctx.tenantId);
  return { words, popular: await popularKeywords(ctx, CATALOG_LIMITS.hotWords * 2) };
}

/** Replaces the hot words (the contract has trimmed them and refused repeats); audited. */
export async function setHotWords(ctx: Ctx, input: HotWordsInput): Promise<AdminHotWords> {
  const before = await hotWordRows(ctx.db, ctx.tenantId);
  await replaceHotWords(ctx.db, ctx.tenantId, input.words, actorId(ctx), ctx.clock.now());
  await ctx.audit({
    action: 'catalog.hot-words.updated',
    entityType: 'hot-words',
    entityId: ctx.tenantId,
    summary: input.words.join('、') || '—',
    changes: { words: { from: before, to: input.words } },
  });
  return getHotWords(ctx);
}

/** Hot words for the shop: the operator's first, then the most searched keywords not already listed. */
export async function shopHotWords(ctx: Ctx): Promise<{ items: ShopHotWord[] }> {
  const max = CATALOG_LIMITS.hotWords;
  const items: ShopHotWord[] = (await hotWordRows(ctx.db, ctx.tenantId)).map((word) => ({ word, source: 'operator' }));
  if (items.length < max) {
    const seen = new Set(items.map((i) => i.word.toLowerCase()));
    for (const { word } of await popularKeywords(ctx, max * 2)) {
      if (items.length >= max) break;
      if (seen.has(word)) continue;
      seen.add(word);
      items.push({ word, source: 'popular' });
    }
  }
  return { items: items.slice(0, max) };
}
