import { z } from 'zod';
import { CnMobile, IsoDate, Name, Ok, Password, Slug, Timestamp } from './common';
import { route } from './routes';

export const Gender = z.enum(['unknown', 'male', 'female']);

export const ShopAccount = z.object({
  id: z.string(),
  phone: z.string().describe('masked, e.g. 138****5678'),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  gender: Gender,
  birthday: IsoDate.nullable(),
  hasPassword: z.boolean(),
  createdAt: Timestamp,
});
export type ShopAccount = z.infer<typeof ShopAccount>;

export const ShopSession = z.object({ account: ShopAccount, csrfToken: z.string() });
export type ShopSession = z.infer<typeof ShopSession>;

export const Storefront = z.object({
  slug: z.string(),
  brandName: z.string(),
  logoUrl: z.string().nullable(),
  /** Only in demo mode: where the SMS sandbox shows the codes it "sent". */
  smsSandboxUrl: z.string().nullable(),
});

const AvatarUrl = z
  .string()
  .max(400_000, 'avatar must be smaller than 300 KB')
  .regex(/^(https?:\/\/|data:image\/(png|jpeg|webp);base64,)/, 'must be an http(s) URL or an image data URL');

export const SmsPurpose = z.enum(['login', 'reset_password']);
export const SmsCodeInput = z.object({ phone: CnMobile, purpose: SmsPurpose.default('login') });
export const SmsLoginInput = z.object({ phone: CnMobile, code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const PasswordLoginInput = z.object({ phone: CnMobile, password: z.string().min(1).max(128) });
export const ResetPasswordInput = SmsLoginInput.extend({ newPassword: Password });
export const ProfileInput = z
  .object({
    nickname: Name.nullable(),
    avatarUrl: AvatarUrl.nullable(),
    gender: Gender,
    birthday: IsoDate.nullable(),
  })
  .partial();
export const SetPasswordInput = z.object({ currentPassword: z.string().max(128).optional(), newPassword: Password });

const TenantParams = z.object({ slug: Slug });

export const shopRoutes = {
  storefront: route({
    method: 'GET',
    path: '/shop/t/:slug/storefront',
    audience: 'public',
    summary: 'Brand name and logo of the shop',
    params: TenantParams,
    response: Storefront,
  }),
  sendSmsCode: route({
    method: 'POST',
    path: '/shop/t/:slug/auth/sms-code',
    audience: 'public',
    summary: 'Send a 6-digit verification code by SMS (rate-limited per phone and per IP)',
    params: TenantParams,
    body: SmsCodeInput,
    response: z.object({ expiresInSeconds: z.number().int(), resendAfterSeconds: z.number().int() }),
  }),
  loginWithSms: route({
    method: 'POST',
    path: '/shop/t/:slug/auth/sms-login',
    audience: 'public',
    summary: 'Log in with phone and code; registers the phone on first use',
    params: TenantParams,
    body: SmsLoginInput,
    response: ShopSession.extend({ registered: z.boolean() }),
  }),
  loginWithPassword: route({
    method: 'POST',
    path: '/shop/t/:slug/auth/password-login',
    audience: 'public',
    summary: 'Log in with phone and password (rate-limited)',
    params: TenantParams,
    body: PasswordLoginInput,
    response: ShopSession,
  }),
  resetPassword: route({
    method: 'POST',
    path: '/shop/t/:slug/auth/reset-password',
    audience: 'public',
    summary: 'Set a new password with an SMS code (purpose reset_password)',
    params: TenantParams,
    body: ResetPasswordInput,
    response: ShopSession,
  }),
  logout: route({
    method: 'POST',
    path: '/shop/t/:slug/auth/logout',
    audience: 'shop',
    summary: 'End the shop session',
    params: TenantParams,
    response: Ok,
  }),
  me: route({
    method: 'GET',
    path: '/shop/t/:slug/me',
    audience: 'shop',
    summary: 'The logged-in shopper',
    params: TenantParams,
    response: ShopSession,
  }),
  updateProfile: route({
    method: 'PATCH',
    path: '/shop/t/:slug/me',
    audience: 'shop',
    summary: 'Change nickname, avatar, gender, birthday',
    params: TenantParams,
    body: ProfileInput,
    response: ShopAccount,
  }),
  setPassword: route({
    method: 'POST',
    path: '/shop/t/:slug/me/password',
    audience: 'shop',
    summary: 'Set or change the password (current password needed when one is set)',
    params: TenantParams,
    body: SetPasswordInput,
    response: Ok,
  }),
};

export const DevSms = z.object({
  id: z.string(),
  tenantSlug: z.string(),
  phone: z.string(),
  text: z.string(),
  code: z.string().nullable(),
  sentAt: Timestamp,
});

export const devRoutes = {
  listSms: route({
    method: 'GET',
    path: '/dev/sms',
    audience: 'dev',
    summary: 'Demo mode only: messages the dev SMS provider recorded instead of sending',
    query: z.object({
      phone: z.string().max(20).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
    response: z.object({ items: z.array(DevSms) }),
  }),
};
