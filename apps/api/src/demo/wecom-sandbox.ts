/**
 * DEMO MODE ONLY: the WeCom sandbox served by the API itself under /sandbox/wecom — WeCom's API at
 * /sandbox/wecom/cgi-bin/*, and the simulated client (scans, deletions, groups, confirmations) at
 * /sandbox/wecom/simulate/*, and each code's QR image and scan page (/sandbox/wecom/qr, /scan). One demo corp whose members mirror the demo staff; its secret, Token and
 * EncodingAESKey are generated at every start. Callbacks go to the demo tenant's fixed callback URL,
 * /webhooks/wecom/<tenant id>.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as access from '@siyu/core/access';
import * as messaging from '@siyu/core/messaging';
import type { Runtime } from '@siyu/core/platform';
import type { FastifyInstance } from 'fastify';
import { DEMO } from './seed';
import { wecomScanPage } from './wecom-sandbox-scan-page';
import { wecomSimulationRoutes } from './wecom-sandbox-simulate';

export const WECOM_SANDBOX_PATH = '/sandbox/wecom';
export const DEMO_CORP_ID = 'wwsiyudemo000001';
export const DEMO_AGENT_ID = '1000002';

const DEPARTMENTS = [
  { id: 1, name: '拾光咖啡烘焙', parentid: 0, order: 1 },
  { id: 2, name: '静安寺店', parentid: 1, order: 2 },
  { id: 3, name: '徐汇滨江店', parentid: 1, order: 3 },
  { id: 4, name: '陆家嘴店', parentid: 1, order: 4 },
  { id: 5, name: '运营部', parentid: 1, order: 5 },
  { id: 6, name: '客服中心', parentid: 1, order: 6 },
];
/** The demo staff who meet customers (userid = the demo login's name). */
const MEMBERS = [
  { userid: 'linzihan', name: '林子涵', department: [5] },
  { userid: 'wangyutong', name: '王雨桐', department: [2] },
  { userid: 'liuhaoran', name: '刘浩然', department: [3] },
  { userid: 'zhangzixuan', name: '张梓萱', department: [4] },
  { userid: 'lijiayi', name: '李嘉怡', department: [2] },
  { userid: 'zhaoyiming', name: '赵一鸣', department: [3] },
  { userid: 'sunruoxi', name: '孙若曦', department: [4] },
  { userid: 'huangjiaqi', name: '黄佳琪', department: [6] },
  { userid: 'wujunjie', name: '吴俊杰', department: [5], customerContact: false },
];

export type DemoWecom = {
  sandbox: messaging.WecomSandbox;
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  /** Where the adapter should send its API calls (the sandbox, on this API). */
  apiBaseUrl: string;
  /** The fixed callback URL of a tenant. */
  callbackUrl(tenantId: string): string;
  /**
   * Points a tenant's WeCom settings at the sandbox served at `baseUrl` (where this API listens) and
   * the demo corp's callbacks at that tenant's /webhooks/wecom/<tenant id> there.
   */
  configureTenant(tenantId: string, baseUrl: string): Promise<void>;
};

const wired = new WeakMap<FastifyInstance, DemoWecom>();
/** The WeCom sandbox of an app built in demo mode (tests and later slices drive it). */
export const demoWecomOf = (app: FastifyInstance) => wired.get(app) ?? null;

const SAVE_EVERY_MS = 5_000;

/**
 * Keeps the sandbox corp's state in `file` (sandbox-persist.ts): read at start, written every few
 * seconds when it changed and when the app closes — so `npm start` again finds the contact ways of
 * the demo's live codes, its groups and customers as WeCom would still have them.
 */
function keepState(app: FastifyInstance, sandbox: messaging.WecomSandbox, file: string, log: Runtime['log']) {
  let saved = '';
  try {
    saved = fs.readFileSync(file, 'utf8');
    if (!sandbox.restore(DEMO_CORP_ID, saved)) log.warn({ file }, 'WeCom sandbox state unreadable; starting empty');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err, file }, 'WeCom sandbox state not read');
  }
  const save = () => {
    const now = sandbox.snapshot(DEMO_CORP_ID);
    if (now === saved) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, now);
    fs.renameSync(`${file}.tmp`, file);
    saved = now;
  };
  const timer = setInterval(() => {
    try {
      save();
    } catch (err) {
      log.warn({ err, file }, 'WeCom sandbox state not saved');
    }
  }, SAVE_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    save();
  });
}

/** `stateFile`: where the sandbox keeps its state across restarts (`siyu start`); tests keep it in memory. */
export async function wireDemoWecom(
  app: FastifyInstance,
  rt: Runtime,
  opts: { stateFile?: string } = {},
): Promise<DemoWecom | null> {
  if (rt.config.mode !== 'demo') return null;
  const secret = randomBytes(24).toString('base64url');
  const { token, encodingAesKey } = messaging.generateCallbackSecrets();
  const base = rt.config.publicUrl;
  const demo = await access.getTenantBySlug(rt.db, DEMO.slug).catch(() => null);
  const callbackUrl = (tenantId: string) => `${base}/webhooks/wecom/${tenantId}`;
  const sandbox = messaging.createWecomSandbox({
    clock: rt.clock,
    basePath: WECOM_SANDBOX_PATH,
    // qr_code is a real QR image, served below, that opens the sandbox's scan page
    qrCodeUrl: (kind, configId) => `${base}${WECOM_SANDBOX_PATH}/qr/${kind}/${configId}.png`,
    corps: [
      {
        corpId: DEMO_CORP_ID,
        agentId: DEMO_AGENT_ID,
        secrets: [secret],
        token,
        encodingAesKey,
        callbackUrl: demo ? callbackUrl(demo.id) : null,
        departments: DEPARTMENTS,
        staff: MEMBERS,
      },
    ],
  });

  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    raw.all(`${WECOM_SANDBOX_PATH}/cgi-bin/*`, { schema: { hide: true } }, async (req, reply) => {
      const out = sandbox.handle({
        method: req.method,
        path: req.url,
        body: Buffer.isBuffer(req.body) ? req.body : '',
      });
      return reply.code(out.status).headers(out.headers).send(out.body);
    });
  });
  wecomSimulationRoutes(app, { path: WECOM_SANDBOX_PATH, sandbox, corpId: DEMO_CORP_ID });
  wecomScanPage(app, { path: WECOM_SANDBOX_PATH, publicUrl: base, sandbox, corpId: DEMO_CORP_ID });

  const configureTenant = async (tenantId: string, baseUrl: string) => {
    const ctx = rt.ctx({ tenantId, actor: { kind: 'system', name: 'demo' } });
    const apiBaseUrl = `${baseUrl}${WECOM_SANDBOX_PATH}`;
    await messaging.saveSandboxWecomSettings(ctx, {
      corpId: DEMO_CORP_ID,
      agentId: DEMO_AGENT_ID,
      secret,
      token,
      encodingAesKey,
      apiBaseUrl,
    });
    sandbox.configureCallback(DEMO_CORP_ID, { url: `${baseUrl}/webhooks/wecom/${tenantId}` });
  };
  if (opts.stateFile) keepState(app, sandbox, opts.stateFile, rt.log);
  // The demo tenant's settings point at the sandbox (its keys are new at every start).
  if (demo) await configureTenant(demo.id, base);

  const out: DemoWecom = {
    sandbox,
    corpId: DEMO_CORP_ID,
    agentId: DEMO_AGENT_ID,
    secret,
    token,
    encodingAesKey,
    apiBaseUrl: `${base}${WECOM_SANDBOX_PATH}`,
    callbackUrl,
    configureTenant,
  };
  wired.set(app, out);
  return out;
}
