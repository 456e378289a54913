/**
 * The typed WeCom client: `createWecomClient({corpId, secret, baseUrl?, fetch?, clock?})`, grouped by
 * endpoint family. Inputs and answers are WeCom's own JSON (snake_case), checked by the zod schemas
 * in *.endpoints.ts. Talks to https://qyapi.weixin.qq.com or, in demo mode and tests, the sandbox.
 */
import * as C from './contacts.endpoints';
import type { Endpoint } from './endpoint';
import * as G from './groups.endpoints';
import * as M from './messages.endpoints';
import * as O from './org.endpoints';
import { createWecomTransport, type WecomClientConfig } from './transport';

export function createWecomClient(config: WecomClientConfig) {
  const t = createWecomTransport(config);
  const fn =
    <Req, Res>(ep: Endpoint<Req, Res>) =>
    (input: Req): Promise<Res> =>
      t.call(ep, input);

  return {
    corpId: config.corpId,
    accessToken: t.accessToken,
    tokenKey: t.tokenKey,
    contactWays: {
      add: fn(C.addContactWay),
      update: fn(C.updateContactWay),
      get: fn(C.getContactWay),
      list: fn(C.listContactWays),
      del: fn(C.delContactWay),
    },
    externalContacts: {
      list: fn(C.listExternalContacts),
      get: fn(C.getExternalContact),
      batchGetByUser: fn(C.batchGetByUser),
      remark: fn(C.remarkExternalContact),
      followUsers: () => t.call(C.getFollowUserList, {}),
    },
    corpTags: {
      list: fn(C.getCorpTags),
      add: fn(C.addCorpTags),
      edit: fn(C.editCorpTag),
      del: fn(C.delCorpTags),
      mark: fn(C.markTag),
    },
    groupChats: { list: fn(G.listGroupChats), get: fn(G.getGroupChat) },
    joinWays: { add: fn(G.addJoinWay), get: fn(G.getJoinWay), update: fn(G.updateJoinWay), del: fn(G.delJoinWay) },
    groupWelcomeTemplates: {
      add: fn(G.addGroupWelcomeTemplate),
      edit: fn(G.editGroupWelcomeTemplate),
      get: fn(G.getGroupWelcomeTemplate),
      del: fn(G.delGroupWelcomeTemplate),
    },
    welcome: { send: fn(M.sendWelcomeMsg) },
    /** 临时素材: a media_id valid 3 days (mini-program card covers, images). */
    media: { upload: t.upload },
    massMessages: {
      add: fn(M.addMsgTemplate),
      list: fn(M.getGroupMsgListV2),
      tasks: fn(M.getGroupMsgTask),
      sendResults: fn(M.getGroupMsgSendResult),
      remind: fn(M.remindGroupMsgSend),
      cancel: fn(M.cancelGroupMsgSend),
    },
    moments: { add: fn(M.addMomentTask), result: fn(M.getMomentTaskResult) },
    transfers: {
      transfer: fn(O.transferCustomer),
      result: fn(O.transferResult),
      resignedTransfer: fn(O.resignedTransferCustomer),
      resignedResult: fn(O.resignedTransferResult),
      unassigned: fn(O.getUnassignedList),
    },
    stats: { userBehavior: fn(O.getUserBehaviorData) },
    org: { departments: fn(O.listDepartments), members: fn(O.listMembers), memberIds: fn(O.listMemberIds) },
  };
}

export type WecomClient = ReturnType<typeof createWecomClient>;
