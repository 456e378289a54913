import type { TagRuleCondition } from '@siyu/contracts';
import type { TFunction } from 'i18next';
import { isMoneyField } from './rule-model';

type AnyObj = Record<string, unknown>;
const OP_SIGN: Record<string, string> = { eq: '=', neq: '≠', gte: '≥', lte: '≤', in: '∈' };

function fieldLabel(field: string, t: TFunction, customLabels: Record<string, string>) {
  if (field.startsWith('custom.')) return customLabels[field.slice(7)] ?? field.slice(7);
  return t(`tags.rules.fields.${field}`, { defaultValue: field });
}

function valueText(field: string, v: unknown, t: TFunction): string {
  if (Array.isArray(v)) return v.map((x) => valueText(field, x, t)).join(' / ');
  if (isMoneyField(field) && typeof v === 'number') return `¥${v / 100}`;
  if (field === 'stage') return t(`customers.stages.${String(v)}`, { defaultValue: String(v) });
  if (field === 'gender') return t(`customers.genders.${String(v)}`, { defaultValue: String(v) });
  return String(v);
}

function leaf(x: AnyObj, t: TFunction, labels: Record<string, string>): string {
  if ('event' in x) {
    const ev = String(x.event);
    const name = t(`customers.timeline.types.${ev.replace(/\./g, '_')}`, { defaultValue: ev });
    const where = Object.entries((x.where as AnyObj | undefined) ?? {})
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`)
      .join(', ');
    const count = [x.min !== undefined ? `≥ ${x.min}` : '', x.max !== undefined ? `≤ ${x.max}` : '']
      .filter(Boolean)
      .join(' ');
    return t('tags.rules.eventSummary', { event: name, where: where ? `（${where}）` : '', days: x.withinDays, count });
  }
  const field = String(x.field);
  return `${fieldLabel(field, t, labels)} ${OP_SIGN[String(x.op)] ?? x.op} ${valueText(field, x.value, t)}`;
}

/** A one-line reading of a rule condition for the rules list. */
export function describeCondition(
  c: TagRuleCondition,
  t: TFunction,
  customLabels: Record<string, string> = {},
): string {
  const node = (n: AnyObj): string => {
    const mode = 'all' in n ? 'all' : 'any' in n ? 'any' : null;
    if (!mode) return leaf(n, t, customLabels);
    const parts = (n[mode] as AnyObj[]).map((x) => ('all' in x || 'any' in x ? `(${node(x)})` : node(x)));
    return parts.join(mode === 'all' ? t('tags.rules.and') : t('tags.rules.or'));
  };
  return node(c as AnyObj);
}
