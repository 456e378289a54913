import { CATALOG_LIMITS } from '@siyu/contracts';
import type { JobDef } from '../platform';
import { pruneSearchCounts } from './hot-words/hot-words.repo';
import { backfillImageVariants } from './images/image-backfill.service';

export const IMAGE_BACKFILL_JOB = 'catalog.images.backfill-variants';
export const SEARCH_COUNTS_PRUNE_JOB = 'catalog.search-counts.prune';

/**
 * Nightly (UTC): the WebP variants of images uploaded before variants existed (idempotent; also runs
 * on demand, e.g. after an upgrade), and the removal of search counts older than `searchCountDays`.
 */
export const catalogJobs: Record<string, JobDef> = {
  [IMAGE_BACKFILL_JOB]: {
    cron: '40 19 * * *',
    retryLimit: 1,
    async handle({ db, log }) {
      await backfillImageVariants(db, log);
    },
  },
  [SEARCH_COUNTS_PRUNE_JOB]: {
    cron: '50 19 * * *',
    retryLimit: 2,
    async handle({ db, clock }) {
      const before = new Date(clock.now().getTime() - CATALOG_LIMITS.searchCountDays * 86_400_000);
      await pruneSearchCounts(db, before.toISOString().slice(0, 10));
    },
  },
};
