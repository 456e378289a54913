/**
 * DEMO MODE ONLY: the simulated WeCom client over HTTP, for a person (the sandbox admin page, next)
 * or a test: a customer scans a contact way, deletes a member, joins or leaves a group; a member
 * deletes a customer, tags one, creates a group, confirms a mass message; an admin edits the tag
 * library; and the sandbox state to look at.
 * Each action sends the encrypted callback WeCom would send, and answers how its delivery went.
 */
import * as messaging from '@siyu/core/messaging';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

const id = z.string().trim().min(1).max(64);
const corp = { corpId: id.optional() };
const bodies = {
  scan: z.object({
    ...corp,
    configId: id,
    name: z.string().trim().min(1).max(32).optional(),
    externalUserid: id.optional(),
  }),
  relation: z.object({ ...corp, userid: id, externalUserid: id }),
  createGroup: z.object({ ...corp, owner: id, name: z.string().trim().min(1).max(60) }),
  joinGroup: z
    .object({ ...corp, externalUserid: id, joinWay: id.optional(), chatId: id.optional() })
    .refine((b) => Boolean(b.joinWay) !== Boolean(b.chatId), { message: 'give joinWay or chatId', path: ['joinWay'] }),
  leaveGroup: z.object({ ...corp, chatId: id, externalUserid: id }),
  confirm: z.object({ ...corp, msgid: id, userid: id }),
  editCustomer: z.object({
    ...corp,
    userid: id,
    externalUserid: id,
    addTags: z.array(id).max(100).optional(),
    removeTags: z.array(id).max(100).optional(),
    remark: z.string().max(20).optional(),
  }),
  changeTag: z.union([
    z.object({
      ...corp,
      create: z.object({ groupName: z.string().trim().min(1).max(30), name: z.string().trim().min(1).max(30) }),
    }),
    z.object({ ...corp, delete: id }),
  ]),
};

type Opts = { path: string; sandbox: messaging.WecomSandbox; corpId: string };

const publicDelivery = (
  d: { id: number; event: string; changeType?: string; outcome: string; attempts: number; httpStatus?: number } | null,
) =>
  d && {
    id: d.id,
    event: d.event,
    changeType: d.changeType,
    outcome: d.outcome,
    attempts: d.attempts,
    httpStatus: d.httpStatus,
  };

async function run(reply: FastifyReply, fn: () => unknown) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof messaging.SandboxError)
      return reply.code(400).send({ error: { code: 'SANDBOX', message: e.message } });
    throw e;
  }
}

function state(sandbox: messaging.WecomSandbox, corpId: string) {
  const c = sandbox.corp(corpId);
  return {
    corpId,
    staff: [...c.staff.values()].map((s) => ({
      userid: s.userid,
      name: s.name,
      status: s.status,
      customerContact: s.customerContact,
    })),
    contactWays: [...c.contactWays.values()].map((w) => ({
      configId: w.config_id,
      state: w.state ?? null,
      user: w.user ?? [],
      party: w.party ?? [],
    })),
    joinWays: [...c.joinWays.values()].map((w) => ({
      configId: w.config_id,
      state: w.state ?? null,
      chatIds: w.chat_id_list,
    })),
    customers: [...c.contacts.values()].map((x) => ({
      externalUserid: x.external_userid,
      name: x.name,
      follow: [...x.follow.values()].map((f) => ({
        userid: f.userid,
        state: f.state ?? null,
        createtime: f.createtime,
      })),
    })),
    groups: [...c.groups.values()]
      .filter((g) => !g.dismissed)
      .map((g) => ({ chatId: g.chat_id, name: g.name, owner: g.owner, members: g.members.size })),
    pendingMassMessages: [...c.massMessages.values()].flatMap((m) =>
      [...m.tasks]
        .filter(([, t]) => t.status === 0)
        .map(([userid, t]) => ({ msgid: m.msgid, userid, text: m.text?.content ?? '', recipients: t.sends.length })),
    ),
    welcomes: c.welcomes.slice(-50),
    deliveries: c.deliveries.slice(-50).map(publicDelivery),
  };
}

export function wecomSimulationRoutes(app: FastifyInstance, { path, sandbox, corpId }: Opts) {
  const sim = sandbox.simulate;
  const corpOf = (b: { corpId?: string }) => b.corpId ?? corpId;
  const post = <S extends z.ZodType>(name: string, schema: S, fn: (b: z.infer<S>) => Promise<unknown> | unknown) =>
    app.post(`${path}/simulate/${name}`, { schema: { body: schema, hide: true } }, (req, reply) =>
      run(reply, () => fn(req.body as z.infer<S>)),
    );

  app.get<{ Querystring: { corpId?: string } }>(`${path}/state`, { schema: { hide: true } }, (req, reply) =>
    run(reply, () => state(sandbox, req.query.corpId ?? corpId)),
  );
  // every welcome message received since a time (ms), for the callback bench (state keeps the last 50)
  app.get<{ Querystring: { corpId?: string; since?: string } }>(
    `${path}/welcomes`,
    { schema: { hide: true } },
    (req) => {
      const since = Number(req.query.since ?? 0) || 0;
      return { items: sandbox.corp(req.query.corpId ?? corpId).welcomes.filter((w) => w.sentAt >= since) };
    },
  );
  post('scan', bodies.scan, async (b) => {
    const r = await sim.scan(corpOf(b), b.configId, { name: b.name, externalUserid: b.externalUserid });
    return { ...r, delivery: publicDelivery(r.delivery) };
  });
  post('customer-deletes-staff', bodies.relation, async (b) => ({
    delivery: publicDelivery(await sim.customerDeletesStaff(corpOf(b), b.externalUserid, b.userid)),
  }));
  post('staff-deletes-customer', bodies.relation, async (b) => ({
    delivery: publicDelivery(await sim.staffDeletesCustomer(corpOf(b), b.userid, b.externalUserid)),
  }));
  post('create-group', bodies.createGroup, async (b) => {
    const r = await sim.createGroup(corpOf(b), b.owner, b.name);
    return { chatId: r.chatId, delivery: publicDelivery(r.delivery) };
  });
  post('join-group', bodies.joinGroup, async (b) => {
    const via = b.joinWay ? { joinWay: b.joinWay } : { chatId: b.chatId ?? '', scene: 1 as const };
    const r = await sim.joinGroup(corpOf(b), b.externalUserid, via);
    return { chatId: r.chatId, delivery: publicDelivery(r.delivery) };
  });
  post('leave-group', bodies.leaveGroup, async (b) => ({
    delivery: publicDelivery(await sim.leaveGroup(corpOf(b), b.chatId, b.externalUserid)),
  }));
  post('staff-edits-customer', bodies.editCustomer, async (b) => ({
    delivery: publicDelivery(
      await sim.staffEditsCustomer(corpOf(b), b.userid, b.externalUserid, {
        addTags: b.addTags,
        removeTags: b.removeTags,
        remark: b.remark,
      }),
    ),
  }));
  post('admin-changes-tag', bodies.changeTag, async (b) => {
    const r = await sim.adminChangesTag(corpOf(b), 'create' in b ? { create: b.create } : { delete: b.delete });
    return { tagId: r.tagId, delivery: publicDelivery(r.delivery) };
  });
  post('confirm-mass-message', bodies.confirm, (b) => {
    const t = sim.confirmMassMessage(corpOf(b), b.msgid, b.userid);
    return { status: t.status, sends: t.sends };
  });
}
