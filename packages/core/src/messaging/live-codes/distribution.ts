/**
 * Who is on a live code's contact way: WeCom picks at random among `user[]`, so Siyu steers the
 * distribution by changing the list. Pure and deterministic (the weighted mode is smooth weighted
 * round robin, as nginx does it): the caller brings today's add counts and whether it is working time.
 */
import type { Rotation } from './live-codes.types';

export type Distribution = 'round_robin' | 'random' | 'sequential' | 'weighted';

/** A member with a WeCom account, in the code's order, and its adds through the code today. */
export type Candidate = {
  staffId: string;
  wecomUserId: string;
  weight: number;
  dailyCap: number | null;
  addsToday: number;
};

export type Target = { userIds: string[]; routing: 'members' | 'backup' | 'kept'; rotation: Rotation };

/** Members who may take adds now: on duty and below their daily cap. */
export const eligibleOf = (members: readonly Candidate[], onDuty: boolean) =>
  onDuty ? members.filter((m) => m.dailyCap === null || m.addsToday < m.dailyCap) : [];

/** One smooth-weighted-round-robin step over the eligible members (ties go to the earlier member). */
function weightedStep(eligible: readonly Candidate[], weights: Record<string, number>) {
  const next = { ...weights };
  let best: Candidate | null = null;
  let total = 0;
  for (const m of eligible) {
    next[m.staffId] = (next[m.staffId] ?? 0) + m.weight;
    total += m.weight;
    if (!best || next[m.staffId]! > next[best.staffId]!) best = m;
  }
  if (best) next[best.staffId]! -= total;
  return { pick: best, weights: next };
}

/** The member after `current` in the code's order that is eligible (wrapping); the first when none. */
function nextInOrder(members: readonly Candidate[], eligible: readonly Candidate[], current: string | null) {
  const ok = new Set(eligible.map((m) => m.staffId));
  const from = members.findIndex((m) => m.staffId === current);
  for (let i = 1; i <= members.length; i++) {
    const m = members[(from + i + members.length) % members.length]!;
    if (ok.has(m.staffId)) return m;
  }
  return null;
}

/** Picks the next member for a one-at-a-time mode (after an add, or when the current one dropped out). */
export function advance(
  distribution: Exclude<Distribution, 'random'>,
  members: readonly Candidate[],
  eligible: readonly Candidate[],
  rotation: Rotation,
): Rotation {
  if (eligible.length === 0) return rotation;
  if (distribution === 'sequential') return { ...rotation, current: eligible[0]!.staffId };
  if (distribution === 'round_robin')
    return { ...rotation, current: nextInOrder(members, eligible, rotation.current)?.staffId ?? null };
  const { pick, weights } = weightedStep(eligible, rotation.weights);
  return { current: pick?.staffId ?? null, weights };
}

/**
 * The list the contact way should carry. `afterAdd`: an add just went to the current member, so a
 * one-at-a-time mode moves on. Nobody eligible → the backup staff; no backup either → the list
 * already applied stays (`kept`), as an empty `user` list is not allowed.
 */
export function computeTarget(input: {
  distribution: Distribution;
  members: readonly Candidate[];
  onDuty: boolean;
  backupUserIds: readonly string[];
  applied: readonly string[];
  rotation: Rotation;
  afterAdd: boolean;
}): Target {
  const { distribution, members, rotation } = input;
  const eligible = eligibleOf(members, input.onDuty);
  if (eligible.length === 0) {
    const backup = [...new Set(input.backupUserIds)];
    if (backup.length) return { userIds: backup, routing: 'backup', rotation };
    return { userIds: [...input.applied], routing: 'kept', rotation };
  }
  if (distribution === 'random') return { userIds: eligible.map((m) => m.wecomUserId), routing: 'members', rotation };
  const stillOk = eligible.some((m) => m.staffId === rotation.current);
  const next = input.afterAdd || !stillOk ? advance(distribution, members, eligible, rotation) : rotation;
  const pick = eligible.find((m) => m.staffId === next.current) ?? eligible[0]!;
  return { userIds: [pick.wecomUserId], routing: 'members', rotation: { ...next, current: pick.staffId } };
}
