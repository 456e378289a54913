import { z } from 'zod';
import { CnMobile, Email, IsoDate, idOf, Name, PageQuery, Timestamp } from './common';
import { Gender } from './shop';

export const CustomerId = idOf('cus');
export const Stage = z.enum(['potential', 'new', 'active', 'loyal', 'dormant', 'churned']);
export type Stage = z.infer<typeof Stage>;
export const IdentityKind = z.enum([
  'wecom_external',
  'unionid',
  'openid',
  'phone',
  'email',
  'shop_account',
  'platform_buyer',
]);
/**
 * Identity kinds whose values are unique only within a namespace, and what the namespace is: the
 * WeCom corp (external_userid), the WeChat app (openid), the external platform (buyer ids).
 */
export const IDENTITY_NAMESPACES = { wecom_external: 'corp id', openid: 'app id', platform_buyer: 'platform' } as const;
export const needsNamespace = (kind: string): kind is keyof typeof IDENTITY_NAMESPACES =>
  Object.hasOwn(IDENTITY_NAMESPACES, kind);
export const ConsentChannel = z.enum(['sms', 'email', 'wecom', 'push', 'phone']);

export const Touch = z.object({
  channel: z.string().max(60),
  liveCodeId: z.string().max(40).optional(),
  storeId: z.string().max(40).optional(),
  campaignId: z.string().max(40).optional(),
  at: Timestamp,
});

const Ref = z.object({ id: z.string(), name: z.string() });
export const TagRef = z.object({ id: z.string(), name: z.string(), color: z.string().nullable(), groupId: z.string() });

/** A row of the customer list. Phone and email are masked without customers.pii. */
export const CustomerSummary = z.object({
  id: z.string(),
  name: z.string().nullable(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  gender: Gender,
  phone: z.string().nullable(),
  stage: Stage,
  primaryOwner: Ref.nullable(),
  store: Ref.nullable(),
  sourceChannel: z.string().nullable(),
  tags: z.array(TagRef),
  orderCount: z.number().int(),
  totalSpent: z.number().int().describe('fen'),
  lastActiveAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const Identity = z.object({
  kind: IdentityKind,
  namespace: z.string(),
  value: z.string().describe('masked for phone and email without customers.pii'),
  verified: z.boolean(),
  source: z.string(),
  createdAt: Timestamp,
});

export const Owner = z.object({
  staffId: z.string(),
  staffName: z.string(),
  isPrimary: z.boolean(),
  remark: z.string().nullable(),
  description: z.string().nullable(),
  addWay: z.string().nullable(),
  state: z.string().nullable(),
  addedAt: Timestamp,
  tags: z.array(TagRef),
});

export const Consent = z.object({
  channel: ConsentChannel,
  status: z.enum(['opt_in', 'opt_out']),
  source: z.string(),
  at: Timestamp,
});

export const Customer = CustomerSummary.extend({
  email: z.string().nullable(),
  birthday: IsoDate.nullable(),
  lunarBirthday: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  firstTouch: Touch.nullable(),
  lastTouch: Touch.nullable(),
  identities: z.array(Identity),
  owners: z.array(Owner),
  consents: z.array(Consent),
  mergedInto: z.string().nullable(),
  merges: z.array(
    z.object({
      id: z.string(),
      mergedId: z.string(),
      mergedName: z.string().nullable().describe('name, else nickname, of the merged customer when it was merged'),
      mergedPhone: z.string().nullable().describe('its phone then; masked without customers.pii'),
      at: Timestamp,
      undone: z.boolean(),
    }),
  ),
  lastOrderAt: Timestamp.nullable(),
  erased: z.boolean(),
  updatedAt: Timestamp,
});
export type Customer = z.infer<typeof Customer>;

export const Csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item).max(50));
const Fen = z.coerce.number().int().min(0).max(1e13);

/** The list's filters, shared by the list, bulk actions and exports. */
export const CustomerFilter = z.object({
  q: z.string().trim().max(100).optional().describe('name, nickname, phone, remark; Chinese, pinyin and initials'),
  tagsAny: Csv(idOf('tag')).optional(),
  tagsAll: Csv(idOf('tag')).optional(),
  tagsNone: Csv(idOf('tag')).optional(),
  stage: Csv(Stage).optional(),
  ownerId: z.union([idOf('stf'), z.literal('me'), z.literal('none')]).optional(),
  sourceChannel: z.string().max(60).optional(),
  storeId: idOf('org').optional(),
  spentMin: Fen.optional(),
  spentMax: Fen.optional(),
  ordersMin: z.coerce.number().int().min(0).optional(),
  ordersMax: z.coerce.number().int().min(0).optional(),
  activeFrom: IsoDate.optional(),
  activeTo: IsoDate.optional(),
  birthMonth: z.coerce.number().int().min(1).max(12).optional(),
  customKey: z.string().max(40).optional(),
  customValue: z.string().max(200).optional(),
});
export type CustomerFilter = z.output<typeof CustomerFilter>;
export const CustomerQuery = PageQuery.extend(CustomerFilter.shape);

const CustomerFields = {
  name: Name.nullable(),
  nickname: z.string().trim().max(100).nullable(),
  gender: Gender,
  birthday: IsoDate.nullable(),
  lunarBirthday: z
    .string()
    .regex(/^(L-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)$/, 'must be MM-DD, or L-MM-DD for a leap month')
    .nullable(),
  province: z.string().trim().max(40).nullable(),
  city: z.string().trim().max(40).nullable(),
  district: z.string().trim().max(40).nullable(),
  avatarUrl: z
    .string()
    .max(2000)
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .nullable(),
  email: Email.nullable(),
  custom: z.record(
    z.string().max(40),
    z.union([z.string().max(500), z.number(), z.array(z.string().max(100)).max(50), z.null()]),
  ),
  storeId: idOf('org').nullable(),
};
export const CreateCustomerInput = z.object({ ...CustomerFields, phone: CnMobile.nullable() }).partial();
export const UpdateCustomerInput = z.object(CustomerFields).partial();

export const IdentityInput = z.object({
  kind: IdentityKind,
  namespace: z.string().max(80).default(''),
  value: z.string().trim().min(1).max(200),
  verified: z.boolean().default(false),
});

export const OwnerInput = z.object({
  staffId: idOf('stf'),
  primary: z.boolean().default(false),
  remark: z.string().trim().max(20, 'WeCom allows 20 characters').nullable().optional(),
  description: z.string().trim().max(150, 'WeCom allows 150 characters').nullable().optional(),
});
export const TransferInput = z.object({
  customerIds: z.array(CustomerId).min(1).max(1000),
  toStaffId: idOf('stf'),
  reason: z.string().trim().max(200).optional(),
});
export const HandoverInput = z.object({
  fromStaffId: idOf('stf'),
  toStaffId: idOf('stf'),
  reason: z.string().trim().max(200).optional(),
});
export const TransferResult = z.object({
  transferred: z.number().int(),
  skipped: z.array(z.object({ customerId: z.string(), code: z.string(), message: z.string() })),
});

export const CustomFieldDef = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.enum(['text', 'number', 'date', 'single', 'multi']),
  options: z.array(z.string()),
  required: z.boolean(),
  sort: z.number().int(),
});
export const CustomFieldInput = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lowercase letters, digits and _'),
  label: Name,
  type: CustomFieldDef.shape.type,
  options: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
  required: z.boolean().default(false),
  sort: z.number().int().min(0).max(10000).default(0),
});

export const TimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: Timestamp,
  properties: z.record(z.string(), z.unknown()),
  source: z.string(),
});

/** One tracked event. `type` is dotted lower-case, e.g. `page.viewed`, `product.viewed`. */
export const EventInput = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,3}$/, 'must look like page.viewed'),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  properties: z.record(z.string().max(60), z.unknown()).default({}),
  idempotencyKey: z.string().min(8).max(120),
});
export const ShopEventsInput = z.object({ events: z.array(z.unknown()).min(1).max(500) });
export const AdminEventsInput = z.object({ events: z.array(z.unknown()).min(1).max(5000) });
/** One admin/server event: the customer by id or by any identity. */
export const AdminEventInput = EventInput.extend({
  customerId: CustomerId.optional(),
  identity: IdentityInput.pick({ kind: true, namespace: true, value: true }).optional(),
  source: z.string().max(60).default('import'),
});
export const EventsResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});
