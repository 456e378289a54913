/**
 * resolveCustomer for many rows at once, with the same rules and a constant number of statements
 * per batch: rows are grouped by shared identities (as resolving them one after another would join
 * them), a group whose identities nobody holds becomes one new customer, a group held by one customer
 * fills (or overwrites) that customer. A group whose identities belong to two or more customers may
 * need a merge: it goes through resolveCustomer itself, row by row, so the rules are the same by
 * construction. Run in a transaction.
 *
 * Not done per customer here, to stay set-based: the `customers.customer.created` outbox event
 * (an import is audited as one action instead). The `customer.created` timeline entry is written.
 */
import { type Ctx, newId } from '../../platform';
import { insertEvents } from '../events/events.repo';
import { type IdentityIn, normalizeIdentity, resolveCustomer } from '../profiles/resolve.service';
import {
  addCustomerTags,
  type CustomerRow,
  type CustomerValues,
  ensureTags,
  findHolders,
  insertCustomers,
  insertIdentities,
  loadCustomers,
  remarksOf,
  tagsOf,
  updateCustomers,
} from './import.repo';
import type { ImportAttributes } from './mapping';
import { tokensOf } from './search-tokens';

export type BatchInput = {
  identities: IdentityIn[];
  attributes: ImportAttributes & { storeId?: string };
  custom?: Record<string, unknown>;
  tags?: string[];
  source: string;
  /** Backdated creation (demo seed); now when absent. */
  createdAt?: Date;
};
export type BatchOptions = { update: 'fill' | 'overwrite'; tagGroup: string; addedBy: string | null };
export type Outcome = { customerId: string; outcome: 'created' | 'updated' | 'unchanged' };

const ATTRS = [
  ['name', 'name'],
  ['nickname', 'nickname'],
  ['gender', 'gender'],
  ['birthday', 'birthday'],
  ['lunarBirthday', 'lunar_birthday'],
  ['province', 'province'],
  ['city', 'city'],
  ['district', 'district'],
  ['avatarUrl', 'avatar_url'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['storeId', 'store_id'],
] as const;
type Column = (typeof ATTRS)[number][1];
const SEARCHED: Column[] = ['name', 'nickname', 'phone', 'email'];

type Group = { rows: number[]; keys: string[]; holders: string[] };
type State = {
  id: string;
  isNew: boolean;
  erased: boolean;
  values: Partial<Record<Column, unknown>>;
  custom: Record<string, unknown>;
  tagIds: Set<string>;
  set: CustomerValues;
  changed: boolean;
};

const keyOf = (i: { kind: string; namespace: string; value: string }) =>
  `${i.kind}\u0001${i.namespace}\u0001${i.value}`;
const unkey = (k: string) => {
  const [kind = '', namespace = '', value = ''] = k.split('\u0001');
  return { kind, namespace, value };
};

/** Rows that share an identity, transitively, in the order of their first row. */
function groupRows(keys: string[][]): Group[] {
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    parent[i] = root;
    return root;
  };
  const firstRow = new Map<string, number>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const j = firstRow.get(k);
      if (j === undefined) firstRow.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Group>();
  keys.forEach((ks, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { rows: [], keys: [], holders: [] };
    g.rows.push(i);
    for (const k of ks) if (!g.keys.includes(k)) g.keys.push(k);
    groups.set(root, g);
  });
  return [...groups.values()].sort((a, b) => a.rows[0]! - b.rows[0]!);
}

function stateOf(c: CustomerRow, tagIds: Set<string>): State {
  const values: State['values'] = Object.fromEntries(ATTRS.map(([attr, col]) => [col, c[attr]]));
  if (values.gender === 'unknown') values.gender = null; // the default, not an answer: a file may fill it
  const custom = { ...c.custom };
  return { id: c.id, isNew: false, erased: !!c.erasedAt, values, custom, tagIds, set: { id: c.id }, changed: false };
}

/** Applies one row to its customer's state; true when it changed anything. */
function applyRow(
  s: State,
  input: BatchInput,
  ids: ReturnType<typeof normalizeIdentity>[],
  mode: BatchOptions['update'],
) {
  const phone = ids.find((i) => i.kind === 'phone')?.value;
  const email = input.attributes.email ?? ids.find((i) => i.kind === 'email')?.value;
  const values: Record<string, unknown> = { ...input.attributes, phone, email };
  let changed = false;
  for (const [attr, col] of ATTRS) {
    const v = values[attr];
    if (v == null || v === '') continue;
    const cur = s.values[col];
    if (cur === v || (mode === 'fill' && cur != null)) continue;
    s.values[col] = v;
    (s.set as Record<string, unknown>)[col] = v;
    if (col === 'birthday') s.set.birth_month = Number(String(v).slice(5, 7));
    changed = true;
  }
  for (const [k, v] of Object.entries(input.custom ?? {})) {
    if (k in s.custom && (mode === 'fill' || JSON.stringify(s.custom[k]) === JSON.stringify(v))) continue;
    s.custom[k] = v;
    s.set.custom = { ...s.set.custom, [k]: v };
    changed = true;
  }
  s.changed ||= changed;
  return changed;
}

export async function resolveCustomersBatch(ctx: Ctx, inputs: BatchInput[], opts: BatchOptions): Promise<Outcome[]> {
  const t = ctx.tenantId;
  const now = ctx.clock.now();
  const norm = inputs.map((r) => r.identities.map(normalizeIdentity).filter((i) => i.value));
  const keys = norm.map((ids) => [...new Set(ids.map(keyOf))]);
  const groups = groupRows(keys);
  const holderOf = new Map(
    (await findHolders(ctx.db, t, [...new Set(keys.flat())].map(unkey))).map((h) => [keyOf(h), h.customer_id]),
  );
  const outcomes: Outcome[] = new Array(inputs.length);
  const customerOfGroup = new Map<Group, string>();
  for (const g of groups) {
    g.holders = [...new Set(g.keys.map((k) => holderOf.get(k)).filter((h): h is string => !!h))].sort();
    if (g.holders.length < 2) continue;
    for (const i of g.rows) {
      const { attributes, custom, source } = inputs[i]!;
      const { lunarBirthday: _l, storeId, ...attrs } = attributes;
      const r = await resolveCustomer(ctx, {
        identities: inputs[i]!.identities,
        attributes: { ...attrs, storeId },
        custom,
        source,
      });
      outcomes[i] = { customerId: r.customerId, outcome: r.created ? 'created' : 'updated' };
      customerOfGroup.set(g, r.customerId);
    }
  }
  const existingIds = [
    ...new Set(groups.map((g) => customerOfGroup.get(g) ?? g.holders[0]).filter((x): x is string => !!x)),
  ];
  // One after another: in a transaction they share one connection.
  const rows = await loadCustomers(ctx.db, t, existingIds);
  const tagRows = await tagsOf(ctx.db, t, existingIds);
  const tagNames = [...new Set(inputs.flatMap((r) => r.tags ?? []))];
  const tagIdOf = await ensureTags(ctx.db, t, tagNames, opts.tagGroup, now, (p) => newId(p, now));
  const states = new Map<string, State>();
  for (const c of rows)
    states.set(c.id, stateOf(c, new Set(tagRows.filter((r) => r.customerId === c.id).map((r) => r.tagId))));

  const newCustomers: { state: State; input: BatchInput }[] = [];
  const identities: Parameters<typeof insertIdentities>[3] = [];
  const newTags: { customer_id: string; tag_id: string }[] = [];
  for (const g of groups) {
    const holder = customerOfGroup.get(g) ?? g.holders[0];
    let s = holder ? states.get(holder) : undefined;
    for (const i of g.rows) {
      const input = inputs[i]!;
      let created = false;
      if (!s) {
        const id = newId('cus', input.createdAt ?? now);
        s = { id, isNew: true, erased: false, values: {}, custom: {}, tagIds: new Set(), set: { id }, changed: true };
        newCustomers.push({ state: s, input });
        created = true;
      }
      let changed = applyRow(s, input, norm[i]!, opts.update);
      for (const k of keys[i]!)
        if (!holderOf.has(k)) {
          holderOf.set(k, s.id);
          identities.push({
            ...unkey(k),
            customer_id: s.id,
            source: input.source,
            verified: norm[i]!.find((x) => keyOf(x) === k)?.verified ?? false,
          });
          changed = true;
        }
      for (const name of input.tags ?? []) {
        const tagId = tagIdOf.get(name);
        if (!tagId || s.tagIds.has(tagId)) continue;
        s.tagIds.add(tagId);
        newTags.push({ customer_id: s.id, tag_id: tagId });
        changed = true;
      }
      outcomes[i] ??= { customerId: s.id, outcome: created ? 'created' : changed ? 'updated' : 'unchanged' };
    }
  }
  await writeBatch(
    ctx,
    now,
    newCustomers,
    [...states.values()].filter((s) => !s.isNew && s.changed),
  );
  await insertIdentities(ctx.db, t, now, identities);
  await addCustomerTags(ctx.db, t, now, newTags, opts.addedBy);
  return outcomes;
}

async function writeBatch(ctx: Ctx, now: Date, created: { state: State; input: BatchInput }[], updated: State[]) {
  const t = ctx.tenantId;
  await insertCustomers(
    ctx.db,
    t,
    now,
    created.map(({ state: s, input }) => {
      const tokens = tokensOf(s.values);
      return {
        ...s.set,
        custom: s.custom,
        source_channel: input.source,
        tokens,
        created_at: (input.createdAt ?? now).toISOString(),
      };
    }),
  );
  const researched = updated.filter((s) => SEARCHED.some((c) => c in s.set));
  const remarks = await remarksOf(
    ctx.db,
    t,
    researched.map((s) => s.id),
  );
  for (const s of researched) {
    const mine = remarks.filter((r) => r.customerId === s.id).flatMap((r) => [r.remark, r.description]);
    s.set.tokens = s.erased ? [] : tokensOf(s.values, mine);
  }
  await updateCustomers(
    ctx.db,
    t,
    now,
    updated.map((s) => s.set),
  );
  await insertEvents(
    ctx.db,
    t,
    now,
    created.map(({ state, input }) => ({
      id: newId('cev', input.createdAt ?? now),
      customer_id: state.id,
      type: 'customer.created',
      occurred_at: (input.createdAt ?? now).toISOString(),
      properties: { channel: input.source },
      source: input.source,
      idempotency_key: null,
    })),
  );
}
