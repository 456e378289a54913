import type { LiveCode, LiveCodeDistribution, LiveCodeInput, WelcomeAttachment } from '@siyu/contracts';

/** What the live code form holds (antd Form values): the contract's fields, flattened for editing. */
export type LiveCodeValues = {
  name: string;
  description?: string | null;
  orgUnitId?: string | null;
  members: { staffId?: string; weight?: number | null; dailyCap?: number | null }[];
  departmentIds: string[];
  departmentDailyCap?: number | null;
  distribution: LiveCodeDistribution;
  backupStaffIds: string[];
  scheduleOn: boolean;
  slots: { weekdays: number[]; start?: string; end?: string }[];
  skipVerify: 'always' | 'never' | 'window';
  windowStart?: string;
  windowEnd?: string;
  tagIds: string[];
  remarkTemplate?: string | null;
  descriptionTemplate?: string | null;
  welcomeMode: 'default' | 'none' | 'custom';
  welcomeText?: string;
  attachments: WelcomeAttachment[];
  groupCodeId?: string | null;
};

export const WORKDAYS = [1, 2, 3, 4, 5];

export const EMPTY_VALUES: LiveCodeValues = {
  name: '',
  members: [{ weight: 1 }],
  departmentIds: [],
  distribution: 'round_robin',
  backupStaffIds: [],
  scheduleOn: false,
  slots: [{ weekdays: WORKDAYS, start: '09:00', end: '18:00' }],
  skipVerify: 'always',
  windowStart: '09:00',
  windowEnd: '21:00',
  tagIds: [],
  welcomeMode: 'default',
  welcomeText: '',
  attachments: [],
  groupCodeId: null,
};

export function toValues(c: LiveCode): LiveCodeValues {
  return {
    name: c.name,
    description: c.description,
    orgUnitId: c.orgUnitId,
    members: c.members.map((m) => ({ staffId: m.staffId, weight: m.weight, dailyCap: m.dailyCap })),
    departmentIds: c.departmentIds,
    departmentDailyCap: c.departmentDailyCap,
    distribution: c.distribution,
    backupStaffIds: c.backupStaffIds,
    scheduleOn: Boolean(c.schedule),
    slots: c.schedule?.slots ?? EMPTY_VALUES.slots,
    skipVerify: c.skipVerify,
    windowStart: c.skipVerifyWindow?.start ?? EMPTY_VALUES.windowStart,
    windowEnd: c.skipVerifyWindow?.end ?? EMPTY_VALUES.windowEnd,
    tagIds: c.tagIds,
    remarkTemplate: c.remarkTemplate,
    descriptionTemplate: c.descriptionTemplate,
    welcomeMode: c.welcome.mode,
    welcomeText: c.welcome.mode === 'custom' ? c.welcome.text : '',
    attachments: c.welcome.mode === 'custom' ? c.welcome.attachments : [],
    groupCodeId: c.groupCodeId,
  };
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Optional texts of an attachment left blank are left out (the contract wants them absent, not empty). */
function cleanAttachment(a: WelcomeAttachment): WelcomeAttachment {
  if (a.type === 'link') return { ...a, desc: blank(a.desc) ?? undefined, picUrl: blank(a.picUrl) ?? undefined };
  return a;
}

/** The body of a create (or a full update): every field, as the contract names it. */
export function toBody(v: LiveCodeValues): LiveCodeInput {
  return {
    name: v.name.trim(),
    description: blank(v.description),
    orgUnitId: v.orgUnitId ?? null,
    members: v.members
      .filter((m) => m.staffId)
      .map((m) => ({ staffId: m.staffId!, weight: m.weight ?? 1, dailyCap: m.dailyCap ?? null })),
    departmentIds: v.departmentIds,
    departmentDailyCap: v.departmentDailyCap ?? null,
    distribution: v.distribution,
    backupStaffIds: v.backupStaffIds,
    schedule: v.scheduleOn
      ? { slots: v.slots.map((s) => ({ weekdays: [...s.weekdays].sort(), start: s.start ?? '', end: s.end ?? '' })) }
      : null,
    skipVerify: v.skipVerify,
    skipVerifyWindow: v.skipVerify === 'window' ? { start: v.windowStart ?? '', end: v.windowEnd ?? '' } : null,
    tagIds: v.tagIds,
    remarkTemplate: blank(v.remarkTemplate),
    descriptionTemplate: blank(v.descriptionTemplate),
    welcome:
      v.welcomeMode === 'custom'
        ? { mode: 'custom', text: v.welcomeText ?? '', attachments: v.attachments.map(cleanAttachment) }
        : { mode: v.welcomeMode },
    groupCodeId: v.groupCodeId ?? null,
  };
}

/** Form field path of a contract field (the 400 answer names `skipVerifyWindow`, the form has windowStart…). */
export const FIELD_OF: Record<string, (string | number)[]> = {
  skipVerifyWindow: ['windowStart'],
  schedule: ['slots'],
  welcome: ['welcomeText'],
};
