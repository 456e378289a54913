/** `{field: {from, to}}` for the fields of `after` whose value differs from `before` (for audit entries). */
export function diffChanges<T extends object>(before: T, after: T, redact: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    out[k] = redact.includes(k) ? { changed: true } : { from: before[k], to: after[k] };
  }
  return out;
}
