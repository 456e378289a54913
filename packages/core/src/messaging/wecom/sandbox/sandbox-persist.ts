/**
 * DEMO ONLY: a corp's sandbox state as JSON and back, so the demo's WeCom (contact ways behind live
 * codes, join ways, groups, contacts, tags, pending mass messages) survives a restart of `npm start`
 * — the live codes in the database keep pointing at contact ways that exist. Identity and keys
 * (corp id, secrets, Token, EncodingAESKey, callback URL) are not kept: they are set anew at start.
 * Welcome codes and deliveries are transient and not kept either.
 */
import type { SbxCorp } from './sandbox-model';

const KEPT = [
  'departments',
  'staff',
  'contacts',
  'tagGroups',
  'contactWays',
  'joinWays',
  'groups',
  'welcomes',
  'massMessages',
  'received',
  'moments',
  'groupWelcomeTemplates',
  'transfers',
  'losses',
  'media',
] as const satisfies readonly (keyof SbxCorp)[];

/** Welcome messages kept across a restart (the admin page shows recent ones). */
const WELCOMES_KEPT = 200;

const replacer = (_k: string, v: unknown) =>
  v instanceof Map ? { $map: [...v.entries()] } : v instanceof Set ? { $set: [...v] } : v;

const reviver = (_k: string, v: unknown) => {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('$map' in v && Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][]);
    if ('$set' in v && Array.isArray(v.$set)) return new Set(v.$set);
  }
  return v;
};

export function snapshotCorp(corp: SbxCorp): string {
  const kept: Record<string, unknown> = { version: 1 };
  for (const k of KEPT) kept[k] = k === 'welcomes' ? corp.welcomes.slice(-WELCOMES_KEPT) : corp[k];
  return JSON.stringify(kept, replacer);
}

/** Puts a snapshot's state into the corp; a snapshot of another version, or unreadable, is ignored (false). */
export function restoreCorp(corp: SbxCorp, text: string): boolean {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text, reviver) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (data.version !== 1) return false;
  const target = corp as Record<(typeof KEPT)[number], unknown>;
  for (const k of KEPT) if (k in data) target[k] = data[k];
  return true;
}
