/**
 * 联系我 (contact ways), external contacts and corp tags (客户联系 API; shapes from the official
 * docs as copied in qwdigital/LinkWechat-Scrm config/涉及到的企微官方api.md). Request caps that WeCom
 * documents are enforced here, from WECOM_LIMITS.
 */
import { z } from 'zod';
import { endpoint, noInput, ok } from './endpoint';
import { WECOM_LIMITS as L } from './limits';

const state = z.string().max(L.contactWay.stateMaxChars);

export const contactWayFields = z.object({
  type: z.union([z.literal(1), z.literal(2)]),
  scene: z.union([z.literal(1), z.literal(2)]),
  style: z.number().int().optional(),
  remark: z.string().max(30).optional(),
  skip_verify: z.boolean().optional(),
  state: state.optional(),
  user: z.array(z.string()).optional(),
  party: z.array(z.number().int()).optional(),
  is_temp: z.boolean().optional(),
  expires_in: z.number().int().positive().max(L.contactWay.tempExpiresMaxSeconds).optional(),
  chat_expires_in: z.number().int().positive().max(L.contactWay.chatExpiresMaxSeconds).optional(),
  unionid: z.string().optional(),
  is_exclusive: z.boolean().optional(),
});
export type ContactWayInput = z.infer<typeof contactWayFields>;

export const contactWay = contactWayFields.extend({
  config_id: z.string(),
  qr_code: z.string().optional(),
  remark: z.string().optional(),
  state: z.string().optional(),
});
export type ContactWay = z.infer<typeof contactWay>;

export const addContactWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/add_contact_way',
  contactWayFields,
  ok.extend({ config_id: z.string(), qr_code: z.string().optional() }),
);
export const updateContactWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/update_contact_way',
  contactWayFields
    .omit({ type: true, scene: true, is_temp: true, is_exclusive: true })
    .extend({ config_id: z.string() }),
  ok,
);
export const getContactWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_contact_way',
  z.object({ config_id: z.string().min(1) }),
  ok.extend({ contact_way: contactWay }),
);
export const listContactWays = endpoint(
  'POST',
  '/cgi-bin/externalcontact/list_contact_way',
  z.object({
    start_time: z.number().int().optional(),
    end_time: z.number().int().optional(),
    cursor: z.string().optional(),
    limit: z.number().int().positive().max(L.contactWay.listMax).optional(),
  }),
  ok.extend({ contact_way: z.array(z.object({ config_id: z.string() })), next_cursor: z.string().optional() }),
);
export const delContactWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/del_contact_way',
  z.object({ config_id: z.string().min(1) }),
  ok,
);

export const followTag = z.object({
  group_name: z.string().optional(),
  tag_name: z.string().optional(),
  tag_id: z.string().optional(),
  type: z.number().int(),
});
export const followUser = z.object({
  userid: z.string(),
  remark: z.string().optional(),
  description: z.string().optional(),
  createtime: z.number().int(),
  tags: z.array(followTag).optional(),
  remark_corp_name: z.string().optional(),
  remark_mobiles: z.array(z.string()).optional(),
  oper_userid: z.string().optional(),
  add_way: z.number().int().optional(),
  state: z.string().optional(),
});
export type FollowUser = z.infer<typeof followUser>;

export const externalContact = z.object({
  external_userid: z.string(),
  name: z.string(),
  avatar: z.string().optional(),
  type: z.number().int(),
  gender: z.number().int().optional(),
  unionid: z.string().optional(),
  position: z.string().optional(),
  corp_name: z.string().optional(),
  corp_full_name: z.string().optional(),
});
export type ExternalContact = z.infer<typeof externalContact>;

export const listExternalContacts = endpoint(
  'GET',
  '/cgi-bin/externalcontact/list',
  z.object({ userid: z.string().min(1) }),
  ok.extend({ external_userid: z.array(z.string()) }),
);
export const getExternalContact = endpoint(
  'GET',
  '/cgi-bin/externalcontact/get',
  z.object({ external_userid: z.string().min(1), cursor: z.string().optional() }),
  ok.extend({
    external_contact: externalContact,
    follow_user: z.array(followUser),
    next_cursor: z.string().optional(),
  }),
);
export const batchGetByUser = endpoint(
  'POST',
  '/cgi-bin/externalcontact/batch/get_by_user',
  z.object({
    userid_list: z.array(z.string()).min(1).max(L.externalContact.batchUsersMax),
    cursor: z.string().optional(),
    limit: z.number().int().positive().max(L.externalContact.batchLimitMax).optional(),
  }),
  ok.extend({
    external_contact_list: z.array(
      z.object({
        external_contact: externalContact,
        follow_info: followUser.omit({ tags: true }).extend({ tag_id: z.array(z.string()).optional() }),
      }),
    ),
    next_cursor: z.string().optional(),
  }),
);
export const remarkExternalContact = endpoint(
  'POST',
  '/cgi-bin/externalcontact/remark',
  z.object({
    userid: z.string().min(1),
    external_userid: z.string().min(1),
    remark: z.string().max(L.externalContact.remarkMaxChars).optional(),
    description: z.string().max(L.externalContact.descriptionMaxChars).optional(),
    remark_company: z.string().optional(),
    remark_mobiles: z.array(z.string()).optional(),
    remark_pic_mediaid: z.string().optional(),
  }),
  ok,
);
export const getFollowUserList = endpoint(
  'GET',
  '/cgi-bin/externalcontact/get_follow_user_list',
  noInput,
  ok.extend({ follow_user: z.array(z.string()) }),
);

export const corpTag = z.object({
  id: z.string(),
  name: z.string(),
  create_time: z.number().int(),
  order: z.number().int(),
  deleted: z.boolean().optional(),
});
export const corpTagGroup = z.object({
  group_id: z.string(),
  group_name: z.string(),
  create_time: z.number().int(),
  order: z.number().int(),
  deleted: z.boolean().optional(),
  tag: z.array(corpTag),
});
export type CorpTagGroup = z.infer<typeof corpTagGroup>;

export const getCorpTags = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_corp_tag_list',
  z.object({ tag_id: z.array(z.string()).optional(), group_id: z.array(z.string()).optional() }),
  ok.extend({ tag_group: z.array(corpTagGroup) }),
);
export const addCorpTags = endpoint(
  'POST',
  '/cgi-bin/externalcontact/add_corp_tag',
  z.object({
    group_id: z.string().optional(),
    group_name: z.string().max(30).optional(),
    order: z.number().int().optional(),
    tag: z.array(z.object({ name: z.string().min(1).max(30), order: z.number().int().optional() })).min(1),
    agentid: z.number().int().optional(),
  }),
  ok.extend({ tag_group: corpTagGroup }),
);
export const editCorpTag = endpoint(
  'POST',
  '/cgi-bin/externalcontact/edit_corp_tag',
  z.object({
    id: z.string().min(1),
    name: z.string().min(1).max(30).optional(),
    order: z.number().int().optional(),
    agentid: z.number().int().optional(),
  }),
  ok,
);
export const delCorpTags = endpoint(
  'POST',
  '/cgi-bin/externalcontact/del_corp_tag',
  z.object({
    tag_id: z.array(z.string()).optional(),
    group_id: z.array(z.string()).optional(),
    agentid: z.number().int().optional(),
  }),
  ok,
);
export const markTag = endpoint(
  'POST',
  '/cgi-bin/externalcontact/mark_tag',
  z.object({
    userid: z.string().min(1),
    external_userid: z.string().min(1),
    add_tag: z.array(z.string()).optional(),
    remove_tag: z.array(z.string()).optional(),
  }),
  ok,
);
