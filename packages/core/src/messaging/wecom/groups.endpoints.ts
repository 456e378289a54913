/** 客户群 (customer groups) and 加入群聊 (join ways): groupchat/list, get, add/get/update/del_join_way. */
import { z } from 'zod';
import { endpoint, ok, textContent } from './endpoint';
import { WECOM_LIMITS as L } from './limits';

export const listGroupChats = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/list',
  z.object({
    status_filter: z.number().int().min(0).max(3).optional(),
    owner_filter: z.object({ userid_list: z.array(z.string()) }).optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(L.groupChat.listMax),
  }),
  ok.extend({
    group_chat_list: z.array(z.object({ chat_id: z.string(), status: z.number().int() })),
    next_cursor: z.string().optional(),
  }),
);

export const groupMember = z.object({
  userid: z.string(),
  /** 1 a member of the corp, 2 an external contact. */
  type: z.number().int(),
  unionid: z.string().optional(),
  join_time: z.number().int(),
  /** 1 invited directly, 2 invited by link, 3 scanned a QR code. */
  join_scene: z.number().int(),
  invitor: z.object({ userid: z.string() }).optional(),
  group_nickname: z.string().optional(),
  name: z.string().optional(),
  /** The join way's state, when the member came through one (WxJava#2625). */
  state: z.string().optional(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const groupChat = z.object({
  chat_id: z.string(),
  name: z.string(),
  owner: z.string(),
  create_time: z.number().int(),
  notice: z.string().optional(),
  member_list: z.array(groupMember),
  admin_list: z.array(z.object({ userid: z.string() })).optional(),
  member_version: z.string().optional(),
});
export type GroupChat = z.infer<typeof groupChat>;

export const getGroupChat = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/get',
  z.object({ chat_id: z.string().min(1), need_name: z.number().int().min(0).max(1).optional() }),
  ok.extend({ group_chat: groupChat }),
);

export const joinWayFields = z.object({
  scene: z.union([z.literal(1), z.literal(2)]),
  remark: z.string().max(30).optional(),
  auto_create_room: z.number().int().min(0).max(1).optional(),
  room_base_name: z.string().max(L.joinWay.roomBaseNameMaxChars).optional(),
  room_base_id: z.number().int().optional(),
  chat_id_list: z.array(z.string()).min(1).max(L.joinWay.chatsMax),
  state: z.string().max(L.joinWay.stateMaxChars).optional(),
  mark_source: z.boolean().optional(),
});
export type JoinWayInput = z.infer<typeof joinWayFields>;
export const joinWay = joinWayFields.extend({ config_id: z.string(), qr_code: z.string().optional() });
export type JoinWay = z.infer<typeof joinWay>;

export const addJoinWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/add_join_way',
  joinWayFields,
  ok.extend({ config_id: z.string() }),
);
export const getJoinWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/get_join_way',
  z.object({ config_id: z.string().min(1) }),
  ok.extend({ join_way: joinWay }),
);
export const updateJoinWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/update_join_way',
  joinWayFields.extend({ config_id: z.string().min(1) }),
  ok,
);
export const delJoinWay = endpoint(
  'POST',
  '/cgi-bin/externalcontact/groupchat/del_join_way',
  z.object({ config_id: z.string().min(1) }),
  ok,
);

/** 入群欢迎语素材 (group_welcome_template): text plus one image, link, mini program, file or video. */
export const groupWelcomeFields = z.object({
  text: textContent.optional(),
  image: z.object({ media_id: z.string().optional(), pic_url: z.string().optional() }).optional(),
  link: z
    .object({ title: z.string(), picurl: z.string().optional(), desc: z.string().optional(), url: z.string() })
    .optional(),
  miniprogram: z
    .object({ title: z.string(), pic_media_id: z.string(), appid: z.string(), page: z.string() })
    .optional(),
  file: z.object({ media_id: z.string() }).optional(),
  video: z.object({ media_id: z.string() }).optional(),
});
export type GroupWelcomeTemplate = z.infer<typeof groupWelcomeFields>;

export const addGroupWelcomeTemplate = endpoint(
  'POST',
  '/cgi-bin/externalcontact/group_welcome_template/add',
  groupWelcomeFields.extend({
    agentid: z.number().int().optional(),
    notify: z.number().int().min(0).max(1).optional(),
  }),
  ok.extend({ template_id: z.string() }),
);
export const editGroupWelcomeTemplate = endpoint(
  'POST',
  '/cgi-bin/externalcontact/group_welcome_template/edit',
  groupWelcomeFields.extend({ template_id: z.string().min(1), agentid: z.number().int().optional() }),
  ok,
);
export const getGroupWelcomeTemplate = endpoint(
  'POST',
  '/cgi-bin/externalcontact/group_welcome_template/get',
  z.object({ template_id: z.string().min(1) }),
  ok.merge(groupWelcomeFields),
);
export const delGroupWelcomeTemplate = endpoint(
  'POST',
  '/cgi-bin/externalcontact/group_welcome_template/del',
  z.object({ template_id: z.string().min(1), agentid: z.number().int().optional() }),
  ok,
);
