import { z } from 'zod';
import { idOf, Ok, PageQuery, pageOf, Timestamp } from './common';
import { route } from './routes';

const CustomerId = idOf('cus');
const StaffId = idOf('stf');
const NoteId = idOf('note');
const TaskId = idOf('tsk');
const NotificationId = idOf('ntf');

export const FollowUpMethod = z.enum(['call', 'wechat', 'visit', 'sms', 'email', 'other']);
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export const TaskKind = z.enum(['follow_up', 'lead', 'other']);
export const Note = z.object({
  id: z.string(),
  customerId: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof Note>;

export const Task = z.object({
  id: z.string(),
  kind: TaskKind,
  title: z.string(),
  description: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  dueAt: Timestamp.nullable(),
  remindAt: Timestamp.nullable(),
  remindedAt: Timestamp.nullable(),
  status: TaskStatus,
  overdue: z.boolean().describe('open and past its due time: the console highlights it'),
  doneAt: Timestamp.nullable(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

export const FollowUp = z.object({
  id: z.string(),
  customerId: z.string(),
  staffId: z.string(),
  staffName: z.string().nullable(),
  method: FollowUpMethod,
  content: z.string(),
  nextStep: z.string().nullable(),
  createdAt: Timestamp,
  task: Task.nullable().optional().describe('the next task created with the record (answer to a create only)'),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const StaffNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type StaffNotification = z.infer<typeof StaffNotification>;

export const Workbench = z.object({
  customers: z.number().int().describe('customers I own or follow'),
  tasksToday: z.number().int().describe('my open tasks due today (tenant time zone)'),
  overdue: z.number().int().describe('my open tasks past their due time'),
  unreadNotifications: z.number().int(),
});

const At = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp with a time zone' });
const Title = z.string().trim().min(1, 'must not be empty').max(200);
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const NoteInput = z.object({ body: Text(5000) });
export const NextTaskInput = z.object({ title: Title, dueAt: At, remindAt: At.nullable().optional() });
export const FollowUpInput = z.object({
  method: FollowUpMethod,
  content: Text(5000),
  nextStep: z.string().trim().max(500).nullable().optional(),
  nextTask: NextTaskInput.optional().describe('creates a follow-up task for the author'),
});
export const CreateTaskInput = z.object({
  assigneeId: StaffId,
  customerId: CustomerId.optional(),
  kind: z.enum(['follow_up', 'other']).default('follow_up'),
  title: Title,
  description: z.string().trim().max(2000).nullable().optional(),
  dueAt: At.nullable().optional(),
  remindAt: At.nullable().optional(),
});
export const UpdateTaskInput = z
  .object({
    assigneeId: StaffId,
    title: Title,
    description: z.string().trim().max(2000).nullable(),
    dueAt: At.nullable(),
    remindAt: At.nullable(),
  })
  .partial();
export const TaskQuery = PageQuery.extend({
  assignee: z.union([z.literal('me'), StaffId]).optional(),
  status: TaskStatus.optional(),
  due: z.enum(['today', 'overdue']).optional().describe('today: due today in the tenant time zone'),
  customerId: CustomerId.optional(),
});
export const MyTasksQuery = z.object({
  view: z.enum(['today', 'overdue', 'upcoming', 'all']).default('today'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const HandOffInput = z.object({ toStaffId: StaffId, reason: Text(200) });
export const HandOffResult = z.object({
  customerId: z.string(),
  toStaffId: z.string(),
  primary: z.boolean().describe('the receiver also became the primary owner (the customer had none)'),
  task: Task,
});
export const NotificationQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread'),
});

const Id = z.object({ id: CustomerId });
const NoteParams = z.object({ id: CustomerId, noteId: NoteId });
const TaskParams = z.object({ id: TaskId });

/** Notes, follow-up records, tasks and reminders, lead hand-off, staff notifications. */
export const followUpRoutes = {
  listNotes: route({
    method: 'GET',
    path: '/admin/customers/:id/notes',
    audience: 'admin',
    permission: 'customers.read',
    summary: "The customer's notes, newest first",
    params: Id,
    query: PageQuery,
    response: pageOf(Note),
  }),
  createNote: route({
    method: 'POST',
    path: '/admin/customers/:id/notes',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Add a note to the customer',
    params: Id,
    body: NoteInput,
    response: Note,
    status: 201,
  }),
  updateNote: route({
    method: 'PATCH',
    path: '/admin/customers/:id/notes/:noteId',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Change a note (its author, or staff.write)',
    params: NoteParams,
    body: NoteInput,
    response: Note,
  }),
  deleteNote: route({
    method: 'DELETE',
    path: '/admin/customers/:id/notes/:noteId',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Delete a note (its author, or staff.write)',
    params: NoteParams,
    response: Ok,
  }),
  listFollowUps: route({
    method: 'GET',
    path: '/admin/customers/:id/follow-ups',
    audience: 'admin',
    permission: 'customers.read',
    summary: "The customer's follow-up records, newest first",
    params: Id,
    query: PageQuery,
    response: pageOf(FollowUp),
  }),
  createFollowUp: route({
    method: 'POST',
    path: '/admin/customers/:id/follow-ups',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Record a follow-up (method, content, next step), optionally with the next task',
    params: Id,
    body: FollowUpInput,
    response: FollowUp,
    status: 201,
  }),
  handOff: route({
    method: 'POST',
    path: '/admin/customers/:id/hand-off',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Hand a lead to a staff member: they follow it, get a lead task and a notification',
    params: Id,
    body: HandOffInput,
    response: HandOffResult,
  }),
  listTasks: route({
    method: 'GET',
    path: '/admin/tasks',
    audience: 'admin',
    permission: 'customers.read',
    summary: 'Tasks within the data scope, newest first',
    query: TaskQuery,
    response: pageOf(Task),
  }),
  myTasks: route({
    method: 'GET',
    path: '/admin/tasks/mine',
    audience: 'admin',
    permission: 'customers.read',
    summary: 'My open tasks due today, overdue or upcoming (or all of mine), soonest first',
    query: MyTasksQuery,
    response: z.object({ items: z.array(Task) }),
  }),
  getTask: route({
    method: 'GET',
    path: '/admin/tasks/:id',
    audience: 'admin',
    permission: 'customers.read',
    summary: 'One task',
    params: TaskParams,
    response: Task,
  }),
  createTask: route({
    method: 'POST',
    path: '/admin/tasks',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Create a task for an active staff member, optionally about a customer',
    body: CreateTaskInput,
    response: Task,
    status: 201,
  }),
  updateTask: route({
    method: 'PATCH',
    path: '/admin/tasks/:id',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Change an open task; a new reminder time re-arms the reminder',
    params: TaskParams,
    body: UpdateTaskInput,
    response: Task,
  }),
  completeTask: route({
    method: 'POST',
    path: '/admin/tasks/:id/complete',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Mark an open task done',
    params: TaskParams,
    response: Task,
  }),
  cancelTask: route({
    method: 'POST',
    path: '/admin/tasks/:id/cancel',
    audience: 'admin',
    permission: 'customers.write',
    summary: 'Cancel an open task',
    params: TaskParams,
    response: Task,
  }),
  workbench: route({
    method: 'GET',
    path: '/admin/workbench',
    audience: 'admin',
    permission: 'customers.read',
    summary: "The sales workbench's counters",
    response: Workbench,
  }),
  listNotifications: route({
    method: 'GET',
    path: '/admin/notifications',
    audience: 'admin',
    summary: 'My notifications, newest first, with the unread count',
    query: NotificationQuery,
    response: pageOf(StaffNotification).extend({ unread: z.number().int() }),
  }),
  readNotification: route({
    method: 'POST',
    path: '/admin/notifications/:id/read',
    audience: 'admin',
    summary: 'Mark one of my notifications read',
    params: z.object({ id: NotificationId }),
    response: StaffNotification,
  }),
  readAllNotifications: route({
    method: 'POST',
    path: '/admin/notifications/read-all',
    audience: 'admin',
    summary: 'Mark all my notifications read',
    response: z.object({ updated: z.number().int() }),
  }),
};
