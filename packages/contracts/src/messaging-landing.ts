import { z } from 'zod';
import { IsoDate, idOf, Ok, PageQuery, pageOf, Slug, Timestamp } from './common';
import { LiveCodeId } from './messaging-live-codes';
import { route } from './routes';

/**
 * 落地页 (landing pages): a public H5 page per live code with a bait (诱饵, e.g. 扫码领 ¥10 券) that
 * shows the code's QR; the `nearest_store` kind shows the code of the store nearest to the visitor
 * (browser geolocation), or a default code when the position is unknown. Visits are counted once per
 * visitor, page and day. docs/wecom.md, section 落地页 Landing pages.
 */
export const LandingPageId = idOf('lp');

export const LANDING_LIMITS = {
  titleMaxChars: 40,
  benefitMaxChars: 60,
  buttonMaxChars: 16,
  helpMaxChars: 200,
  /** Store codes of one nearest-store page. */
  storeCodesMax: 100,
  /** A stats range (days, inclusive). */
  statsMaxDays: 92,
  /** Visits recorded per client IP and hour (a visit is once per visitor, page and day anyway). */
  visitsPerIpHour: 120,
  /** Nearest-store look-ups per client IP and minute. */
  nearestPerIpMinute: 30,
  /** The live codes of one page are read this long from a process cache (ms) on the public pages. */
  publicCacheMs: 30_000,
} as const;

export const LandingKind = z
  .enum(['code', 'nearest_store'])
  .describe("code: shows one live code; nearest_store: shows the nearest store's code, else the default code");
export type LandingKind = z.infer<typeof LandingKind>;
export const LandingStatus = z.enum(['published', 'offline']).describe('offline: the public page answers 404');

/** An image on the web (https) or on this site (a path such as an uploaded catalog image). */
export const LandingImageUrl = z
  .string()
  .trim()
  .max(1000)
  .regex(/^(https?:\/\/\S+|\/(?!\/)\S*)$/, 'must be an http(s) URL or a path on this site');
const Text = (max: number) => z.string().trim().max(max);

const Fields = {
  slug: Slug.describe('the page address: /shop/t/<shop>/l/<slug>; unique in the tenant'),
  kind: LandingKind,
  title: Text(LANDING_LIMITS.titleMaxChars).min(1, 'must not be empty'),
  imageUrl: LandingImageUrl.nullable().optional(),
  benefitText: Text(LANDING_LIMITS.benefitMaxChars)
    .min(1, 'must not be empty')
    .describe('the bait (诱饵), e.g. 扫码领 ¥10 券'),
  buttonText: Text(LANDING_LIMITS.buttonMaxChars).nullable().optional(),
  helpText: Text(LANDING_LIMITS.helpMaxChars).nullable().optional(),
  codeId: LiveCodeId.describe('kind code: the code shown; nearest_store: the default code'),
  storeCodeIds: z
    .array(LiveCodeId)
    .max(LANDING_LIMITS.storeCodesMax)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a code twice')
    .describe('nearest_store: the candidate codes, each belonging to a store with a position'),
  status: LandingStatus,
};

const kindRule = (b: { kind?: LandingKind; storeCodeIds?: string[] }) =>
  b.kind === undefined ||
  b.storeCodeIds === undefined ||
  (b.kind === 'nearest_store' ? b.storeCodeIds.length > 0 : b.storeCodeIds.length === 0);
const kindMessage = {
  message: 'a nearest-store page needs at least one store code; a single-code page has none',
  path: ['storeCodeIds'],
};

export const LandingPageInput = z
  .object({ ...Fields, storeCodeIds: Fields.storeCodeIds.default([]), status: Fields.status.default('published') })
  .refine(kindRule, kindMessage);
export type LandingPageInput = z.input<typeof LandingPageInput>;
/** Only the fields sent change; kind and storeCodeIds are checked together against the stored page. */
export const LandingPagePatch = z.object(Fields).partial().refine(kindRule, kindMessage);
export type LandingPagePatch = z.input<typeof LandingPagePatch>;

export const LandingCodeRef = z.object({
  id: z.string(),
  name: z.string().nullable().describe('null: the live code was deleted'),
  qrCodeUrl: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  storeName: z.string().nullable(),
  located: z.boolean().describe('the code belongs to a store with latitude and longitude'),
});
export type LandingCodeRef = z.infer<typeof LandingCodeRef>;

export const LandingPage = z.object({
  id: z.string(),
  slug: z.string(),
  kind: LandingKind,
  title: z.string(),
  imageUrl: z.string().nullable(),
  benefitText: z.string(),
  buttonText: z.string().nullable(),
  helpText: z.string().nullable(),
  codeId: z.string(),
  storeCodeIds: z.array(z.string()),
  status: LandingStatus,
  /** The public address (absolute, with the server's public URL). */
  url: z.string(),
  code: LandingCodeRef.describe('the code (kind code) or the default code (nearest_store)'),
  storeCodes: z.array(LandingCodeRef),
  totals: z.object({ visits: z.number().int(), visitsToday: z.number().int() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type LandingPage = z.infer<typeof LandingPage>;

export const LandingListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

export const LandingStatsQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
const Figures = {
  visits: z.number().int().describe('visitors that day (a visitor counts once a day)'),
  located: z.number().int().describe('nearest_store: visits with a known position'),
  adds: z.number().int().describe('adds through the codes the page showed that day, from any source'),
  conversions: z
    .number()
    .int()
    .describe('per code shown that day: the smaller of its adds and its visitors that day (an upper estimate)'),
};
export const LandingStats = z.object({
  from: IsoDate,
  to: IsoDate,
  timeZone: z.string(),
  days: z.array(z.object({ date: IsoDate, ...Figures })),
  codes: z.array(
    z.object({ codeId: z.string(), name: z.string().nullable(), storeName: z.string().nullable(), ...Figures }),
  ),
  totals: z.object({
    ...Figures,
    uniqueVisitors: z.number().int().describe('different visitors over the whole range'),
  }),
});
export type LandingStats = z.infer<typeof LandingStats>;

// ---- The public page ------------------------------------------------------------------------------

export const PublicLandingCode = z.object({
  id: z.string(),
  qrCodeUrl: z.string().nullable().describe('null: WeCom has not made the code yet'),
  store: z
    .object({ id: z.string(), name: z.string(), address: z.string().nullable(), distanceMeters: z.number().nullable() })
    .nullable(),
});
export type PublicLandingCode = z.infer<typeof PublicLandingCode>;

export const PublicLandingPage = z.object({
  slug: z.string(),
  kind: LandingKind,
  title: z.string(),
  imageUrl: z.string().nullable(),
  benefitText: z.string(),
  buttonText: z.string().nullable(),
  helpText: z.string().nullable(),
  /** The code to show before (or without) a position: the page's code or the default code. */
  code: PublicLandingCode,
});
export type PublicLandingPage = z.infer<typeof PublicLandingPage>;

export const NearestQuery = z.object({
  lat: z.coerce.number({ error: 'must be a number' }).min(-90).max(90),
  lng: z.coerce.number({ error: 'must be a number' }).min(-180).max(180),
});
export const NearestAnswer = z.object({
  located: z.boolean().describe('false: no store of the page has a position; the default code'),
  code: PublicLandingCode,
});
export type NearestAnswer = z.infer<typeof NearestAnswer>;

export const VisitInput = z.object({
  visitorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, _ or -')
    .describe('a random id the browser keeps (localStorage)'),
  codeId: LiveCodeId.describe('the code the page showed'),
  located: z.boolean().default(false).describe("the visitor's position chose the code"),
});
export const VisitAnswer = z.object({
  recorded: z.boolean().describe("false: this visitor's visit of the day was recorded before"),
  day: IsoDate,
});

// ---- Routes -------------------------------------------------------------------------------------

const read = { audience: 'admin' as const, permission: 'channels.read' };
const write = { audience: 'admin' as const, permission: 'channels.write' };
const Params = z.object({ id: LandingPageId });
const PublicParams = z.object({ slug: Slug, page: Slug });

export const landingRoutes = {
  list: route({
    ...read,
    method: 'GET',
    path: '/admin/landing-pages',
    summary: 'Landing pages, newest first (q searches title and slug)',
    query: LandingListQuery,
    response: pageOf(LandingPage),
  }),
  create: route({
    ...write,
    method: 'POST',
    path: '/admin/landing-pages',
    summary: 'Create a landing page for a live code, or a nearest-store page over store codes (409 SLUG_TAKEN)',
    body: LandingPageInput,
    response: LandingPage,
    status: 201,
  }),
  get: route({
    ...read,
    method: 'GET',
    path: '/admin/landing-pages/:id',
    summary: 'One landing page',
    params: Params,
    response: LandingPage,
  }),
  update: route({
    ...write,
    method: 'PATCH',
    path: '/admin/landing-pages/:id',
    summary: 'Change a landing page',
    params: Params,
    body: LandingPagePatch,
    response: LandingPage,
  }),
  remove: route({
    ...write,
    method: 'DELETE',
    path: '/admin/landing-pages/:id',
    summary: 'Delete a landing page and its visits (the live codes stay)',
    params: Params,
    response: Ok,
  }),
  stats: route({
    ...read,
    method: 'GET',
    path: '/admin/landing-pages/:id/stats',
    summary: 'Visits, located visits, adds and conversions per day (tenant zone) and per code shown',
    params: Params,
    query: LandingStatsQuery,
    response: LandingStats,
  }),
  qr: route({
    ...read,
    method: 'GET',
    path: '/admin/landing-pages/:id/qr',
    summary: "A QR code (SVG) of the page's public address, to print or share",
    params: Params,
    response: z.string().describe('image/svg+xml'),
  }),
};

export const shopLandingRoutes = {
  page: route({
    audience: 'public',
    method: 'GET',
    path: '/shop/t/:slug/landing/:page',
    summary: 'A published landing page with the code to show first (404 when unknown or offline)',
    params: PublicParams,
    response: PublicLandingPage,
  }),
  nearest: route({
    audience: 'public',
    method: 'GET',
    path: '/shop/t/:slug/landing/:page/nearest',
    summary: "The nearest store's code to a position (WGS-84), with the distance; the default code otherwise",
    params: PublicParams,
    query: NearestQuery,
    response: NearestAnswer,
  }),
  visit: route({
    audience: 'public',
    method: 'POST',
    path: '/shop/t/:slug/landing/:page/visits',
    summary: 'Records a visit: once per visitor, page and day (tenant zone); the code shown must be the page’s',
    params: PublicParams,
    body: VisitInput,
    response: VisitAnswer,
  }),
};
