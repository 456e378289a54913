/**
 * Set-based writes for imports and the demo seed: one statement per chunk of rows, whatever its
 * size, with the rows passed as one JSON parameter (jsonb_to_recordset) — no parameter-count limit.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, jsonb, rowsOf } from '../../platform';
import { customFieldDefs, customerIdentities, customerOwners, customers } from '../profiles/profiles.tables';
import { customerTags, tagGroups, tags } from '../tags/tags.tables';
import type { FieldDef } from './mapping';

export type IdentityKey = { kind: string; namespace: string; value: string };

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export async function findFieldDefs(db: Db, tenantId: string): Promise<FieldDef[]> {
  return db
    .select({
      key: customFieldDefs.key,
      label: customFieldDefs.label,
      type: customFieldDefs.type,
      options: customFieldDefs.options,
    })
    .from(customFieldDefs)
    .where(eq(customFieldDefs.tenantId, tenantId))
    .orderBy(asc(customFieldDefs.sort), asc(customFieldDefs.key));
}

/** Who holds each of these identities (the primary key answers each). */
export async function findHolders(db: Db, tenantId: string, keys: IdentityKey[]) {
  if (!keys.length) return [];
  return rowsOf<IdentityKey & { customer_id: string }>(
    await db.execute(sql`select i.kind, i.namespace, i.value, i.customer_id
        from jsonb_to_recordset(${jsonb(keys)}) as k(kind text, namespace text, value text)
        join ${customerIdentities} i
          on i.tenant_id = ${tenantId} and i.kind = k.kind and i.namespace = k.namespace and i.value = k.value`),
  );
}

/** What resolving compares: the attributes, custom fields and whether the customer was erased. */
const COMPARED = {
  id: customers.id,
  name: customers.name,
  nickname: customers.nickname,
  gender: customers.gender,
  birthday: customers.birthday,
  lunarBirthday: customers.lunarBirthday,
  province: customers.province,
  city: customers.city,
  district: customers.district,
  avatarUrl: customers.avatarUrl,
  email: customers.email,
  phone: customers.phone,
  storeId: customers.storeId,
  custom: customers.custom,
  erasedAt: customers.erasedAt,
};
export type CustomerRow = { [K in keyof typeof COMPARED]: (typeof customers.$inferSelect)[K] };

export async function loadCustomers(db: Db, tenantId: string, ids: string[]): Promise<CustomerRow[]> {
  if (!ids.length) return [];
  return db
    .select(COMPARED)
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}

export async function tagsOf(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ customerId: customerTags.customerId, tagId: customerTags.tagId })
    .from(customerTags)
    .where(and(eq(customerTags.tenantId, tenantId), inArray(customerTags.customerId, ids)));
}

/** Owners' remarks and descriptions, which the search vector holds too (see profiles.repo refreshSearch). */
export async function remarksOf(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      customerId: customerOwners.customerId,
      remark: customerOwners.remark,
      description: customerOwners.description,
    })
    .from(customerOwners)
    .where(and(eq(customerOwners.tenantId, tenantId), inArray(customerOwners.customerId, ids)));
}

/** The attributes a bulk insert or update writes (snake_case keys, as the SQL reads them). */
export type CustomerValues = {
  id: string;
  name?: string | null;
  nickname?: string | null;
  gender?: string | null;
  birthday?: string | null;
  birth_month?: number | null;
  lunar_birthday?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  avatar_url?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Insert: the whole object. Update: keys to set (merged over the stored ones). */
  custom?: Record<string, unknown>;
  source_channel?: string | null;
  store_id?: string | null;
  /** Search tokens (see profiles.repo refreshSearch); absent on update: unchanged. */
  tokens?: string[];
  created_at?: string;
};

const COLUMNS = [
  ['name', 'text'],
  ['nickname', 'text'],
  ['birthday', 'date'],
  ['birth_month', 'int'],
  ['lunar_birthday', 'text'],
  ['province', 'text'],
  ['city', 'text'],
  ['district', 'text'],
  ['avatar_url', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['source_channel', 'text'],
  ['store_id', 'text'],
] as const;
const RECORD = sql.raw(
  `x(id text, gender text, custom jsonb, tokens text[], created_at timestamptz, ${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}, fields text[])`,
);

export async function insertCustomers(db: Db, tenantId: string, now: Date, rows: CustomerValues[]) {
  if (!rows.length) return;
  const cols = COLUMNS.map(([c]) => c).join(', ');
  await db.execute(sql`
    insert into ${customers} (tenant_id, id, gender, custom, search, created_at, updated_at, ${sql.raw(cols)})
    select ${tenantId}::text, x.id, coalesce(x.gender, 'unknown'), coalesce(x.custom, '{}'::jsonb),
           array_to_tsvector(coalesce(x.tokens, '{}')), coalesce(x.created_at, ${at(now)}), ${at(now)},
           ${sql.raw(COLUMNS.map(([c]) => `x.${c}`).join(', '))}
    from jsonb_to_recordset(${jsonb(rows)}) as ${RECORD}`);
}

/** Sets, per customer, only the attributes named in its row (others stay), merges custom keys. */
export async function updateCustomers(db: Db, tenantId: string, now: Date, rows: CustomerValues[]) {
  if (!rows.length) return;
  const withFields = rows.map((r) => ({ ...r, fields: Object.keys(r) }));
  const set = [...COLUMNS.map(([c]) => c), 'gender']
    .map((c) => `${c} = case when '${c}' = any(x.fields) then x.${c} else c.${c} end`)
    .join(', ');
  await db.execute(sql`
    update ${customers} c set ${sql.raw(set)},
      custom = c.custom || coalesce(x.custom, '{}'::jsonb),
      search = case when x.tokens is null then c.search else array_to_tsvector(x.tokens) end,
      updated_at = ${at(now)}
    from jsonb_to_recordset(${jsonb(withFields)}) as ${RECORD}
    where c.tenant_id = ${tenantId} and c.id = x.id`);
}

/** Attaches identities nobody holds yet; returns those attached. */
export async function insertIdentities(
  db: Db,
  tenantId: string,
  now: Date,
  rows: (IdentityKey & { customer_id: string; source: string; verified: boolean })[],
) {
  if (!rows.length) return [];
  return rowsOf<IdentityKey & { customer_id: string }>(
    await db.execute(sql`insert into ${customerIdentities} (tenant_id, kind, namespace, value, customer_id, verified, source, created_at)
        select ${tenantId}::text, x.kind, x.namespace, x.value, x.customer_id, x.verified, x.source, ${at(now)}
        from jsonb_to_recordset(${jsonb(rows)}) as x(kind text, namespace text, value text, customer_id text, verified boolean, source text)
        on conflict do nothing
        returning kind, namespace, value, customer_id`),
  );
}

/** Tags by name (the oldest when a name is in several groups); missing ones are created in `groupName`. */
export async function ensureTags(
  db: Db,
  tenantId: string,
  names: string[],
  groupName: string,
  now: Date,
  newId: (p: string) => string,
) {
  const found = new Map<string, string>();
  if (!names.length) return found;
  const existing = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), inArray(tags.name, names)))
    .orderBy(asc(tags.id));
  for (const t of existing) if (!found.has(t.name)) found.set(t.name, t.id);
  const missing = names.filter((n) => !found.has(n));
  if (!missing.length) return found;
  await db
    .insert(tagGroups)
    .values({ tenantId, id: newId('tgg'), name: groupName, createdAt: now })
    .onConflictDoNothing();
  const [group] = await db
    .select({ id: tagGroups.id })
    .from(tagGroups)
    .where(and(eq(tagGroups.tenantId, tenantId), eq(tagGroups.name, groupName)));
  await db
    .insert(tags)
    .values(missing.map((name) => ({ tenantId, id: newId('tag'), groupId: group!.id, name, createdAt: now })))
    .onConflictDoNothing();
  const created = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), eq(tags.groupId, group!.id), inArray(tags.name, missing)));
  for (const t of created) found.set(t.name, t.id);
  return found;
}

export async function addCustomerTags(
  db: Db,
  tenantId: string,
  now: Date,
  rows: { customer_id: string; tag_id: string }[],
  addedBy: string | null,
) {
  if (!rows.length) return;
  await db.execute(sql`
    insert into ${customerTags} (tenant_id, customer_id, tag_id, source, added_by, added_at)
    select ${tenantId}::text, x.customer_id, x.tag_id, 'import', ${addedBy}::text, ${at(now)}
    from jsonb_to_recordset(${jsonb(rows)}) as x(customer_id text, tag_id text)
    on conflict do nothing`);
}

/** Primary owners for customers that have none yet (backfills and the demo seed). */
export async function insertPrimaryOwners(
  db: Db,
  tenantId: string,
  rows: { customer_id: string; staff_id: string; added_at: string }[],
) {
  if (!rows.length) return;
  await db.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${jsonb(rows)}) as x(customer_id text, staff_id text, added_at timestamptz)
    ), added as (
      insert into ${customerOwners} (tenant_id, customer_id, staff_id, is_primary, add_way, added_at)
      select ${tenantId}::text, x.customer_id, x.staff_id, true, 'import', x.added_at from x
      where not exists (select 1 from ${customerOwners} o where o.tenant_id = ${tenantId} and o.customer_id = x.customer_id and o.is_primary)
      on conflict do nothing
      returning customer_id, staff_id
    )
    update ${customers} c set primary_owner_id = added.staff_id
    from added where c.tenant_id = ${tenantId} and c.id = added.customer_id`);
}
