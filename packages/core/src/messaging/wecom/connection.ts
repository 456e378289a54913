/**
 * "Test connection": runs the calls a tenant's setup needs, in order, and says exactly which one
 * failed and why — wrong corp id or secret, the server's IP not trusted (60020), the app not allowed
 * to call 客户联系 APIs (48002), no member with the customer-contact feature. For the settings page.
 */
import type { WecomClient } from './client';
import { WecomError } from './errors';

export type ConnectionStepName = 'access_token' | 'customer_contact' | 'corp_tags';
export type ConnectionProblem =
  | 'WRONG_CORP_ID'
  | 'WRONG_SECRET'
  | 'IP_NOT_TRUSTED'
  | 'NO_CUSTOMER_CONTACT_PERMISSION'
  | 'NO_MEMBERS_WITH_CUSTOMER_CONTACT'
  | 'UNREACHABLE'
  | 'REJECTED';

export type ConnectionStep = {
  step: ConnectionStepName;
  ok: boolean;
  /** Set when the step failed (or, for NO_MEMBERS_WITH_CUSTOMER_CONTACT, passed with a warning). */
  problem?: ConnectionProblem;
  errcode?: number;
  message: string;
};

const PROBLEM_BY_ERRCODE: Record<number, ConnectionProblem> = {
  40013: 'WRONG_CORP_ID',
  41002: 'WRONG_CORP_ID',
  40001: 'WRONG_SECRET',
  40091: 'WRONG_SECRET',
  41004: 'WRONG_SECRET',
  60020: 'IP_NOT_TRUSTED',
  48002: 'NO_CUSTOMER_CONTACT_PERMISSION',
  84074: 'NO_CUSTOMER_CONTACT_PERMISSION',
};

const MESSAGES: Record<ConnectionProblem, string> = {
  WRONG_CORP_ID: 'The corp id is not known to WeCom (我的企业 → 企业信息 → 企业ID).',
  WRONG_SECRET: "The secret does not belong to this corp's app (应用管理 → the app → Secret).",
  IP_NOT_TRUSTED: "This server's IP is not in the app's trusted IPs (应用管理 → the app → 企业可信IP).",
  NO_CUSTOMER_CONTACT_PERMISSION:
    'The app may not call customer-contact APIs (客户联系 → API → 可调用接口的应用: add it).',
  NO_MEMBERS_WITH_CUSTOMER_CONTACT: 'No member has the customer-contact feature yet (客户联系 → 权限配置 → 使用范围).',
  UNREACHABLE: 'WeCom could not be reached.',
  REJECTED: 'WeCom refused the call.',
};

function failed(step: ConnectionStepName, e: unknown): ConnectionStep {
  if (!(e instanceof WecomError)) return { step, ok: false, problem: 'UNREACHABLE', message: String(e) };
  const problem: ConnectionProblem =
    (e.errcode !== undefined ? PROBLEM_BY_ERRCODE[e.errcode] : undefined) ??
    (e.code === 'UNAVAILABLE' ? 'UNREACHABLE' : 'REJECTED');
  const detail = e.errcode !== undefined ? ` (${e.errcode} ${e.errmsg ?? ''})` : ` (${e.message})`;
  return { step, ok: false, problem, errcode: e.errcode, message: `${MESSAGES[problem]}${detail}`.trim() };
}

/** Stops at the first failed step: later steps need the earlier ones. */
export async function testWecomConnection(client: WecomClient): Promise<{ ok: boolean; steps: ConnectionStep[] }> {
  const steps: ConnectionStep[] = [];
  try {
    await client.accessToken();
    steps.push({ step: 'access_token', ok: true, message: 'Corp id and secret accepted.' });
  } catch (e) {
    return { ok: false, steps: [failed('access_token', e)] };
  }
  try {
    const { follow_user } = await client.externalContacts.followUsers();
    steps.push(
      follow_user.length
        ? {
            step: 'customer_contact',
            ok: true,
            message: `${follow_user.length} members have the customer-contact feature.`,
          }
        : {
            step: 'customer_contact',
            ok: true,
            problem: 'NO_MEMBERS_WITH_CUSTOMER_CONTACT',
            message: MESSAGES.NO_MEMBERS_WITH_CUSTOMER_CONTACT,
          },
    );
  } catch (e) {
    return { ok: false, steps: [...steps, failed('customer_contact', e)] };
  }
  try {
    const { tag_group } = await client.corpTags.list({});
    steps.push({ step: 'corp_tags', ok: true, message: `${tag_group.length} corp tag groups readable.` });
  } catch (e) {
    return { ok: false, steps: [...steps, failed('corp_tags', e)] };
  }
  return { ok: true, steps };
}
