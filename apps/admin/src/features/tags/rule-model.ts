import { NUMBER_FIELDS, type TagRuleCondition } from '@siyu/contracts';

/** The rule editor's working copy of the condition DSL (rows with ids, strings while typing). */
export type Mode = 'all' | 'any';
export type Op = 'eq' | 'neq' | 'gte' | 'lte' | 'in';
export type AttrLeaf = { kind: 'attr'; key: string; field: string; op: Op; value: Scalar | Scalar[] | null };
export type EventLeaf = {
  kind: 'event';
  key: string;
  event: string;
  where: { key: string; name: string; value: string }[];
  withinDays: number | null;
  min: number | null;
  max: number | null;
};
export type Leaf = AttrLeaf | EventLeaf;
export type Group = { kind: 'group'; key: string; mode: Mode; items: Leaf[] };
export type Root = { mode: Mode; items: (Leaf | Group)[] };
type Scalar = string | number;

let seq = 0;
export const newKey = () => `k${++seq}`;

export const isNumberField = (field: string) => (NUMBER_FIELDS as readonly string[]).includes(field);
/** totalSpent is kept in fen by the API; the editor shows yuan. */
export const isMoneyField = (field: string) => field === 'totalSpent';

export const newAttr = (): AttrLeaf => ({ kind: 'attr', key: newKey(), field: 'orderCount', op: 'gte', value: null });
export const newEvent = (): EventLeaf => ({
  kind: 'event',
  key: newKey(),
  event: 'order.paid',
  where: [],
  withinDays: 30,
  min: 1,
  max: null,
});
export const newGroup = (): Group => ({ kind: 'group', key: newKey(), mode: 'any', items: [newAttr()] });
export const emptyRoot = (): Root => ({ mode: 'all', items: [newEvent()] });

/** A typed property value: numbers and true/false keep their type, the rest is text. */
function parseWhere(v: string): string | number | boolean {
  const s = v.trim();
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

function leafToDsl(l: Leaf): unknown {
  if (l.kind === 'attr') {
    const money = (v: Scalar) => (isMoneyField(l.field) && typeof v === 'number' ? Math.round(v * 100) : v);
    const value = Array.isArray(l.value) ? l.value.map(money) : l.value === null ? '' : money(l.value);
    return { field: l.field, op: l.op, value };
  }
  const where = Object.fromEntries(
    l.where.filter((w) => w.name.trim()).map((w) => [w.name.trim(), parseWhere(w.value)]),
  );
  return {
    event: l.event.trim(),
    ...(Object.keys(where).length ? { where } : {}),
    withinDays: l.withinDays ?? 0,
    ...(l.min !== null ? { min: l.min } : {}),
    ...(l.max !== null ? { max: l.max } : {}),
  };
}

export function toDsl(root: Root): TagRuleCondition {
  const items = root.items.map((it) => (it.kind === 'group' ? { [it.mode]: it.items.map(leafToDsl) } : leafToDsl(it)));
  return { [root.mode]: items } as unknown as TagRuleCondition;
}

type AnyObj = Record<string, unknown>;

function leafFromDsl(x: AnyObj): Leaf {
  if ('event' in x) {
    const where = Object.entries((x.where as AnyObj | undefined) ?? {}).map(([name, value]) => ({
      key: newKey(),
      name,
      value: Array.isArray(value) ? value.join(',') : String(value),
    }));
    return {
      kind: 'event',
      key: newKey(),
      event: String(x.event),
      where,
      withinDays: typeof x.withinDays === 'number' ? x.withinDays : null,
      min: typeof x.min === 'number' ? x.min : null,
      max: typeof x.max === 'number' ? x.max : null,
    };
  }
  const field = String(x.field);
  const yuan = (v: unknown) => (isMoneyField(field) && typeof v === 'number' ? v / 100 : (v as Scalar));
  const value = Array.isArray(x.value) ? x.value.map(yuan) : yuan(x.value);
  return { kind: 'attr', key: newKey(), field, op: x.op as Op, value };
}

export function fromDsl(c: TagRuleCondition): Root {
  const mode: Mode = 'all' in c ? 'all' : 'any';
  const list = ((c as AnyObj)[mode] as AnyObj[]) ?? [];
  return {
    mode,
    items: list.map((it) => {
      if ('all' in it || 'any' in it) {
        const m: Mode = 'all' in it ? 'all' : 'any';
        return { kind: 'group', key: newKey(), mode: m, items: (it[m] as AnyObj[]).map(leafFromDsl) };
      }
      return leafFromDsl(it);
    }),
  };
}
