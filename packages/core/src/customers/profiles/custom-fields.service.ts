import type { CustomFieldInput } from '@siyu/contracts';
import type { z } from 'zod';
import { conflict, type Ctx, invalid, newId, notFound } from '../../platform';
import {
  deleteFieldDef,
  type FieldDefRow,
  findFieldDef,
  insertFieldDef,
  listFieldDefs,
  updateFieldDef,
} from './custom-fields.repo';

const toDef = (r: FieldDefRow) => ({
  id: r.id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  required: r.required,
  sort: r.sort,
});

export const listCustomFields = async (ctx: Ctx) => ({ items: (await listFieldDefs(ctx.db, ctx.tenantId)).map(toDef) });

export async function createCustomField(ctx: Ctx, input: z.output<typeof CustomFieldInput>) {
  if ((input.type === 'single' || input.type === 'multi') && !input.options.length)
    throw invalid('options', 'a choice field needs at least one option');
  const [row] = await insertFieldDef(ctx.db, {
    tenantId: ctx.tenantId,
    id: newId('cfd', ctx.clock.now()),
    ...input,
    createdAt: ctx.clock.now(),
  });
  if (!row) throw conflict('FIELD_KEY_TAKEN', `A custom field with key ${input.key} exists already`, { field: 'key' });
  await ctx.audit({
    action: 'customer_field.create',
    entityType: 'customer_field',
    entityId: row.id,
    summary: `Defined custom field ${row.label} (${row.key})`,
  });
  return toDef(row);
}

export async function updateCustomField(ctx: Ctx, id: string, input: Partial<z.output<typeof CustomFieldInput>>) {
  const before = await findFieldDef(ctx.db, ctx.tenantId, id);
  if (!before) throw notFound('Custom field', id);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const row = Object.keys(set).length ? await updateFieldDef(ctx.db, ctx.tenantId, id, set) : before;
  await ctx.audit({
    action: 'customer_field.update',
    entityType: 'customer_field',
    entityId: id,
    summary: `Changed custom field ${row!.label}`,
    changes: set,
  });
  return toDef(row!);
}

export async function deleteCustomField(ctx: Ctx, id: string) {
  const row = await findFieldDef(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('Custom field', id);
  await deleteFieldDef(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'customer_field.delete',
    entityType: 'customer_field',
    entityId: id,
    summary: `Deleted custom field ${row.label}`,
  });
  return { ok: true as const };
}

/**
 * Checks custom values against the tenant's definitions: unknown keys, wrong types and options not
 * offered are refused with 400 naming `custom.<key>`; required fields are required when creating.
 */
export async function validateCustom(ctx: Ctx, values: Record<string, unknown>, creating: boolean) {
  const defs = new Map((await listFieldDefs(ctx.db, ctx.tenantId)).map((d) => [d.key, d]));
  for (const [key, v] of Object.entries(values)) {
    const d = defs.get(key);
    const field = `custom.${key}`;
    if (!d) throw invalid(field, 'is not a defined custom field');
    if (v === null) {
      if (d.required) throw invalid(field, 'is required');
      continue;
    }
    const ok =
      d.type === 'text'
        ? typeof v === 'string'
        : d.type === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : d.type === 'date'
            ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
            : d.type === 'single'
              ? typeof v === 'string' && d.options.includes(v)
              : Array.isArray(v) && v.every((x) => typeof x === 'string' && d.options.includes(x));
    if (!ok)
      throw invalid(
        field,
        d.type === 'single' || d.type === 'multi' ? `must be among ${d.options.join(', ')}` : `must be a ${d.type}`,
      );
  }
  if (creating)
    for (const d of defs.values())
      if (d.required && values[d.key] == null) throw invalid(`custom.${d.key}`, 'is required');
}
