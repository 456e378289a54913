import { catalogHotWordRoutes } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

const hotWordsKey = ['catalog', 'hot-words'] as const;

/** The operator's hot words and the most searched keywords of the last days. */
export const useHotWords = () =>
  useQuery({ queryKey: hotWordsKey, queryFn: () => call(catalogHotWordRoutes.getHotWords) });

/** Saves the whole list (the API replaces it); the answer becomes the cached list. */
export function useSaveHotWords(onError: (e: unknown) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (words: string[]) => call(catalogHotWordRoutes.putHotWords, { body: { words } }),
    onSuccess: (data) => qc.setQueryData(hotWordsKey, data),
    onError,
  });
}

/** The list with the word at `i` moved by `by` places (unchanged at the ends). */
export function moved(words: string[], i: number, by: -1 | 1) {
  const j = i + by;
  if (j < 0 || j >= words.length) return words;
  const next = [...words];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Why a new word cannot be added, as an i18n key, or null when it can. */
export function addProblem(words: string[], word: string, max: number, maxChars: number) {
  const w = word.trim();
  if (!w) return 'catalog.hotWords.errEmpty';
  if (w.length > maxChars) return 'catalog.hotWords.errLong';
  if (words.some((x) => x.toLowerCase() === w.toLowerCase())) return 'catalog.hotWords.errTaken';
  if (words.length >= max) return 'catalog.hotWords.errFull';
  return null;
}
