import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The part of a zod issue we read (kept structural so the app needs no direct zod import). */
type Issue = { code?: string; message: string; minimum?: unknown; maximum?: unknown; origin?: string };
type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } } };

// Custom messages written in the contracts, mapped to translated texts.
const KNOWN: Record<string, string> = {
  'must be an email address': 'validation.email',
  'must have at least 8 characters': 'validation.passwordMin',
  'must not be empty': 'validation.required',
  'must be a phone number': 'validation.phone',
  'must be an 11-digit mainland mobile number': 'validation.mobile',
  'must be lowercase letters, digits and dashes': 'validation.slug',
  'choose at least one role': 'validation.rolesMin',
  'logo must be smaller than 300 KB': 'validation.logoSize',
  'must be an IANA time zone such as Asia/Shanghai': 'validation.timeZone',
  'is required when mode is password': 'validation.required',
  // Field rules checked by the services
  'is not your current password': 'validation.notCurrentPassword',
  'is required to change the password': 'validation.required',
  'contains a role that does not exist': 'validation.roleMissing',
  'contains a department or store that does not exist': 'validation.orgUnitMissing',
  'must be within your own departments or stores': 'validation.orgOutOfScope',
  'no such department or store': 'validation.parentMissing',
  'a unit cannot be moved below itself': 'validation.parentCycle',
};

// zod's default English messages, as the API sends them in 400 details.
const DEFAULTS: [RegExp, string][] = [
  [/^Too small.*>=?1 characters?$/, 'validation.required'],
  [/^Too small/, 'validation.invalid'],
  [/^Too big/, 'validation.invalid'],
  [/^Invalid input: expected \w+, received undefined$/, 'validation.required'],
  [/^Invalid/, 'validation.invalid'],
];

/** Turns a zod issue (from a form check or from a 400 answer) into a text in the current language. */
export function issueText(issue: Issue, t: TFunction): string {
  const known = KNOWN[issue.message];
  if (known) return t(known);
  const isArray = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (!isArray && Number(issue.minimum) <= 1) return t('validation.required');
      return t(isArray ? 'validation.tooFew' : 'validation.tooShort', { min: issue.minimum });
    case 'too_big':
      return t(isArray ? 'validation.tooMany' : 'validation.tooLong', { max: issue.maximum });
    case 'invalid_format':
      return t('validation.format');
    case 'invalid_type':
      return t('validation.required');
    case undefined: {
      const fallback = DEFAULTS.find(([re]) => re.test(issue.message));
      return fallback ? t(fallback[1]) : issue.message;
    }
    default:
      return t('validation.invalid');
  }
}

/** An antd Form rule that checks the value with a zod schema from the contracts. */
export function zodRule(schema: Schema, t: TFunction, opts: { optional?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || value === '';
      if (empty && opts.optional) return;
      const r = schema.safeParse(empty ? undefined : value);
      const first = r.success ? undefined : r.error?.issues[0];
      if (first) throw new Error(issueText(first, t));
    },
  };
}

/** A rule that the field equals another field (for "repeat password"). */
export const sameAs =
  (field: string, message: string): FormRule =>
  (form) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== form.getFieldValue(field)) throw new Error(message);
    },
  });

/** Empty strings from inputs become `null` (for PATCH bodies) or are left out (for creates). */
export const blankToNull = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();
export const blankToUndefined = (v: string | null | undefined) => blankToNull(v) ?? undefined;
