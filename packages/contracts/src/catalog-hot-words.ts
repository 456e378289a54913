import { z } from 'zod';
import { CATALOG_LIMITS } from './catalog-common';
import { Slug } from './common';
import { route } from './routes';

/**
 * Hot words (热搜词) of the shop's search page: the operator's list first, then — when it has fewer
 * than CATALOG_LIMITS.hotWords — the keywords shoppers searched most (with results) in the last days.
 */
export const HotWord = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(CATALOG_LIMITS.hotWordChars, `must be at most ${CATALOG_LIMITS.hotWordChars} characters`);

export const HotWordsInput = z
  .object({
    words: z
      .array(HotWord)
      .max(CATALOG_LIMITS.hotWords, `at most ${CATALOG_LIMITS.hotWords} hot words`)
      .describe('in the order shown; an empty list leaves the place to the most searched keywords'),
  })
  .superRefine((v, c) => {
    const seen = new Set<string>();
    v.words.forEach((w, i) => {
      const key = w.toLowerCase();
      if (seen.has(key)) c.addIssue({ code: 'custom', path: ['words', i], message: 'is already in the list' });
      seen.add(key);
    });
  });
export type HotWordsInput = z.infer<typeof HotWordsInput>;

export const PopularKeyword = z.object({ word: z.string(), searches: z.number().int() });

export const AdminHotWords = z.object({
  words: z.array(z.string()).describe("the operator's hot words, in order"),
  popular: z
    .array(PopularKeyword)
    .describe(`most searched keywords with results in the last ${CATALOG_LIMITS.hotWordDays} days, most first`),
});
export type AdminHotWords = z.infer<typeof AdminHotWords>;

export const ShopHotWord = z.object({
  word: z.string(),
  source: z.enum(['operator', 'popular']),
});
export type ShopHotWord = z.infer<typeof ShopHotWord>;

export const catalogHotWordRoutes = {
  getHotWords: route({
    method: 'GET',
    path: '/admin/catalog/hot-words',
    audience: 'admin',
    permission: 'catalog.view',
    summary: "The shop's hot words (热搜词) and the most searched keywords of the last days",
    response: AdminHotWords,
  }),
  putHotWords: route({
    method: 'PUT',
    path: '/admin/catalog/hot-words',
    audience: 'admin',
    permission: 'catalog.manage',
    summary: `Replace the hot words (at most ${CATALOG_LIMITS.hotWords}, each at most ${CATALOG_LIMITS.hotWordChars} characters, no repeats)`,
    body: HotWordsInput,
    response: AdminHotWords,
  }),
};

export const shopHotWordRoutes = {
  hotWords: route({
    method: 'GET',
    path: '/shop/t/:slug/catalog/hot-words',
    audience: 'public',
    summary: `Up to ${CATALOG_LIMITS.hotWords} hot words for the search page: the operator's, then the most searched`,
    params: z.object({ slug: Slug }),
    response: z.object({ items: z.array(ShopHotWord) }),
  }),
};
