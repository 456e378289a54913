import { z } from 'zod';

/** The body of every 4xx/5xx answer: `{"error":{"code","message","details"}}`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Prefixed, time-sortable ids such as `stf_01JD…`. */
export const idOf = (prefix: string) =>
  z
    .string()
    .max(40)
    .regex(new RegExp(`^${prefix}_[0-9a-z]{10,32}$`), `must be an id starting with ${prefix}_`);

export const Timestamp = z.string().describe('ISO 8601 timestamp');
/** A calendar date that exists, as YYYY-MM-DD (1995-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a date that exists');

/** Mainland China mobile number, 11 digits starting with 1. */
export const CnMobile = z.string().regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number');
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));
export const Password = z.string().min(8, 'must have at least 8 characters').max(128);
export const Name = z.string().trim().min(1, 'must not be empty').max(100);
export const Slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'must be lowercase letters, digits and dashes');

/** Keyset pagination: pass `cursor` from the previous page's `nextCursor`. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Ok = z.object({ ok: z.literal(true) });
