import { z } from 'zod';
import { IsoDate, idOf, Ok, PageQuery, pageOf, Timestamp } from './common';
import { GroupCodeId } from './messaging-live-codes';
import { route } from './routes';

/**
 * 客户群 (customer groups) synced from WeCom, with their members, join scene and state, and the
 * tenant's group tags; 群活码 (group live codes): a WeCom join way fronting up to five groups that
 * moves to the next group when one reaches the cap. docs/wecom.md, section 客户群与群活码.
 */
export const GroupId = idOf('grp');
export const GroupTagId = idOf('gtg');
export const GroupSyncId = idOf('gsy');
const StaffIdRef = idOf('stf');

/** Limits of the join way the code checks before WeCom does (groupchat/add_join_way). */
export const GROUP_CODE_LIMITS = {
  groupsMax: 5,
  roomBaseNameMaxChars: 40,
  remarkMaxChars: 30,
  /** WeCom stops scan joins at 200 members; a code may move on earlier. */
  capMax: 200,
  capDefault: 200,
  tagsMax: 20,
} as const;

export const GroupStatus = z.enum(['active', 'dismissed']);
export const JoinScene = z
  .number()
  .int()
  .nullable()
  .describe('1 invited directly, 2 invited by link, 3 scanned a QR code (WeCom join_scene)');

export const GroupTag = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  sort: z.number().int(),
  groupCount: z.number().int().describe('active and dismissed groups carrying the tag'),
  createdAt: Timestamp,
});
export type GroupTag = z.infer<typeof GroupTag>;
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((s) => s.toLowerCase());
const TagFields = {
  name: z.string().trim().min(1, 'must not be empty').max(30),
  color: Color.nullable().optional(),
  sort: z.number().int().min(0).max(10000),
};
export const GroupTagInput = z.object({ ...TagFields, sort: TagFields.sort.default(0) });
export const GroupTagPatch = z.object(TagFields).partial();

export const Group = z.object({
  id: z.string(),
  chatId: z.string().describe('WeCom chat_id'),
  name: z.string(),
  ownerUserid: z.string(),
  ownerStaffId: z.string().nullable(),
  ownerName: z.string().nullable(),
  notice: z.string().nullable(),
  status: GroupStatus,
  memberCount: z.number().int(),
  externalCount: z.number().int().describe('members who are external contacts (customers)'),
  tagIds: z.array(z.string()),
  wecomCreatedAt: Timestamp.nullable(),
  dismissedAt: Timestamp.nullable(),
  syncedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type Group = z.infer<typeof Group>;

export const GroupMember = z.object({
  userid: z.string(),
  type: z.enum(['staff', 'external']),
  name: z.string().nullable(),
  groupNickname: z.string().nullable(),
  joinScene: JoinScene,
  invitorUserid: z.string().nullable(),
  state: z.string().nullable().describe('the join way state the member came through'),
  groupCodeId: z.string().nullable(),
  customerId: z.string().nullable().describe('the customer, when the external contact is one we know'),
  staffId: z.string().nullable().describe('the staff member, for corp members'),
  joinedAt: Timestamp.nullable(),
  isAdmin: z.boolean(),
});
export const GroupDetail = Group.extend({
  members: z.array(GroupMember),
  /** Members who left, newest first (at most 100). */
  leftMembers: z.array(GroupMember.extend({ leftAt: Timestamp, quitScene: z.number().int().nullable() })),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the group name'),
  ownerStaffId: StaffIdRef.optional(),
  tagId: GroupTagId.optional(),
  status: GroupStatus.optional(),
});

export const GroupTagsInput = z.object({ tagIds: z.array(GroupTagId).max(GROUP_CODE_LIMITS.tagsMax) });

export const GroupSync = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  trigger: z.enum(['manual', 'schedule', 'setup']),
  listed: z.number().int().describe('groups listed by groupchat/list so far'),
  processed: z.number().int(),
  skipped: z.number().int().describe('listed, but dismissed before groupchat/get could read them'),
  total: z.number().int().nullable().describe('known once the listing reached its last page'),
  dismissed: z.number().int().describe('registry groups WeCom no longer lists, marked dismissed'),
  error: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type GroupSync = z.infer<typeof GroupSync>;

// ---- Group codes ----------------------------------------------------------------------------------

const GroupCodeFields = {
  name: z.string().trim().min(1, 'must not be empty').max(40),
  groupIds: z
    .array(GroupId)
    .min(1, 'pick at least one group')
    .max(GROUP_CODE_LIMITS.groupsMax, `WeCom allows ${GROUP_CODE_LIMITS.groupsMax} groups on a join way`),
  memberCap: z.number().int().min(1).max(GROUP_CODE_LIMITS.capMax),
  autoCreate: z.boolean().describe('when every group is full, WeCom creates a new one (room_base_name + number)'),
  roomBaseName: z.string().trim().min(1, 'must not be empty').max(GROUP_CODE_LIMITS.roomBaseNameMaxChars).nullable(),
  roomBaseId: z.number().int().min(1).max(100000).nullable(),
  remark: z.string().trim().max(GROUP_CODE_LIMITS.remarkMaxChars).nullable(),
};
const distinctGroups = (b: { groupIds?: string[] }) => !b.groupIds || new Set(b.groupIds).size === b.groupIds.length;
const baseNameWhenAuto = (b: { autoCreate?: boolean; roomBaseName?: string | null }) =>
  b.autoCreate !== true || Boolean(b.roomBaseName);

export const GroupCodeInput = z
  .object({
    ...GroupCodeFields,
    memberCap: GroupCodeFields.memberCap.default(GROUP_CODE_LIMITS.capDefault),
    autoCreate: GroupCodeFields.autoCreate.default(false),
    roomBaseName: GroupCodeFields.roomBaseName.default(null),
    roomBaseId: GroupCodeFields.roomBaseId.default(null),
    remark: GroupCodeFields.remark.default(null),
  })
  .refine(distinctGroups, { message: 'lists a group twice', path: ['groupIds'] })
  .refine(baseNameWhenAuto, { message: 'is required when autoCreate is on', path: ['roomBaseName'] });
export type GroupCodeInput = z.infer<typeof GroupCodeInput>;
/** Changes carry only the fields sent; groupIds replaces the list. */
export const GroupCodePatch = z
  .object(GroupCodeFields)
  .partial()
  .refine(distinctGroups, { message: 'lists a group twice', path: ['groupIds'] });
export type GroupCodePatch = z.infer<typeof GroupCodePatch>;

export const GroupCodeGroup = z.object({
  groupId: z.string(),
  chatId: z.string(),
  name: z.string(),
  status: GroupStatus,
  memberCount: z.number().int(),
  full: z.boolean().describe('at or above the code’s cap'),
  onJoinWay: z.boolean().describe('on the WeCom join way now'),
});
export const GroupCode = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string().describe('the join way state: each member who joins through the code carries it'),
  configId: z.string().nullable(),
  qrCodeUrl: z.string().nullable(),
  groups: z.array(GroupCodeGroup),
  memberCap: z.number().int(),
  autoCreate: z.boolean(),
  roomBaseName: z.string().nullable(),
  roomBaseId: z.number().int().nullable(),
  remark: z.string().nullable(),
  routing: z.enum(['open', 'full']).describe('full: every group reached the cap and no room is created'),
  joins: z.number().int().describe('joins through the code, all time'),
  lastAppliedAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type GroupCode = z.infer<typeof GroupCode>;

export const GroupCodeListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

export const GroupCodeStatsQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export const GroupCodeStats = z.object({
  from: IsoDate,
  to: IsoDate,
  timeZone: z.string(),
  days: z.array(z.object({ date: IsoDate, joins: z.number().int(), leaves: z.number().int() })),
  groups: z.array(
    GroupCodeGroup.extend({
      joins: z.number().int().describe('joins through the code in the period'),
      leaves: z.number().int().describe('members who came through the code and left, in the period'),
      joinsByDay: z.array(z.number().int()).describe('joins per day, aligned with days'),
    }),
  ),
  totals: z.object({ joins: z.number().int(), leaves: z.number().int(), members: z.number().int() }),
});
export type GroupCodeStats = z.infer<typeof GroupCodeStats>;

// ---- Routes -------------------------------------------------------------------------------------

const read = { audience: 'admin' as const, permission: 'channels.read' };
const write = { audience: 'admin' as const, permission: 'channels.write' };
const GroupParams = z.object({ id: GroupId });
const TagParams = z.object({ id: GroupTagId });
const SyncParams = z.object({ id: GroupSyncId });
const CodeParams = z.object({ id: GroupCodeId });

export const groupRoutes = {
  list: route({
    ...read,
    method: 'GET',
    path: '/admin/groups',
    summary: 'Customer groups (客户群), newest first; q searches the name',
    query: GroupListQuery,
    response: pageOf(Group),
  }),
  listTags: route({
    ...read,
    method: 'GET',
    path: '/admin/group-tags',
    summary: 'Group tags with how many groups carry each',
    response: z.object({ items: z.array(GroupTag) }),
  }),
  createTag: route({
    ...write,
    method: 'POST',
    path: '/admin/group-tags',
    summary: 'Create a group tag (409 when the name exists)',
    body: GroupTagInput,
    response: GroupTag,
    status: 201,
  }),
  updateTag: route({
    ...write,
    method: 'PATCH',
    path: '/admin/group-tags/:id',
    summary: 'Rename or recolour a group tag',
    params: TagParams,
    body: GroupTagPatch,
    response: GroupTag,
  }),
  deleteTag: route({
    ...write,
    method: 'DELETE',
    path: '/admin/group-tags/:id',
    summary: 'Delete a group tag (taken off every group)',
    params: TagParams,
    response: Ok,
  }),
  startSync: route({
    ...write,
    method: 'POST',
    path: '/admin/groups/sync',
    summary:
      'Start importing the corp’s groups from WeCom (groupchat/list + get); answers the running sync if one is under way (409 without WeCom settings)',
    response: GroupSync,
    status: 201,
  }),
  latestSync: route({
    ...read,
    method: 'GET',
    path: '/admin/groups/sync',
    summary: 'The latest group sync, or null',
    response: z.object({ sync: GroupSync.nullable() }),
  }),
  getSync: route({
    ...read,
    method: 'GET',
    path: '/admin/groups/sync/:id',
    summary: 'A group sync’s progress',
    params: SyncParams,
    response: GroupSync,
  }),
  get: route({
    ...read,
    method: 'GET',
    path: '/admin/groups/:id',
    summary: 'One group with its members (join scene, invitor, state, customer) and who left',
    params: GroupParams,
    response: GroupDetail,
  }),
  setTags: route({
    ...write,
    method: 'PUT',
    path: '/admin/groups/:id/tags',
    summary: 'Replace the tags of a group',
    params: GroupParams,
    body: GroupTagsInput,
    response: Group,
  }),
};

export const groupCodeRoutes = {
  list: route({
    ...read,
    method: 'GET',
    path: '/admin/group-codes',
    summary: 'Group live codes (群活码), newest first',
    query: GroupCodeListQuery,
    response: pageOf(GroupCode),
  }),
  create: route({
    ...write,
    method: 'POST',
    path: '/admin/group-codes',
    summary: 'Create a group code: a WeCom join way over the groups with its state (409 without WeCom settings)',
    body: GroupCodeInput,
    response: GroupCode,
    status: 201,
  }),
  get: route({
    ...read,
    method: 'GET',
    path: '/admin/group-codes/:id',
    summary: 'One group code with its groups and their fill',
    params: CodeParams,
    response: GroupCode,
  }),
  update: route({
    ...write,
    method: 'PATCH',
    path: '/admin/group-codes/:id',
    summary: 'Change a group code (the join way is updated on WeCom)',
    params: CodeParams,
    body: GroupCodePatch,
    response: GroupCode,
  }),
  remove: route({
    ...write,
    method: 'DELETE',
    path: '/admin/group-codes/:id',
    summary: 'Delete a group code and its WeCom join way (join history stays)',
    params: CodeParams,
    response: Ok,
  }),
  stats: route({
    ...read,
    method: 'GET',
    path: '/admin/group-codes/:id/stats',
    summary: 'Per group: members now, joins through the code by day, leaves (tenant time zone)',
    params: CodeParams,
    query: GroupCodeStatsQuery,
    response: GroupCodeStats,
  }),
};
