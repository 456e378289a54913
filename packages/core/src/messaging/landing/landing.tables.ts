import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 落地页: a public H5 page with a bait (诱饵) that shows a live code's QR. Kind `code`: the page shows
 * `code_id`. Kind `nearest_store`: the page shows the live code (of `store_code_ids`) whose store is
 * nearest to the visitor, and `code_id` when the position is unknown or denied.
 */
export const landingPages = pgTable(
  'messaging_landing_pages',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: ['code', 'nearest_store'] }).notNull(),
    title: text('title').notNull(),
    imageUrl: text('image_url'),
    benefitText: text('benefit_text').notNull(),
    buttonText: text('button_text'),
    helpText: text('help_text'),
    codeId: text('code_id').notNull(),
    storeCodeIds: jsonb('store_code_ids').$type<string[]>().notNull(),
    status: text('status', { enum: ['published', 'offline'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('messaging_landing_pages_slug_uq').on(t.tenantId, t.slug),
  ],
);

/**
 * One visitor (an id the browser keeps) on one page on one day (tenant zone): recording a visit is
 * idempotent per (page, day, visitor). `code_id` is the live code the page showed (LBS: the nearest
 * store's, or the default one when `located` is false).
 */
export const landingVisits = pgTable(
  'messaging_landing_visits',
  {
    tenantId: text('tenant_id').notNull(),
    pageId: text('page_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    visitorId: text('visitor_id').notNull(),
    codeId: text('code_id').notNull(),
    storeId: text('store_id'),
    located: boolean('located').notNull(),
    firstAt: ts('first_at').notNull(),
    lastAt: ts('last_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pageId, t.day, t.visitorId] }),
    index('messaging_landing_visits_code_idx').on(t.tenantId, t.codeId, t.day),
  ],
);
