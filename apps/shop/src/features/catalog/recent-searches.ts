/** The shopper's recent search words, per shop, in localStorage (newest first). */
export const RECENT_SEARCH_LIMIT = 10;

const key = (slug: string) => `siyu.shop.recentSearches.${slug}`;

export function loadRecentSearches(slug: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(slug)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((w): w is string => typeof w === 'string' && w.trim() !== '').slice(0, RECENT_SEARCH_LIMIT)
      : [];
  } catch {
    return [];
  }
}

/** The list with `word` moved (or added) to the front, at most RECENT_SEARCH_LIMIT long. */
export const withRecent = (list: string[], word: string) =>
  [word, ...list.filter((w) => w !== word)].slice(0, RECENT_SEARCH_LIMIT);

export function saveRecentSearches(slug: string, list: string[]) {
  try {
    if (list.length === 0) localStorage.removeItem(key(slug));
    else localStorage.setItem(key(slug), JSON.stringify(list));
  } catch {
    // private mode or full storage: the list lasts for this page only
  }
}
