/**
 * Contact events (外部联系人变更) applied through the customers domain's public interface: an add
 * resolves the customer by the `wecom_external` identity (namespace = corp id) and makes the member
 * an owner; a deletion ends the relationship, and a customer deleting the member (流失) notifies them.
 * Everything runs in the caller's transaction and is idempotent (a repeat finds the same customer and
 * owner). Emits `messaging.contact.added` and `messaging.contact.lost`.
 */
import { notifyStaff } from '../../access';
import { findCustomerByIdentity, getCustomer, removeOwner, resolveCustomer, syncWecomOwner } from '../../customers';
import { AppError, type Ctx } from '../../platform';
import { liveCodeContactLost, liveCodeForState, recordLiveCodeAdd } from '../live-codes';
import type { ExternalContact } from '../wecom/contacts.endpoints';
import type { WecomEvent } from '../wecom/events';
import { staffForWecomUser } from './staff-link';

export type ContactEvent = Extract<WecomEvent, { kind: 'contact' }>;

const GENDER = { 1: 'male', 2: 'female' } as const;

/** Finds or creates the customer behind a WeCom external contact, filling what WeCom told us about them. */
async function customerOf(
  ctx: Ctx,
  e: ContactEvent,
  contact: ExternalContact | null,
  code: { id: string; name: string } | null = null,
) {
  const state = e.state ?? null;
  return resolveCustomer(ctx, {
    identities: [
      { kind: 'wecom_external', namespace: e.corpId, value: e.externalUserId, verified: true },
      ...(contact?.unionid ? [{ kind: 'unionid' as const, value: contact.unionid, verified: true }] : []),
    ],
    attributes: contact
      ? {
          nickname: contact.name || null,
          avatarUrl: contact.avatar || null,
          gender: GENDER[contact.gender as 1 | 2] ?? 'unknown',
        }
      : undefined,
    // a live code's adds say which code (渠道活码:<name>); another state is kept as it came
    source: code ? `渠道活码:${code.name}` : (state ?? 'wecom'),
    touch: {
      channel: 'wecom',
      ...(state ? { campaignId: state } : {}),
      ...(code ? { liveCodeId: code.id } : {}),
      at: ctx.clock.now().toISOString(),
    },
  });
}

export async function contactAdded(ctx: Ctx, e: ContactEvent, contact: ExternalContact | null) {
  const code = await liveCodeForState(ctx, e.state);
  const { customerId, created } = await customerOf(ctx, e, contact, code);
  const staff = await staffForWecomUser(ctx, e.userId);
  // the member follows the customer (primary when nobody does), with the add's state; remarks stay
  if (staff)
    await syncWecomOwner(ctx, customerId, { staffId: staff.id, state: e.state ?? undefined, addedAt: ctx.clock.now() });
  if (code) {
    await recordLiveCodeAdd(ctx, code.id, {
      customerId,
      staffId: staff?.id ?? null,
      wecomUserId: e.userId,
      externalUserId: e.externalUserId,
      nickname: contact?.name ?? null,
    });
  }
  await ctx.emit('messaging.contact.added', {
    customerId,
    staffId: staff?.id ?? null,
    wecomUserId: e.userId,
    state: e.state ?? null,
    created,
  });
  return `${created ? 'created' : 'matched'} ${customerId}; owner ${staff?.id ?? `none (no staff for ${e.userId})`}${code ? `; live code ${code.id}` : ''}`;
}

export async function contactEdited(ctx: Ctx, e: ContactEvent, contact: ExternalContact | null) {
  const { customerId } = await customerOf(ctx, { ...e, state: undefined }, contact);
  return `updated ${customerId}`;
}

async function removeIfOwner(ctx: Ctx, customerId: string, staffId: string) {
  try {
    await removeOwner(ctx, customerId, staffId);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return false;
    throw err;
  }
}

/** del_follow_user (by the customer: 流失) or del_external_contact (by the member). */
export async function contactEnded(ctx: Ctx, e: ContactEvent, by: 'customer' | 'staff') {
  // A find-only lookup: the deletion of a contact we never knew creates no customer.
  const customerId = await findCustomerByIdentity(ctx, {
    kind: 'wecom_external',
    namespace: e.corpId,
    value: e.externalUserId,
  });
  if (!customerId) return `unknown contact ${e.externalUserId} (${e.changeType}): no customer, nothing to end`;
  const staff = await staffForWecomUser(ctx, e.userId);
  const removed = staff ? await removeIfOwner(ctx, customerId, staff.id) : false;
  if (e.source === 'DELETE_BY_TRANSFER') return `transferred away from ${e.userId} (${customerId})`;
  await liveCodeContactLost(ctx, customerId, e.userId);
  await ctx.emit('messaging.contact.lost', { customerId, staffId: staff?.id ?? null, wecomUserId: e.userId, by });
  if (by === 'customer' && staff) {
    const c = await getCustomer(ctx, customerId);
    const who = c.name ?? c.nickname ?? customerId;
    await notifyStaff(ctx, {
      staffId: staff.id,
      kind: 'wecom.contact_lost',
      title: `客户流失：${who} 删除了你的企业微信`,
      body: 'The customer deleted you on WeCom. 可在客户详情中查看并跟进。',
      link: `/customers/${customerId}`,
    });
  }
  return `${by === 'customer' ? 'lost' : 'deleted by staff'} ${customerId}; owner ${removed ? 'removed' : 'was not an owner'}`;
}
