/**
 * What reaches customers: send_welcome_msg (the only fully automatic send), mass messages that staff
 * must confirm (add_msg_template + its result endpoints) and moments (add_moment_task + result).
 */
import { z } from 'zod';
import { attachment, endpoint, ok, textContent } from './endpoint';
import { WECOM_LIMITS as L } from './limits';

export const sendWelcomeMsg = endpoint(
  'POST',
  '/cgi-bin/externalcontact/send_welcome_msg',
  z.object({
    welcome_code: z.string().min(1),
    text: textContent.optional(),
    attachments: z.array(attachment).max(L.welcome.attachmentsMax).optional(),
  }),
  ok,
);

export const addMsgTemplate = endpoint(
  'POST',
  '/cgi-bin/externalcontact/add_msg_template',
  z.object({
    chat_type: z.enum(['single', 'group']).optional(),
    external_userid: z.array(z.string()).max(L.massMessage.externalUsersMax).optional(),
    chat_id_list: z.array(z.string()).max(L.massMessage.groupsPerSendMax).optional(),
    tag_filter: z.object({ group_list: z.array(z.object({ tag_list: z.array(z.string()) })) }).optional(),
    sender: z.string().optional(),
    allow_select: z.boolean().optional(),
    text: z
      .object({
        content: z
          .string()
          .max(L.massMessage.textMaxChars)
          .refine(
            (t) => Buffer.byteLength(t) <= L.massMessage.textMaxBytes,
            `at most ${L.massMessage.textMaxBytes} bytes`,
          ),
      })
      .optional(),
    attachments: z.array(attachment).max(L.massMessage.attachmentsMax).optional(),
  }),
  ok.extend({ fail_list: z.array(z.string()).optional(), msgid: z.string() }),
);

export const getGroupMsgListV2 = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_groupmsg_list_v2',
  z.object({
    chat_type: z.enum(['single', 'group']),
    start_time: z.number().int(),
    end_time: z.number().int(),
    creator: z.string().optional(),
    /** 0 created by the corp, 1 by members, 2 both (default). */
    filter_type: z.number().int().min(0).max(2).optional(),
    limit: z.number().int().positive().max(100).optional(),
    cursor: z.string().optional(),
  }),
  ok.extend({
    next_cursor: z.string().optional(),
    group_msg_list: z.array(
      z.object({
        msgid: z.string(),
        creator: z.string().optional(),
        create_time: z.union([z.string(), z.number()]),
        /** 0 corp, 1 member. */
        create_type: z.number().int(),
        text: textContent.optional(),
        attachments: z.array(attachment).optional(),
      }),
    ),
  }),
);

export const getGroupMsgTask = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_groupmsg_task',
  z.object({
    msgid: z.string().min(1),
    limit: z.number().int().positive().max(1000).optional(),
    cursor: z.string().optional(),
  }),
  ok.extend({
    next_cursor: z.string().optional(),
    /** status 0 not sent, 2 sent. */
    task_list: z.array(
      z.object({ userid: z.string(), status: z.number().int(), send_time: z.number().int().optional() }),
    ),
  }),
);

export const getGroupMsgSendResult = endpoint(
  'POST',
  '/cgi-bin/externalcontact/get_groupmsg_send_result',
  z.object({
    msgid: z.string().min(1),
    userid: z.string().min(1),
    limit: z.number().int().positive().max(1000).optional(),
    cursor: z.string().optional(),
  }),
  ok.extend({
    next_cursor: z.string().optional(),
    /** status 0 not sent, 1 sent, 2 not a friend any more, 3 the customer reached the receive cap. */
    send_list: z.array(
      z.object({
        external_userid: z.string().optional(),
        chat_id: z.string().optional(),
        userid: z.string(),
        status: z.number().int(),
        send_time: z.number().int().optional(),
      }),
    ),
  }),
);

/** Reminds the members who have not sent yet; ≤ 3 times per message per 24 h (doc 97610). */
export const remindGroupMsgSend = endpoint(
  'POST',
  '/cgi-bin/externalcontact/remind_groupmsg_send',
  z.object({ msgid: z.string().min(1) }),
  ok,
);

/** Stops a mass message: members who have not sent it can no longer send it. */
export const cancelGroupMsgSend = endpoint(
  'POST',
  '/cgi-bin/externalcontact/cancel_groupmsg_send',
  z.object({ msgid: z.string().min(1) }),
  ok,
);

const momentAttachment = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('image'), image: z.object({ media_id: z.string() }) }),
  z.object({ msgtype: z.literal('video'), video: z.object({ media_id: z.string() }) }),
  z.object({
    msgtype: z.literal('link'),
    link: z.object({ title: z.string().optional(), url: z.string(), media_id: z.string() }),
  }),
]);

export const addMomentTask = endpoint(
  'POST',
  '/cgi-bin/externalcontact/add_moment_task',
  z.object({
    text: z.object({ content: z.string().max(L.moments.textMaxChars) }).optional(),
    /** 9 images, or 1 video, or 1 link (doc 96351). */
    attachments: z
      .array(momentAttachment)
      .max(L.moments.imagesMax)
      .refine((a) => a.every((x) => x.msgtype === 'image') || a.length <= 1, 'up to 9 images, or 1 video, or 1 link')
      .optional(),
    visible_range: z
      .object({
        sender_list: z
          .object({
            user_list: z.array(z.string()).max(L.moments.sendersMax).optional(),
            department_list: z.array(z.number().int()).optional(),
          })
          .optional(),
        external_contact_list: z.object({ tag_list: z.array(z.string()) }).optional(),
      })
      .optional(),
  }),
  ok.extend({ jobid: z.string() }),
);

export const getMomentTaskResult = endpoint(
  'GET',
  '/cgi-bin/externalcontact/get_moment_task_result',
  z.object({ jobid: z.string().min(1) }),
  ok.extend({
    /** 1 started, 2 running, 3 done. */
    status: z.number().int(),
    type: z.string(),
    result: z
      .object({
        errcode: z.number().int(),
        errmsg: z.string(),
        moment_id: z.string().optional(),
        invalid_sender_list: z
          .object({ user_list: z.array(z.string()).optional(), department_list: z.array(z.number()).optional() })
          .optional(),
        invalid_external_contact_list: z.object({ tag_list: z.array(z.string()).optional() }).optional(),
      })
      .optional(),
  }),
);
