/**
 * What happens when a contact event carries a live code's `state`: the welcome message has gone out
 * already (welcome.service.ts, before this work: 20 s window); inside the delivery's transaction the
 * add is recorded and the code's tags put on the customer, and a job sets the remark and description
 * and moves the rotation on.
 * Losses close the add (net adds); paid orders of the code's customers count as first orders and GMV.
 */
import { staffSummaries } from '../../access';
import { changeCustomerTags } from '../../customers';
import { AppError, type Ctx, dayIn, newId } from '../../platform';
import { tenantWecomClient } from '../wecom-channel/settings.service';
import { WECOM_LIMITS } from '../wecom/limits';
import { applyLiveCode, tenantZone } from './apply.service';
import {
  findCode,
  findCodeByState,
  insertAdd,
  insertOrder,
  latestAddBefore,
  type LiveCodeRow,
  markLost,
  openAddOf,
  updateAdd,
} from './live-codes.repo';
import { cut, renderTemplate, type TemplateValues } from './templates';

export const LIVE_CODE_AFTER_ADD_JOB = 'messaging.live-code-after-add';

/** The live code an add's `state` names, if any (for attribution before the customer is resolved). */
export async function liveCodeForState(ctx: Ctx, state: string | null | undefined) {
  if (!state) return null;
  const row = await findCodeByState(ctx.db, ctx.tenantId, state);
  return row ? { id: row.id, name: row.name } : null;
}

/** Puts the code's tags on the customer; tags deleted since the code was saved are skipped. */
async function tagCustomer(ctx: Ctx, customerId: string, tagIds: string[]) {
  if (!tagIds.length) return;
  try {
    await changeCustomerTags(ctx, customerId, { add: tagIds, remove: [] });
  } catch (err) {
    if (!(err instanceof AppError && err.status === 400)) throw err;
    for (const id of tagIds) await changeCustomerTags(ctx, customerId, { add: [id], remove: [] }).catch(() => {});
  }
}

export type LiveCodeAdd = {
  customerId: string;
  staffId: string | null;
  wecomUserId: string;
  externalUserId: string;
  nickname: string | null;
};

/** In the add's transaction: records the add (once per relationship) and tags the customer. */
export async function recordLiveCodeAdd(ctx: Ctx, codeId: string, a: LiveCodeAdd): Promise<void> {
  const code = await findCode(ctx.db, ctx.tenantId, codeId);
  if (!code) return;
  // add_half_external_contact and then add_external_contact for one relationship count once
  if (await openAddOf(ctx.db, ctx.tenantId, codeId, a.externalUserId, a.wecomUserId)) return;
  const now = ctx.clock.now();
  const addId = newId('lca', now);
  await insertAdd(ctx.db, {
    tenantId: ctx.tenantId,
    id: addId,
    codeId,
    customerId: a.customerId,
    staffId: a.staffId,
    wecomUserId: a.wecomUserId,
    externalUserId: a.externalUserId,
    addedAt: now,
  });
  await tagCustomer(ctx, a.customerId, code.tagIds);
  const values = await valuesOf(ctx, code, a, now);
  await ctx.enqueue(LIVE_CODE_AFTER_ADD_JOB, {
    tenantId: ctx.tenantId,
    codeId,
    addId,
    wecomUserId: a.wecomUserId,
    externalUserId: a.externalUserId,
    values,
  });
}

async function valuesOf(ctx: Ctx, code: LiveCodeRow, a: LiveCodeAdd, at: Date): Promise<TemplateValues> {
  const staff = a.staffId ? (await staffSummaries(ctx, [a.staffId])).get(a.staffId) : null;
  return {
    nickname: a.nickname ?? '',
    channel: code.name,
    staff: staff?.name ?? a.wecomUserId,
    date: dayIn(at, await tenantZone(ctx)),
  };
}

/** The job after an add: remark and description on WeCom (best effort), then the rotation moves on. */
export async function afterLiveCodeAdd(
  ctx: Ctx,
  codeId: string,
  add: { wecomUserId: string; externalUserId: string; values: TemplateValues } | null,
) {
  const code = await findCode(ctx.db, ctx.tenantId, codeId);
  if (!code) return;
  if (add && (code.remarkTemplate || code.descriptionTemplate)) {
    const L = WECOM_LIMITS.externalContact;
    try {
      const client = await tenantWecomClient(ctx);
      await client?.externalContacts.remark({
        userid: add.wecomUserId,
        external_userid: add.externalUserId,
        ...(code.remarkTemplate
          ? { remark: cut(renderTemplate(code.remarkTemplate, add.values), L.remarkMaxChars) }
          : {}),
        ...(code.descriptionTemplate
          ? { description: cut(renderTemplate(code.descriptionTemplate, add.values), L.descriptionMaxChars) }
          : {}),
      });
    } catch (err) {
      ctx.log.warn({ err, codeId }, 'live code: remark failed (not retried)');
    }
  }
  await applyLiveCode(ctx, codeId, { afterAdd: true });
}

/** A relationship ended: its open adds through codes are lost (net adds fall); the codes re-balance. */
export async function liveCodeContactLost(ctx: Ctx, customerId: string, wecomUserId: string) {
  const lost = await markLost(ctx.db, ctx.tenantId, customerId, wecomUserId, ctx.clock.now());
  return lost.length;
}

/**
 * A paid order: attributed to the customer's latest add through a code before the payment. The
 * first attributed order of that add is its first order; every one counts in GMV. Idempotent.
 */
export async function liveCodeOrderPaid(
  ctx: Ctx,
  o: { orderId: string; customerId: string; total: number; paidAt: Date },
) {
  const add = await latestAddBefore(ctx.db, ctx.tenantId, o.customerId, o.paidAt);
  if (!add) return false;
  const first = !add.firstOrderId;
  const saved = await insertOrder(ctx.db, {
    tenantId: ctx.tenantId,
    orderId: o.orderId,
    addId: add.id,
    codeId: add.codeId,
    staffId: add.staffId,
    wecomUserId: add.wecomUserId,
    paidAt: o.paidAt,
    totalFen: o.total,
    first,
  });
  if (!saved) return false;
  await updateAdd(ctx.db, ctx.tenantId, add.id, {
    gmvFen: add.gmvFen + o.total,
    ...(first ? { firstOrderId: o.orderId, firstOrderAt: o.paidAt, firstOrderFen: o.total } : {}),
  });
  return true;
}
