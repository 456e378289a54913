import { z } from 'zod';
import { idOf, Timestamp } from './common';
import { route } from './routes';

/**
 * WeCom sync (docs/wecom.md, 同步): the corp's members and the Siyu staff member each one is (linked
 * automatically by email name or by hand), and sync runs of staff, customers and tags with progress.
 */
export const WecomUserid = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'must be a WeCom userid (letters, digits, _ . @ -)');

export const WecomMember = z.object({
  userid: z.string(),
  name: z.string(),
  departments: z.array(z.object({ id: z.number().int(), name: z.string().nullable() })),
  position: z.string().nullable(),
  status: z.number().int().nullable().describe('WeCom: 1 active, 2 disabled, 4 not activated, 5 left'),
  customerContact: z.boolean().describe('has 客户联系, so it can have customers'),
  present: z.boolean().describe('still a member at the last staff sync'),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  linkedBy: z.enum(['auto', 'manual']).nullable().describe('manual with staffId null: linked to nobody on purpose'),
  linkedAt: Timestamp.nullable(),
  syncedAt: Timestamp,
});
export type WecomMember = z.infer<typeof WecomMember>;
export const WecomMemberList = z.object({
  configured: z.boolean().describe('WeCom settings exist'),
  items: z.array(WecomMember),
});

export const WecomMemberLinkInput = z.object({
  staffId: idOf('stf').nullable().describe('the staff member this WeCom member is; null: nobody'),
});

export const WecomSyncWhat = z.enum(['staff', 'customers', 'tags']);
export const WecomSyncInput = z.object({ what: WecomSyncWhat });

export const WecomSyncRun = z.object({
  id: z.string(),
  what: WecomSyncWhat,
  trigger: z.enum(['manual', 'schedule']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int().nullable().describe('null while unknown (customers: WeCom gives no count)'),
  done: z.number().int(),
  failed: z.number().int(),
  stats: z.record(z.string(), z.number()),
  errors: z.array(z.object({ item: z.string(), message: z.string() })).describe('the first 50'),
  position: z.object({
    members: z.number().int().nullable().describe('members whose customers are read'),
    batch: z.number().int().nullable().describe('the batch of ≤ 100 members being read'),
    cursor: z.string().nullable().describe("WeCom's cursor within the batch; a restart continues here"),
  }),
  error: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type WecomSyncRun = z.infer<typeof WecomSyncRun>;

const read = { audience: 'admin' as const, permission: 'channels.read' };
const write = { audience: 'admin' as const, permission: 'channels.write' };
export const wecomSyncRoutes = {
  members: route({
    ...read,
    method: 'GET',
    path: '/admin/wecom/members',
    summary: 'WeCom members (from the last staff sync) with the staff member each one is linked to',
    response: WecomMemberList,
  }),
  link: route({
    ...write,
    method: 'PUT',
    path: '/admin/wecom/members/:userid/link',
    summary: 'Link a WeCom member to a staff member by hand, or to nobody (staffId null); audited',
    params: z.object({ userid: WecomUserid }),
    body: WecomMemberLinkInput,
    response: WecomMember,
  }),
  start: route({
    ...write,
    method: 'POST',
    path: '/admin/wecom/sync',
    summary:
      'Start a sync of staff, customers or tags (joins a run of that kind in progress; resumes a failed customers run)',
    body: WecomSyncInput,
    response: WecomSyncRun,
    status: 201,
  }),
  runs: route({
    ...read,
    method: 'GET',
    path: '/admin/wecom/sync',
    summary: 'Recent sync runs, newest first',
    response: z.object({ items: z.array(WecomSyncRun) }),
  }),
  run: route({
    ...read,
    method: 'GET',
    path: '/admin/wecom/sync/:id',
    summary: 'One sync run: progress (done/total/failed), errors, position',
    params: z.object({ id: idOf('wsr') }),
    response: WecomSyncRun,
  }),
};
