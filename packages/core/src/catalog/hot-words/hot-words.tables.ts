import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The operator's hot words (热搜词) of the shop's search page, in order (position 0 first). */
export const hotWords = pgTable(
  'catalog_hot_words',
  {
    tenantId: text('tenant_id').notNull(),
    position: integer('position').notNull(),
    word: text('word').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.position] })],
);

/** Searches with results per keyword per day (the tenant's calendar day), summed where searches are served. */
export const searchCounts = pgTable(
  'catalog_search_counts',
  {
    tenantId: text('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    keyword: text('keyword').notNull(),
    searches: integer('searches').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.keyword] })],
);
