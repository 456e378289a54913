/**
 * Every WeCom limit, quota and window Siyu knows of, in one place (DESIGN R13), each with its source.
 * Sources are WeCom doc numbers (developer.work.weixin.qq.com/document/path/<n>) as collected in
 * ../shared/notes/wecom-and-scrm.md. The three that the customers domain enforces (earlier in the
 * domain order) live in platform LIMITS.wecom and are re-exported here, so each value has one home.
 */
import { DAY, HOUR, LIMITS, MINUTE, SECOND } from '../../platform';

export const WECOM_LIMITS = {
  api: {
    /** Per corp, per API: ≤ 10,000 calls/min and ≤ 150,000/h (doc 90454). */
    perCorpPerApiMinute: { max: 10_000, windowSeconds: 60 },
    perCorpPerApiHour: { max: 150_000, windowSeconds: 3600 },
    /** Per IP, per API: ≤ 20,000/min and ≤ 600,000/h (doc 90454). */
    perIpPerApiMinute: { max: 20_000, windowSeconds: 60 },
    perIpPerApiHour: { max: 600_000, windowSeconds: 3600 },
    /** A minute interception blocks 60 s; an hour interception blocks 60 min (doc 90454). */
    minuteBlockMs: 60 * SECOND,
    hourBlockMs: 60 * MINUTE,
  },
  /** access_token lives 7200 s (gettoken's expires_in); refreshed this long before it ends (our choice). */
  accessToken: { defaultTtlSeconds: 7200, refreshMarginMs: 5 * MINUTE },
  /** Our retry policy for 45009/45033 (rate, concurrency) and -1 (busy: "重试次数不超过3次", global error codes). */
  retry: { attempts: 3, baseDelayMs: 500, maxDelayMs: 8 * SECOND },
  http: { timeoutMs: 10 * SECOND },
  callback: {
    /** URL verification must be answered within 1 s; deliveries within 5 s, else WeCom retries (docs 96466, 90968). */
    verifyAnswerMs: 1 * SECOND,
    deliveryAnswerMs: 5 * SECOND,
    /** Up to 3 retries of an unanswered delivery (docs 96466, 90968). */
    deliveryRetries: 3,
    /**
     * Our policy: a delivery processed in its request (the welcome path) is also queued, to run this
     * much later, only in case the request died; by then it is processed and the job does nothing.
     */
    safetyNetDelayMs: 30 * SECOND,
  },
  contactWay: {
    /** state ≤ 30 characters, echoed in the add event and follow_user.state (add_contact_way). */
    stateMaxChars: 30,
    /** remark of the contact way itself (shown only through the API) ≤ 30 characters (add_contact_way). */
    remarkMaxChars: 30,
    /** Contact ways + join ways created through the API: ≤ 500,000 per corp, shared (add_contact_way). */
    corpQuota: 500_000,
    /** Temporary-session codes: ≤ 100,000 a day, outside the quota (add_contact_way). */
    tempPerDay: 100_000,
    /** is_temp: expires_in default 7 days, max 14; chat_expires_in default 24 h, max 14 days (add_contact_way). */
    tempExpiresDefaultSeconds: 7 * 86_400,
    tempExpiresMaxSeconds: 14 * 86_400,
    chatExpiresDefaultSeconds: 86_400,
    chatExpiresMaxSeconds: 14 * 86_400,
    /** list_contact_way: limit ≤ 1000 (LinkWeChat API copy). */
    listMax: 1000,
  },
  joinWay: {
    /** chat_id_list ≤ 5 groups; room_base_name ≤ 40 chars; state ≤ 30 chars (groupchat/add_join_way). */
    chatsMax: 5,
    roomBaseNameMaxChars: 40,
    stateMaxChars: 30,
  },
  groupChat: {
    /** Scan-to-join stops at 200 members (ezrpro doc; 微盟 doc); 500 for WeCom-users-only groups (old manual). */
    scanJoinMaxMembers: 200,
    internalOnlyMaxMembers: 500,
    /** groupchat/list: limit 1–1000. */
    listMax: 1000,
    /** groupchat/transfer: 1–100 chat_ids; ≤ 300 groups a day from one owner (doc 96334). */
    transferChatsMax: 100,
    transfersPerOwnerDay: { max: 300, windowDays: 1 },
    /** groupchat/onjob_transfer: a group can be transferred twice per 90 days (doc 96334). */
    onJobTransfersPerGroup: { max: 2, windowDays: 90 },
    /** group_welcome_template: ≤ 100 templates per corp. */
    welcomeTemplates: 100,
  },
  externalContact: {
    /** batch/get_by_user: ≤ 100 userids per call; limit ≤ 100, default 50 (doc 96316). */
    batchUsersMax: 100,
    batchLimitMax: 100,
    batchLimitDefault: 50,
    remarkMaxChars: LIMITS.wecom.remarkMaxChars,
    descriptionMaxChars: LIMITS.wecom.descriptionMaxChars,
  },
  corpTags: { max: LIMITS.wecom.corpTags },
  welcome: {
    /** send_welcome_msg within 20 s of the add event, once; ≤ 9 attachments (doc 92599). */
    windowMs: 20 * SECOND,
    attachmentsMax: 9,
    /** 41096 (another app is sending) may be retried; 41051 (already sent) must not be (doc 92599). Our policy: once. */
    busyRetries: 1,
  },
  media: {
    /**
     * media/upload (上传临时素材, doc 90253): a media_id is valid 3 days; files at least 5 bytes; image
     * ≤ 10 MB (JPG/PNG), voice ≤ 2 MB (AMR), video ≤ 10 MB (MP4), file ≤ 20 MB. Our policy: reuse an
     * uploaded picture's media_id for 2.5 days, then upload again.
     */
    validMs: 3 * DAY,
    reuseMs: 60 * HOUR,
    minBytes: 5,
    maxBytes: { image: 10 * 1024 * 1024, voice: 2 * 1024 * 1024, video: 10 * 1024 * 1024, file: 20 * 1024 * 1024 },
  },
  massMessage: {
    /** add_msg_template: external_userid ≤ 10,000; text ≤ 2000 chars (4000 bytes); ≤ 9 attachments (doc 92135). */
    externalUsersMax: 10_000,
    textMaxChars: 2000,
    textMaxBytes: 4000,
    attachmentsMax: 9,
    /** Each customer / group receives at most (days in the month) per month (doc 92135, 2025-11-17). */
    perCustomerMonth: 'daysInMonth' as const,
    /** A member's own sends: 1 a day to the same customer (JS-SDK shareToExternalContact, doc 96997). */
    memberOwnPerCustomerDay: { max: 1, windowDays: 1 },
    /** remind_groupmsg_send: ≤ 3 reminders per message per 24 h (doc 97610). */
    remindersPer24h: { max: 3, windowSeconds: 86_400 },
    /** Customer-group sends: at most 2000 groups in one send (微伴 help 客户群群发). */
    groupsPerSendMax: 2000,
  },
  moments: {
    /** add_moment_task: text ≤ 2000 chars; 9 images, or 1 video (≤ 10 MB, ≤ 30 s), or 1 link; sender_list ≤ 100,000 (doc 96351). */
    textMaxChars: 2000,
    imagesMax: 9,
    videoMaxBytes: 10 * 1024 * 1024,
    videoMaxSeconds: 30,
    sendersMax: 100_000,
  },
  transfer: {
    /** transfer_customer: ≤ 100 external_userids; message ≤ 200 chars; twice per 90 days; takeover after 24 h (doc 96325). */
    customersPerCall: 100,
    successMsgMaxChars: 200,
    perCustomer: LIMITS.wecom.transfersPer90Days,
    autoTakeoverMs: 24 * HOUR,
    /** get_unassigned_list page_size ≤ 1000; resigned transfer only within a year of leaving (docs 96330–96333). */
    unassignedPageMax: 1000,
    resignedWithinMs: 365 * DAY,
  },
  stats: {
    /** get_user_behavior_data: span ≤ 31 days, history 180 days, a day's data after 06:00 the next day. */
    maxSpanDays: 31,
    historyDays: 180,
    readyHourNextDay: 6,
  },
  appMessages: {
    /** Per app: ≤ account cap × 200 person-messages a day; ≤ 30/min, 1,000/h to one member (doc 90454). */
    perDayPerSeat: 200,
    perMemberMinute: { max: 30, windowSeconds: 60 },
    perMemberHour: { max: 1000, windowSeconds: 3600 },
  },
  customerAcquisition: {
    /** 获客助手: customer_acquisition/customer limit ≤ 1000 a page; statistic covers the last 180 days (docs 97297–97400). */
    customerPageMax: 1000,
    statisticHistoryDays: 180,
    /** `customer_channel` appended to a link: ≤ 64 bytes, returned as State (docs 101359, 96361). */
    channelMaxBytes: 64,
    /** The balance_low event fires below 20 remaining uses; usage is a paid quota (doc 97299). */
    balanceLowBelow: 20,
  },
  identity: {
    /** unionid_to_external_userid_3rd: 50k/h and 240k/day, user-triggered only (doc 95878). */
    unionidLookupsHour: { max: 50_000, windowSeconds: 3600 },
    unionidLookupsDay: { max: 240_000, windowDays: 1 },
  },
  kf: {
    /** 微信客服 kf/send_msg: within 48 h of the customer's last message, up to 5 messages (LinkWeChat API copy). */
    replyWindowMs: 48 * HOUR,
    messagesInWindow: 5,
  },
} as const;
