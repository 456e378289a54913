/**
 * Columns → customer fields: the suggested mapping (Chinese and English headers, custom field labels),
 * the checked plan, and one row turned into resolve input or into errors per field. Values are checked
 * with the contracts' schemas, after forgiving normalisation (+86, 1990/1/2, 男/女, 、-separated tags).
 */
import {
  CreateCustomerInput,
  IDENTITY_NAMESPACES,
  IdentityInput,
  type ImportField,
  type ImportMapping,
  IsoDate,
  needsNamespace,
} from '@siyu/contracts';
import type { z } from 'zod';
import { invalid } from '../../platform';
import type { IdentityIn } from '../profiles/resolve.service';

export type FieldDef = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'single' | 'multi';
  options: string[];
};
export type Target =
  | { kind: 'field'; field: ImportField }
  | { kind: 'custom'; def: FieldDef }
  | { kind: 'identity'; identity: IdentityIn['kind']; namespace: string };
export type Plan = { columns: string[]; targets: (Target | null)[] };
export type RowError = { field: string; message: string };

export type ImportAttributes = Partial<{
  name: string;
  nickname: string;
  gender: 'unknown' | 'male' | 'female';
  birthday: string;
  lunarBirthday: string;
  province: string;
  city: string;
  district: string;
  avatarUrl: string;
  email: string;
}>;
export type ImportRow = {
  rowNo: number;
  identities: IdentityIn[];
  attributes: ImportAttributes;
  custom: Record<string, unknown>;
  tags: string[];
  source: string | null;
};

const SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '客户姓名', '客户名称', '客户名', '联系人', 'name', 'fullname', 'customername'],
  nickname: ['昵称', '微信昵称', 'nickname', 'nick'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', '公历生日', '出生年月日', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
  lunarBirthday: ['农历生日', '阴历生日', 'lunarbirthday'],
  province: ['省', '省份', 'province'],
  city: ['市', '城市', 'city'],
  district: ['区', '区县', '区/县', '县区', 'district'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '联系方式',
    'mobile',
    'phone',
    'tel',
    'cellphone',
  ],
  unionid: ['unionid', 'union_id', '微信unionid'],
  avatarUrl: ['头像', '头像链接', 'avatar', 'avatarurl'],
  source: ['来源', '来源渠道', '渠道', '客户来源', 'source', 'channel', 'sourcechannel'],
  tags: ['标签', '客户标签', 'tags', 'tag', 'labels'],
};

/** Lower case, without blanks, `*` (required marks) and bracketed notes: 手机号（必填） → 手机号. */
export const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*_:：]/g, '');

const LOOKUP = new Map(
  Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [normalizeHeader(w), field as ImportField])),
);

/** Each target at most once, to the first column that names it. */
export function suggestMapping(columns: string[], defs: FieldDef[]): ImportMapping {
  const used = new Set<string>();
  const out: ImportMapping = {};
  for (const col of columns) {
    const h = normalizeHeader(col);
    const def = defs.find((d) => normalizeHeader(d.label) === h || d.key === h);
    const target = LOOKUP.get(h) ?? (def ? `custom:${def.key}` : null);
    out[col] = target && !used.has(target) ? target : null;
    if (target) used.add(target);
  }
  return out;
}

const IDENTITY_FIELDS = new Set<string>(['phone', 'email', 'unionid']);

/**
 * Checks a mapping against the file's columns and the custom fields, and that identities scoped to an
 * app, corp or platform name it (an openid without its app would never match the same openid from
 * WeChat); 400 naming `mapping.<column>`.
 */
export function compilePlan(columns: string[], mapping: ImportMapping, defs: FieldDef[]): Plan {
  for (const col of Object.keys(mapping))
    if (!columns.includes(col)) throw invalid(`mapping.${col}`, 'is not a column of the file');
  const seen = new Set<string>();
  const targets = columns.map((col): Target | null => {
    const t = mapping[col];
    if (!t) return null;
    if (t !== 'tags' && seen.has(t)) throw invalid(`mapping.${col}`, `${t} is mapped from two columns`);
    seen.add(t);
    if (t.startsWith('custom:')) {
      const def = defs.find((d) => d.key === t.slice(7));
      if (!def) throw invalid(`mapping.${col}`, `there is no custom field ${t.slice(7)}`);
      return { kind: 'custom', def };
    }
    if (t.startsWith('identity:')) {
      const [, kind, namespace = ''] = t.split(':') as [string, IdentityIn['kind'], string?];
      if (!namespace && needsNamespace(kind))
        throw invalid(
          `mapping.${col}`,
          `${kind} needs its ${IDENTITY_NAMESPACES[kind]}: map the column to identity:${kind}:<${IDENTITY_NAMESPACES[kind]}>`,
        );
      return { kind: 'identity', identity: kind, namespace };
    }
    return { kind: 'field', field: t as ImportField };
  });
  if (!targets.some((t) => t && (t.kind === 'identity' || (t.kind === 'field' && IDENTITY_FIELDS.has(t.field)))))
    throw invalid('mapping', 'map a column to phone, email, unionid or another identity, so that rows can be matched');
  return { columns, targets };
}

// ---------- values ----------

const F = CreateCustomerInput.shape;
const pad = (s: string) => s.padStart(2, '0');

/** 1990-1-2, 1990/01/02, 1990.1.2, 1990年1月2日, 19900102 and Excel serial numbers → 1990-01-02. */
export function normalizeDate(v: string): string {
  const s = v.trim().replace(/T00:00:00(\.000)?Z$/, '');
  let m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{5}$/.test(s)) return new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000).toISOString().slice(0, 10);
  return s;
}

const GENDERS: Record<string, 'male' | 'female' | 'unknown'> = {
  男: 'male',
  男性: 'male',
  先生: 'male',
  m: 'male',
  male: 'male',
  1: 'male',
  女: 'female',
  女性: 'female',
  女士: 'female',
  f: 'female',
  female: 'female',
  2: 'female',
  未知: 'unknown',
  保密: 'unknown',
  unknown: 'unknown',
  0: 'unknown',
  '-': 'unknown',
};

export const splitList = (v: string) =>
  v
    .split(/[,，;；、|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const message = (e: z.ZodError) => e.issues[0]?.message ?? 'is invalid';

function check<T>(schema: z.ZodType<T>, value: unknown, field: string, errors: RowError[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push({ field, message: message(r.error) });
  return undefined;
}

function customValue(def: FieldDef, v: string, field: string, errors: RowError[]): unknown {
  const fail = (m: string) => void errors.push({ field, message: m });
  switch (def.type) {
    case 'number': {
      const n = Number(v.replace(/,/g, ''));
      return Number.isFinite(n) ? n : fail('must be a number');
    }
    case 'date':
      return check(IsoDate, normalizeDate(v), field, errors);
    case 'single':
      return !def.options.length || def.options.includes(v) ? v : fail(`must be one of ${def.options.join(', ')}`);
    case 'multi': {
      const items = splitList(v);
      const bad = items.filter((i) => def.options.length && !def.options.includes(i));
      return bad.length ? fail(`${bad.join(', ')} is not one of ${def.options.join(', ')}`) : items;
    }
    default:
      return v.length <= 500 ? v : fail('must have at most 500 characters');
  }
}

function fieldValue(row: ImportRow, field: ImportField, v: string, col: string, errors: RowError[]) {
  const a = row.attributes;
  switch (field) {
    case 'phone': {
      const phone = check(F.phone, v.replace(/[\s()-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''), col, errors);
      if (phone) row.identities.push({ kind: 'phone', value: phone });
      return;
    }
    case 'email': {
      const email = check(F.email, v, col, errors);
      if (email) {
        a.email = email;
        row.identities.push({ kind: 'email', value: email });
      }
      return;
    }
    case 'unionid': {
      const u = check(IdentityInput.shape.value, v, col, errors);
      if (u) row.identities.push({ kind: 'unionid', value: u });
      return;
    }
    case 'gender': {
      const g = GENDERS[v.toLowerCase()];
      if (g) a.gender = g;
      else errors.push({ field: col, message: 'must be 男 or 女 (male or female)' });
      return;
    }
    case 'birthday':
      a.birthday = check(F.birthday, normalizeDate(v), col, errors) ?? undefined;
      return;
    case 'tags':
      for (const t of splitList(v)) {
        if (t.length > 30)
          errors.push({ field: col, message: `tag ${t.slice(0, 30)}… is longer than 30 characters (WeCom's limit)` });
        else if (!row.tags.includes(t)) row.tags.push(t);
      }
      return;
    case 'source':
      if (v.length > 60) errors.push({ field: col, message: 'must have at most 60 characters' });
      else row.source = v;
      return;
    default:
      a[field] = check(F[field], v, col, errors) ?? undefined;
  }
}

/** One sheet row → resolve input, or the errors of its fields (the column header names the field). */
export function convertRow(plan: Plan, rowNo: number, cells: string[]): { row: ImportRow } | { errors: RowError[] } {
  const row: ImportRow = { rowNo, identities: [], attributes: {}, custom: {}, tags: [], source: null };
  const errors: RowError[] = [];
  plan.targets.forEach((t, i) => {
    const v = cells[i]?.trim() ?? '';
    if (!t || v === '') return;
    const col = plan.columns[i]!;
    if (t.kind === 'field') fieldValue(row, t.field, v, col, errors);
    else if (t.kind === 'custom') {
      const value = customValue(t.def, v, col, errors);
      if (value !== undefined) row.custom[t.def.key] = value;
    } else {
      const value = check(IdentityInput.shape.value, v, col, errors);
      if (value) row.identities.push({ kind: t.identity, namespace: t.namespace, value });
    }
  });
  for (const k of Object.keys(row.attributes) as (keyof ImportAttributes)[])
    if (row.attributes[k] == null) delete row.attributes[k];
  if (!errors.length && !row.identities.length)
    errors.push({
      field: identityColumn(plan),
      message: 'is empty: a row needs a phone, email, unionid or another identity',
    });
  return errors.length ? { errors } : { row };
}

function identityColumn(plan: Plan) {
  const i = plan.targets.findIndex(
    (t) => t && (t.kind === 'identity' || (t.kind === 'field' && IDENTITY_FIELDS.has(t.field))),
  );
  return plan.columns[i] ?? 'identity';
}

/** The row as the report shows it: column header → cell. */
export const rawOf = (columns: string[], cells: string[]) =>
  Object.fromEntries(
    columns.map((c, i) => [c, cells[i] ?? '']).concat(cells.slice(columns.length).map((c, i) => [`+${i + 1}`, c])),
  );
