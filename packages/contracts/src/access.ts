import { z } from 'zod';
import { Email, IsoDate, idOf, Name, PageQuery, Password, Slug, Timestamp } from './common';
import { DataScope, PermissionKey } from './permissions';

// ---------- DTOs ----------
export const TenantId = idOf('ten');
export const StaffId = idOf('stf');
export const RoleId = idOf('rol');
export const OrgUnitId = idOf('org');

export const TenantSummary = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const StaffStatus = z.enum(['active', 'invited', 'disabled']);
export const Staff = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  status: StaffStatus,
  roleIds: z.array(z.string()),
  orgUnitIds: z.array(z.string()),
  roles: z.array(z.object({ id: z.string(), key: z.string().nullable(), name: z.string() })),
  orgUnits: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['department', 'store', 'warehouse']) })),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Staff = z.infer<typeof Staff>;

export const Settings = z.object({
  brandName: z.string(),
  logoUrl: z.string().nullable(),
  timeZone: z.string(),
  currency: z.literal('CNY'),
  locale: z.enum(['zh-CN', 'en']),
});
export type Settings = z.infer<typeof Settings>;

export const Session = z.object({
  staff: Staff,
  tenant: TenantSummary,
  settings: Settings,
  permissions: z.array(z.string()),
  dataScope: DataScope,
  csrfToken: z.string(),
});
export type Session = z.infer<typeof Session>;

export const Role = z.object({
  id: z.string(),
  key: z.string().nullable().describe('built-in role key, null for custom roles'),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  dataScope: DataScope,
  builtIn: z.boolean(),
  staffCount: z.number().int(),
});
export type Role = z.infer<typeof Role>;

/** A store or a warehouse can hold stock (catalog). */
export const OrgUnitKind = z.enum(['department', 'store', 'warehouse']);
export const OrgUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: OrgUnitKind,
  name: z.string(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  /** WGS-84 degrees; both or neither (nearest-store landing pages). */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  staffCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

// ---------- inputs ----------
const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, 'must be a phone number');
const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');
const LogoUrl = z
  .string()
  .max(400_000, 'logo must be smaller than 300 KB')
  .regex(/^(https?:\/\/|data:image\/(png|jpeg|webp|svg\+xml);base64,)/, 'must be an http(s) URL or an image data URL');

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1).max(128),
  tenant: Slug.optional().describe('needed only when the email has accounts in several tenants'),
});
export const CreateStaffInput = z
  .object({
    name: Name,
    email: Email,
    phone: Phone.optional(),
    title: z.string().trim().max(60).optional(),
    roleIds: z.array(RoleId).min(1, 'choose at least one role').max(20),
    orgUnitIds: z.array(OrgUnitId).max(50).default([]),
    mode: z.enum(['password', 'invite']).default('invite'),
    password: Password.optional(),
  })
  .refine((v) => v.mode !== 'password' || v.password !== undefined, {
    path: ['password'],
    message: 'is required when mode is password',
  });
export const UpdateStaffInput = z
  .object({
    name: Name,
    phone: Phone.nullable(),
    title: z.string().trim().max(60).nullable(),
    roleIds: z.array(RoleId).min(1, 'choose at least one role').max(20),
    orgUnitIds: z.array(OrgUnitId).max(50),
  })
  .partial();
export const StaffQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: StaffStatus.optional(),
  roleId: RoleId.optional(),
  orgUnitId: OrgUnitId.optional(),
});
export const RoleInput = z.object({
  name: Name,
  description: z.string().trim().max(300).nullable().optional(),
  permissions: z.array(PermissionKey).max(500),
  dataScope: DataScope,
});
export const OrgUnitInput = z.object({
  parentId: OrgUnitId.nullable().optional().describe('null or absent: a top-level unit'),
  kind: OrgUnitKind,
  name: Name,
  code: z.string().trim().max(40).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional().describe('WGS-84 degrees, −90…90; with longitude'),
  longitude: z.number().min(-180).max(180).nullable().optional().describe('WGS-84 degrees, −180…180; with latitude'),
  phone: Phone.nullable().optional(),
});
export const SettingsInput = z
  .object({
    brandName: Name,
    logoUrl: LogoUrl.nullable(),
    timeZone: TimeZone,
    locale: z.enum(['zh-CN', 'en']),
  })
  .partial();
export const AuditQuery = PageQuery.extend({
  actorId: StaffId.optional(),
  action: z.string().max(80).optional(),
  entityType: z.string().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const AcceptInviteInput = z.object({ token: z.string().min(10).max(200), password: Password });
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(128), newPassword: Password });
