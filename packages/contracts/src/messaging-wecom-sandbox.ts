import { z } from 'zod';
import { Timestamp } from './common';
import { route } from './routes';

/**
 * DEMO MODE ONLY: the WeCom sandbox (the simulated WeCom server the demo API runs) as seen by an
 * admin whose tenant is connected to it — its members, customers and follow relations, groups,
 * contact ways and join ways (with their QR codes and the scan page a person can open), welcome
 * messages sent, mass sends waiting for members to confirm in their client, and the callbacks it
 * delivered. Outside demo mode, or for a tenant not on the sandbox, the routes answer 404.
 */
export const WECOM_SANDBOX_LIST_MAX = 200;

export const WecomSandboxStatus = z.object({
  enabled: z.boolean().describe('this server runs the WeCom sandbox and the tenant is connected to it'),
  corpId: z.string().nullable(),
});
export type WecomSandboxStatus = z.infer<typeof WecomSandboxStatus>;

const Listed = <T extends z.ZodType>(item: T) =>
  z.object({
    total: z.number().int().describe(`all of them; items holds the newest ${WECOM_SANDBOX_LIST_MAX}`),
    items: z.array(item),
  });

export const SandboxMember = z.object({
  userid: z.string(),
  name: z.string(),
  departments: z.array(z.string()),
  status: z.enum(['active', 'disabled', 'inactive', 'left']),
  customerContact: z.boolean().describe('has the 客户联系 feature (may be on contact ways)'),
  customers: z.number().int(),
});
export const SandboxFollow = z.object({
  userid: z.string(),
  memberName: z.string().nullable(),
  remark: z.string(),
  description: z.string(),
  state: z.string().nullable().describe('the contact way state the customer added with (a live code id)'),
  tagIds: z.array(z.string()),
  addedAt: Timestamp,
});
export const SandboxCustomer = z.object({
  externalUserid: z.string(),
  name: z.string(),
  gender: z.enum(['unknown', 'male', 'female']),
  follows: z.array(SandboxFollow),
});
export const SandboxGroupChat = z.object({
  chatId: z.string(),
  name: z.string(),
  owner: z.string(),
  ownerName: z.string().nullable(),
  members: z.number().int(),
  customers: z.number().int().describe('members who are external contacts'),
  createdAt: Timestamp,
});
export const SandboxContactWay = z.object({
  configId: z.string(),
  state: z.string().nullable(),
  remark: z.string().nullable(),
  users: z.array(z.string()),
  userNames: z.array(z.string()),
  parties: z.array(z.number().int()),
  skipVerify: z.boolean(),
  qrCodeUrl: z.string().nullable(),
  scanUrl: z.string().describe('the sandbox page where a person plays the customer who scans'),
  createdAt: Timestamp,
});
export const SandboxJoinWay = z.object({
  configId: z.string(),
  state: z.string().nullable(),
  remark: z.string().nullable(),
  chatIds: z.array(z.string()),
  autoCreateRoom: z.boolean(),
  qrCodeUrl: z.string().nullable(),
  scanUrl: z.string(),
  createdAt: Timestamp,
});
export const SandboxWelcome = z.object({
  userid: z.string(),
  memberName: z.string().nullable(),
  externalUserid: z.string(),
  customerName: z.string().nullable(),
  text: z.string().nullable(),
  attachments: z.array(z.enum(['image', 'link', 'miniprogram', 'video', 'file'])),
  sentAt: Timestamp,
});
export const SandboxPendingSend = z.object({
  msgid: z.string(),
  userid: z.string(),
  memberName: z.string().nullable(),
  chatType: z.enum(['single', 'group']),
  text: z.string(),
  attachments: z.number().int(),
  recipients: z.number().int(),
  createdAt: Timestamp,
});
export const SandboxDelivery = z.object({
  id: z.number().int(),
  event: z.string(),
  changeType: z.string().nullable(),
  outcome: z.enum(['delivered', 'failed', 'no_callback_url']),
  attempts: z.number().int(),
  httpStatus: z.number().int().nullable(),
  at: Timestamp,
});

export const WecomSandboxState = z.object({
  corpId: z.string(),
  callbackUrl: z.string().nullable(),
  members: z.array(SandboxMember),
  customers: Listed(SandboxCustomer),
  groups: Listed(SandboxGroupChat),
  contactWays: Listed(SandboxContactWay),
  joinWays: Listed(SandboxJoinWay),
  welcomes: Listed(SandboxWelcome),
  pendingSends: z.array(SandboxPendingSend),
  deliveries: Listed(SandboxDelivery),
});
export type WecomSandboxState = z.infer<typeof WecomSandboxState>;

export const ConfirmSandboxSendInput = z.object({
  userid: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64)
    .describe('the member who confirms the send in their WeCom client'),
});
export const ConfirmSandboxSendResult = z.object({
  status: z.literal('sent'),
  sends: z.array(
    z.object({
      externalUserid: z.string().nullable(),
      chatId: z.string().nullable(),
      result: z.enum(['sent', 'not_a_contact', 'monthly_cap_reached', 'waiting']),
    }),
  ),
});

const read = { audience: 'admin' as const, permission: 'settings.read' };
const write = { audience: 'admin' as const, permission: 'settings.write' };

export const wecomSandboxRoutes = {
  status: route({
    ...read,
    method: 'GET',
    path: '/admin/wecom-sandbox/status',
    summary: 'Whether the WeCom sandbox runs (demo mode) and the tenant is connected to it (the menu shows the page)',
    response: WecomSandboxStatus,
  }),
  state: route({
    ...read,
    method: 'GET',
    path: '/admin/wecom-sandbox',
    summary: "Demo mode only: the sandbox corp's members, customers, groups, codes, welcomes, pending sends, callbacks",
    response: WecomSandboxState,
  }),
  confirmSend: route({
    ...write,
    method: 'POST',
    path: '/admin/wecom-sandbox/mass-messages/:msgid/confirm',
    summary: 'Demo mode only: a member confirms a pending mass send in their client, as they would in WeCom',
    params: z.object({
      msgid: z.string().regex(/^msg[0-9a-f]{24}$/, 'must be a sandbox mass message id (msg…)'),
    }),
    body: ConfirmSandboxSendInput,
    response: ConfirmSandboxSendResult,
  }),
};
