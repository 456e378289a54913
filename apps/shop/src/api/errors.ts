import type { Form } from 'antd-mobile';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './client';

type FormInstance = ReturnType<typeof Form.useForm>[0];

/** Our translation of an API error code (`errors.codes.CODE_WRONG`), or null when there is none. */
const codeText = (error: ApiError, t: TFunction): string | null => {
  const text = t(`errors.codes.${error.code}`, { defaultValue: '' });
  return text || null;
};

/**
 * A sentence for the shopper, in the current language, for any error a call may throw.
 * `on401` says what a 401 means for this call (on a login form: wrong phone or password, not "log in").
 */
export function errorText(error: unknown, t: TFunction, options: { on401?: string } = {}): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds === undefined ? t('errors.rateLimitedSoon') : t('errors.rateLimited', { seconds });
  }
  const known = codeText(error, t);
  if (known) return known;
  if (error.status === 401) return options.on401 ?? t('errors.unauthorized');
  if (error.status === 400 && error.fieldIssues.length > 0) return t('errors.invalidInput');
  if (error.status >= 500) return t('errors.server');
  return error.message; // an API message we have no translation for (English)
}

/**
 * Puts the field problems of a 400 under the matching form fields, in the current language where we
 * can: the error code's translation (CODE_WRONG…), else `errors.fields.<field>`, else the API's text.
 * Returns true when every problem found a field, so the caller need not repeat them in a banner.
 */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const issues = error.fieldIssues;
  const known = issues.filter((i) => fields.includes(i.path));
  if (known.length === 0) return false;
  const byCode = codeText(error, t);
  form.setFields(
    known.map((i) => ({
      name: i.path,
      errors: [byCode ?? (t(`errors.fields.${i.path}`, { defaultValue: '' }) || i.message)],
    })),
  );
  return known.length === issues.length;
}

/**
 * A Form.Item rule that checks the value with a schema of the contract and shows our own message.
 * With `optional`, an empty value passes (the form sends null or leaves the field out).
 */
export const zodRule = (schema: z.ZodType, message: string, options: { optional?: boolean } = {}) => ({
  validator: (_: unknown, value: unknown) => {
    if (options.optional && (value === undefined || value === null || value === '')) return Promise.resolve();
    return schema.safeParse(value ?? '').success ? Promise.resolve() : Promise.reject(new Error(message));
  },
});
