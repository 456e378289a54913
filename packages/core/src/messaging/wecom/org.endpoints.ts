/**
 * Staff and their customers over time: gettoken, members and departments (for staff sync),
 * 在职/离职继承 (transfers) and get_user_behavior_data.
 */
import { z } from 'zod';
import { endpoint, ok } from './endpoint';
import { WECOM_LIMITS as L } from './limits';

export const getToken = endpoint(
  'GET',
  '/cgi-bin/gettoken',
  z.object({ corpid: z.string().min(1), corpsecret: z.string().min(1) }),
  ok.extend({ access_token: z.string().min(1), expires_in: z.number().int().positive() }),
);

export const department = z.object({
  id: z.number().int(),
  name: z.string().optional(),
  name_en: z.string().optional(),
  department_leader: z.array(z.string()).optional(),
  parentid: z.number().int(),
  order: z.number().int().optional(),
});
export type Department = z.infer<typeof department>;

export const listDepartments = endpoint(
  'GET',
  '/cgi-bin/department/list',
  z.object({ id: z.number().int().optional() }),
  ok.extend({ department: z.array(department) }),
);

export const member = z.object({
  userid: z.string(),
  name: z.string(),
  department: z.array(z.number().int()),
  position: z.string().optional(),
  status: z.number().int().optional(),
  main_department: z.number().int().optional(),
  open_userid: z.string().optional(),
});
export type Member = z.infer<typeof member>;

/** user/list: the members of one department (fetch_child is deprecated). */
export const listMembers = endpoint(
  'GET',
  '/cgi-bin/user/list',
  z.object({ department_id: z.number().int() }),
  ok.extend({ userlist: z.array(member) }),
);

/** user/list_id: every member id, by cursor — what new apps use since 2022-08-15. */
export const listMemberIds = endpoint(
  'POST',
  '/cgi-bin/user/list_id',
  z.object({ cursor: z.string().optional(), limit: z.number().int().positive().max(10_000).optional() }),
  ok.extend({
    next_cursor: z.string().optional(),
    dept_user: z.array(z.object({ userid: z.string(), department: z.number().int() })),
  }),
);

const transferBody = z.object({
  handover_userid: z.string().min(1),
  takeover_userid: z.string().min(1),
  external_userid: z.array(z.string()).min(1).max(L.transfer.customersPerCall),
});
const transferAnswer = ok.extend({
  customer: z.array(z.object({ external_userid: z.string(), errcode: z.number().int() })),
});
const transferResultBody = z.object({
  handover_userid: z.string().min(1),
  takeover_userid: z.string().min(1),
  cursor: z.string().optional(),
});
const transferResultAnswer = ok.extend({
  /** status 1 done, 2 waiting, 3 refused by the customer, 4 the takeover reached its limit. */
  customer: z.array(
    z.object({ external_userid: z.string(), status: z.number().int(), takeover_time: z.number().int() }),
  ),
  next_cursor: z.string().optional(),
});

export const transferCustomer = endpoint(
  'POST',
  '/cgi-bin/externalcontact/transfer_customer',
  transferBody.extend({ transfer_success_msg: z.string().max(L.transfer.successMsgMaxChars).optional() }),
  transferAnswer,
);
export const transferResult = endpoint(
  'POST',
  '/cgi-bin/externalcontact/transfer_result',
  transferResultBody,
  transferResultAnswer,
);
export const resignedTransferCustomer = endpoint(
  'POST',
  '/cgi-bin/externalcontact/resigned/transfer_customer',
  transferBody,
  transferAnswer,
);
export const resignedTransferResult = endpoint(
  'POST',
  '/cgi-bin/externalcontact/resigned/transfer_result',
  transferResultBody,
  transferResultAnswer,
);
export const getUnassignedList = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_unassigned_list',
  z.object({
    cursor: z.string().optional(),
    page_size: z.number().int().positive().max(L.transfer.unassignedPageMax).optional(),
  }),
  ok.extend({
    info: z.array(
      z.object({ handover_userid: z.string(), external_userid: z.string(), dimission_time: z.number().int() }),
    ),
    is_last: z.boolean(),
    next_cursor: z.string().optional(),
  }),
);

export const behaviorData = z.object({
  stat_time: z.number().int(),
  chat_cnt: z.number().int(),
  message_cnt: z.number().int(),
  reply_percentage: z.number().optional(),
  avg_reply_time: z.number().optional(),
  negative_feedback_cnt: z.number().int(),
  new_apply_cnt: z.number().int(),
  new_contact_cnt: z.number().int(),
});
export type BehaviorData = z.infer<typeof behaviorData>;

export const getUserBehaviorData = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_user_behavior_data',
  z
    .object({
      userid: z.array(z.string()).optional(),
      partyid: z.array(z.number().int()).optional(),
      start_time: z.number().int(),
      end_time: z.number().int(),
    })
    .refine((b) => (b.userid?.length ?? 0) + (b.partyid?.length ?? 0) > 0, {
      message: 'userid and partyid cannot both be empty',
      path: ['userid'],
    })
    .refine((b) => b.end_time >= b.start_time && b.end_time - b.start_time <= L.stats.maxSpanDays * 86_400, {
      message: `the span is at most ${L.stats.maxSpanDays} days`,
      path: ['end_time'],
    }),
  ok.extend({ behavior_data: z.array(behaviorData) }),
);
