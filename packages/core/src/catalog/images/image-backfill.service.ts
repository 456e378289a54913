import type { Db, Logger } from '../../platform';
import { backfillVariants } from './image-variants';
import { imageKeysAfter } from './images.repo';

const PAGE = 200;

/**
 * Makes the missing WebP variants of every tenant's images (uploaded before variants existed), a page
 * at a time. Idempotent: an image whose variants are stored costs one size check each. Shoppers never
 * wait for it: a missing variant is also made on its first request.
 */
export async function backfillImageVariants(db: Db, log: Logger) {
  let after: { tenantId: string; id: string } | null = null;
  const total = { images: 0, made: 0, failed: 0 };
  for (;;) {
    const rows = await imageKeysAfter(db, after, PAGE);
    if (!rows.length) break;
    const r = await backfillVariants(rows.map((x) => x.storageKey));
    for (const key of r.failed) log.warn({ storageKey: key }, 'image cannot be decoded: no variants made');
    total.images += rows.length;
    total.made += r.made;
    total.failed += r.failed.length;
    const last = rows.at(-1)!;
    after = { tenantId: last.tenantId, id: last.id };
  }
  if (total.made || total.failed) log.info(total, 'image variants backfilled');
  return total;
}
