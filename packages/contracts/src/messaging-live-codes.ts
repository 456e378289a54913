import { z } from 'zod';
import { idOf, IsoDate, Name, Ok, PageQuery, pageOf, Timestamp } from './common';
import { route } from './routes';

/**
 * 渠道活码 (channel live codes): a WeCom 联系我 contact way whose member list Siyu rotates (round
 * robin, random, sequential, weighted), caps per member and day, switches to backup staff off duty,
 * and whose `state` links every add back to the code (tags, remark, welcome message, stats).
 * docs/wecom.md, section 渠道活码 Live codes.
 */
export const LiveCodeId = idOf('lc');
export const GroupCodeId = idOf('gc');
const StaffIdRef = idOf('stf');
const OrgUnitRef = idOf('org');
const TagIdRef = idOf('tag');

/**
 * Variables of the remark, description and welcome templates: {昵称} the customer's WeChat nickname,
 * {渠道} the live code's name, {员工} the staff member's name, {日期} the add's date in the tenant's zone.
 */
export const LIVE_CODE_VARIABLES = ['昵称', '渠道', '员工', '日期'] as const;
export type LiveCodeVariable = (typeof LIVE_CODE_VARIABLES)[number];
/** WeCom limits the templates are checked against (remark 20, description 150 characters; 9 attachments). */
export const LIVE_CODE_LIMITS = {
  remarkMaxChars: 20,
  descriptionMaxChars: 150,
  welcomeTextMaxChars: 2000,
  welcomeAttachmentsMax: 9,
  membersMax: 100,
  departmentsMax: 20,
  backupMax: 20,
  tagsMax: 20,
  slotsMax: 14,
} as const;

const unknownVariables = (s: string) =>
  [...s.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((v) => !(LIVE_CODE_VARIABLES as readonly string[]).includes(v));
const withVariables = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => unknownVariables(s).length === 0, {
      message: `may only use the variables ${LIVE_CODE_VARIABLES.map((v) => `{${v}}`).join(' ')}`,
    });
/** Template text without its variables: what the rendered text has at least. */
const fixedChars = (s: string) => s.replace(/\{[^{}]*\}/g, '').length;

const HttpUrl = z
  .string()
  .trim()
  .max(1000)
  .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time as HH:MM');

export const WelcomeAttachment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), url: HttpUrl }),
  z.object({
    type: z.literal('link'),
    title: z.string().trim().min(1, 'must not be empty').max(128),
    url: HttpUrl,
    desc: z.string().trim().max(512).optional(),
    picUrl: HttpUrl.optional(),
  }),
  z.object({
    type: z.literal('miniprogram'),
    title: z.string().trim().min(1, 'must not be empty').max(64),
    appid: z
      .string()
      .trim()
      .regex(/^wx[0-9a-zA-Z]{14,18}$/, 'must be a mini-program AppID (wx…)'),
    page: z.string().trim().min(1, 'must not be empty').max(256),
    picUrl: HttpUrl,
  }),
]);
export type WelcomeAttachment = z.infer<typeof WelcomeAttachment>;

/** A welcome message: text with variables and up to 9 attachments (at least one of the two). */
export const WelcomeMessage = z
  .object({
    text: withVariables(LIVE_CODE_LIMITS.welcomeTextMaxChars).default(''),
    attachments: z.array(WelcomeAttachment).max(LIVE_CODE_LIMITS.welcomeAttachmentsMax).default([]),
  })
  .refine((w) => w.text.length > 0 || w.attachments.length > 0, {
    message: 'a welcome message needs text or an attachment',
    path: ['text'],
  });
export type WelcomeMessage = z.infer<typeof WelcomeMessage>;

export const LiveCodeWelcome = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('default').describe('the tenant default welcome message') }),
  z.object({ mode: z.literal('none').describe('no welcome from Siyu (e.g. one set in the WeCom console)') }),
  z
    .object({
      mode: z.literal('custom'),
      text: withVariables(LIVE_CODE_LIMITS.welcomeTextMaxChars).default(''),
      attachments: z.array(WelcomeAttachment).max(LIVE_CODE_LIMITS.welcomeAttachmentsMax).default([]),
    })
    .refine((w) => w.text.length > 0 || w.attachments.length > 0, {
      message: 'a welcome message needs text or an attachment',
      path: ['text'],
    }),
]);
export type LiveCodeWelcome = z.infer<typeof LiveCodeWelcome>;

export const LiveCodeDistribution = z
  .enum(['round_robin', 'random', 'sequential', 'weighted'])
  .describe(
    'round_robin: one member after another; random: WeCom picks among all eligible; sequential: the first eligible member until capped; weighted: smooth weighted round robin by weight',
  );
export type LiveCodeDistribution = z.infer<typeof LiveCodeDistribution>;

export const LiveCodeMemberInput = z.object({
  staffId: StaffIdRef,
  weight: z.number().int().min(1).max(100).default(1),
  dailyCap: z.number().int().min(1).max(100_000).nullable().default(null).describe('adds a day; null: no cap'),
});

export const ScheduleSlot = z
  .object({
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'pick at least one weekday')
      .max(7)
      .describe('1 Monday … 7 Sunday'),
    start: HhMm,
    end: HhMm,
  })
  .refine((s) => s.start < s.end, { message: 'must end after it starts', path: ['end'] });
/** Working hours in the tenant's time zone; outside every slot the backup staff take the adds. */
export const LiveCodeSchedule = z.object({ slots: z.array(ScheduleSlot).min(1).max(LIVE_CODE_LIMITS.slotsMax) });
export const TimeWindow = z.object({ start: HhMm, end: HhMm }).describe('tenant time; end before start wraps midnight');

const RemarkTemplate = withVariables(60).refine((s) => fixedChars(s) <= LIVE_CODE_LIMITS.remarkMaxChars, {
  message: `WeCom allows ${LIVE_CODE_LIMITS.remarkMaxChars} characters (the rendered remark is cut to that)`,
});
const DescriptionTemplate = withVariables(200).refine((s) => fixedChars(s) <= LIVE_CODE_LIMITS.descriptionMaxChars, {
  message: `WeCom allows ${LIVE_CODE_LIMITS.descriptionMaxChars} characters`,
});

const LiveCodeFields = {
  name: Name.max(40),
  description: z.string().trim().max(500).nullable().optional(),
  orgUnitId: OrgUnitRef.nullable().optional().describe('the store this code belongs to'),
  members: z.array(LiveCodeMemberInput).max(LIVE_CODE_LIMITS.membersMax).default([]),
  departmentIds: z
    .array(OrgUnitRef)
    .max(LIVE_CODE_LIMITS.departmentsMax)
    .default([])
    .describe('org units whose active staff are included'),
  departmentDailyCap: z.number().int().min(1).max(100_000).nullable().default(null),
  distribution: LiveCodeDistribution.default('round_robin'),
  backupStaffIds: z.array(StaffIdRef).max(LIVE_CODE_LIMITS.backupMax).default([]),
  schedule: LiveCodeSchedule.nullable().default(null),
  skipVerify: z.enum(['always', 'never', 'window']).default('always'),
  skipVerifyWindow: TimeWindow.nullable().default(null),
  tagIds: z.array(TagIdRef).max(LIVE_CODE_LIMITS.tagsMax).default([]),
  remarkTemplate: RemarkTemplate.nullable().default(null),
  descriptionTemplate: DescriptionTemplate.nullable().default(null),
  welcome: LiveCodeWelcome.default({ mode: 'default' }),
  groupCodeId: GroupCodeId.nullable().default(null).describe('a group live code whose QR is attached to the welcome'),
};

const rules = <T extends z.ZodType<Partial<Record<string, unknown>>>>(schema: T) =>
  schema
    .refine(
      (b) => {
        const x = b as { skipVerify?: string; skipVerifyWindow?: unknown };
        return x.skipVerify !== 'window' || Boolean(x.skipVerifyWindow);
      },
      { message: 'is required when skipVerify is window', path: ['skipVerifyWindow'] },
    )
    .refine(
      (b) => {
        const m = (b as { members?: { staffId: string }[] }).members ?? [];
        return new Set(m.map((x) => x.staffId)).size === m.length;
      },
      { message: 'lists a staff member twice', path: ['members'] },
    );

export const LiveCodeInput = rules(z.object(LiveCodeFields)).refine(
  (b) => b.members.length + b.departmentIds.length > 0,
  { message: 'add at least one staff member or department', path: ['members'] },
);
export type LiveCodeInput = z.infer<typeof LiveCodeInput>;
/** Changes carry only the fields sent (no defaults); members and departments are replaced as a whole. */
export const LiveCodePatch = rules(
  z
    .object({
      ...LiveCodeFields,
      members: z.array(LiveCodeMemberInput).max(LIVE_CODE_LIMITS.membersMax),
      departmentIds: z.array(OrgUnitRef).max(LIVE_CODE_LIMITS.departmentsMax),
      departmentDailyCap: z.number().int().min(1).max(100_000).nullable(),
      distribution: LiveCodeDistribution,
      backupStaffIds: z.array(StaffIdRef).max(LIVE_CODE_LIMITS.backupMax),
      schedule: LiveCodeSchedule.nullable(),
      skipVerify: z.enum(['always', 'never', 'window']),
      skipVerifyWindow: TimeWindow.nullable(),
      tagIds: z.array(TagIdRef).max(LIVE_CODE_LIMITS.tagsMax),
      remarkTemplate: RemarkTemplate.nullable(),
      descriptionTemplate: DescriptionTemplate.nullable(),
      welcome: LiveCodeWelcome,
      groupCodeId: GroupCodeId.nullable(),
    })
    .partial(),
);
export type LiveCodePatch = z.infer<typeof LiveCodePatch>;

export const LiveCodeMember = z.object({
  staffId: z.string(),
  staffName: z.string().nullable(),
  weight: z.number().int(),
  dailyCap: z.number().int().nullable(),
  wecomUserId: z.string().nullable().describe('null: the staff member has no WeCom account linked'),
  addsToday: z.number().int(),
});

export const LiveCode = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  members: z.array(LiveCodeMember),
  departmentIds: z.array(z.string()),
  departmentDailyCap: z.number().int().nullable(),
  distribution: LiveCodeDistribution,
  backupStaffIds: z.array(z.string()),
  schedule: LiveCodeSchedule.nullable(),
  skipVerify: z.enum(['always', 'never', 'window']),
  skipVerifyWindow: TimeWindow.nullable(),
  tagIds: z.array(z.string()),
  remarkTemplate: z.string().nullable(),
  descriptionTemplate: z.string().nullable(),
  welcome: LiveCodeWelcome,
  groupCodeId: z.string().nullable(),
  /** WeCom's `state` on the contact way: every add carries it back. */
  state: z.string(),
  configId: z.string().nullable(),
  qrCodeUrl: z.string().nullable(),
  /** The WeCom userids on the contact way now, and why: members, backup staff, or kept (nobody eligible). */
  currentWecomUserIds: z.array(z.string()),
  routing: z.enum(['members', 'backup', 'kept']).describe('kept: nobody eligible and no backup; the last list stays'),
  lastAppliedAt: Timestamp.nullable(),
  lastError: z.string().nullable().describe('the last WeCom failure applying the code, if any'),
  totals: z.object({ adds: z.number().int(), netAdds: z.number().int(), today: z.number().int() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type LiveCode = z.infer<typeof LiveCode>;

export const LiveCodeListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

export const LiveCodeStatsQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
const StatsFigures = {
  adds: z.number().int(),
  losses: z.number().int(),
  netAdds: z.number().int().describe('adds of the period not lost (yet)'),
  firstOrders: z.number().int().describe('customers of the code whose first paid order after the add was that day'),
  gmvFen: z.number().int().describe('paid order totals of the code’s customers, by payment day'),
};
export const LiveCodeStats = z.object({
  from: IsoDate,
  to: IsoDate,
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: IsoDate,
      scans: z.number().int().nullable().describe('null: not known (WeCom does not report scans)'),
      ...StatsFigures,
    }),
  ),
  staff: z.array(
    z.object({
      staffId: z.string().nullable(),
      staffName: z.string().nullable(),
      wecomUserId: z.string(),
      ...StatsFigures,
    }),
  ),
  totals: z.object({ scans: z.number().int().nullable(), ...StatsFigures }),
});
export type LiveCodeStats = z.infer<typeof LiveCodeStats>;

export const DefaultWelcome = z.object({
  text: z.string(),
  attachments: z.array(WelcomeAttachment),
  updatedAt: Timestamp.nullable().describe('null: never set (codes in default mode send nothing)'),
});
export type DefaultWelcome = z.infer<typeof DefaultWelcome>;

// ---- Routes -------------------------------------------------------------------------------------

const read = { audience: 'admin' as const, permission: 'channels.read' };
const write = { audience: 'admin' as const, permission: 'channels.write' };
const Params = z.object({ id: LiveCodeId });

export const liveCodeRoutes = {
  list: route({
    ...read,
    method: 'GET',
    path: '/admin/live-codes',
    summary: 'Live codes, newest first, with their totals (q searches the name)',
    query: LiveCodeListQuery,
    response: pageOf(LiveCode),
  }),
  create: route({
    ...write,
    method: 'POST',
    path: '/admin/live-codes',
    summary: 'Create a live code: a WeCom contact way with its state, members and welcome (409 without WeCom settings)',
    body: LiveCodeInput,
    response: LiveCode,
    status: 201,
  }),
  getDefaultWelcome: route({
    ...read,
    method: 'GET',
    path: '/admin/live-codes/default-welcome',
    summary: 'The tenant default welcome message (codes in default mode send it)',
    response: DefaultWelcome,
  }),
  putDefaultWelcome: route({
    ...write,
    method: 'PUT',
    path: '/admin/live-codes/default-welcome',
    summary: 'Set the tenant default welcome message',
    body: WelcomeMessage,
    response: DefaultWelcome,
  }),
  get: route({
    ...read,
    method: 'GET',
    path: '/admin/live-codes/:id',
    summary: 'One live code',
    params: Params,
    response: LiveCode,
  }),
  update: route({
    ...write,
    method: 'PATCH',
    path: '/admin/live-codes/:id',
    summary: 'Change a live code (the contact way is updated on WeCom)',
    params: Params,
    body: LiveCodePatch,
    response: LiveCode,
  }),
  remove: route({
    ...write,
    method: 'DELETE',
    path: '/admin/live-codes/:id',
    summary: 'Delete a live code and its WeCom contact way (the add history stays in the stats)',
    params: Params,
    response: Ok,
  }),
  stats: route({
    ...read,
    method: 'GET',
    path: '/admin/live-codes/:id/stats',
    summary: 'Adds, losses, net adds, first orders and GMV per day (tenant zone) and per staff member',
    params: Params,
    query: LiveCodeStatsQuery,
    response: LiveCodeStats,
  }),
};
