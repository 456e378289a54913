/**
 * DEMO AND TESTS ONLY — a simulator of the WeCom server, never a production dependency. It serves
 * the endpoints of *.endpoints.ts with their documented shapes and errcodes (gettoken and
 * access_token checks included), keeps its state in memory, and simulates people in the client
 * (`sandbox.simulate.*`), delivering encrypted callbacks to each corp's callback URL. The real client
 * talks to it over HTTP exactly as it would to https://qyapi.weixin.qq.com.
 */
import type { Clock } from '../../../platform';
import type { CallbackFormat } from '../callback';
import type { Department } from '../org.endpoints';
import { getToken } from '../org.endpoints';
import { contactRoutes } from './sandbox-contacts';
import {
  DEFAULT_CAPS,
  defaultQrCodeUrl,
  type QrCodeUrl,
  type Route,
  type SandboxCaps,
  type SbxCtx,
} from './sandbox-context';
import { deliverEvent } from './sandbox-events';
import { groupRoutes } from './sandbox-groups';
import { UPLOAD_MEDIA_PATH } from '../media.endpoints';
import { uploadMedia } from './sandbox-media';
import { messageRoutes } from './sandbox-messages';
import { ERR, fail, type Reply, type SbxCorp, type SbxStaff } from './sandbox-model';
import { orgRoutes, settleTransfers } from './sandbox-org';
import { restoreCorp, snapshotCorp } from './sandbox-persist';
import { groupSimulations } from './sandbox-simulate-groups';
import { contactSimulations, SandboxError } from './sandbox-simulate';
import { tagRoutes } from './sandbox-tags';
import { createSandboxTokens } from './sandbox-tokens';

export type SandboxCorpInput = {
  corpId: string;
  agentId?: string;
  /** Secrets gettoken accepts for this corp. */
  secrets: string[];
  /** Callback Token and EncodingAESKey, as configured in WeCom's console. */
  token: string;
  encodingAesKey: string;
  callbackUrl?: string | null;
  callbackFormat?: CallbackFormat;
  departments?: Department[];
  staff?: (Partial<SbxStaff> & { userid: string; name: string })[];
};

export type WecomSandboxOptions = {
  clock: Clock;
  corps?: SandboxCorpInput[];
  /** A prefix the sandbox is mounted under (e.g. /sandbox/wecom), stripped before routing. */
  basePath?: string;
  /** Lower caps for tests; WeCom's by default. */
  caps?: Partial<SandboxCaps>;
  /** How callbacks are POSTed (default global fetch) and how long between retries. */
  fetch?: typeof fetch;
  retryDelayMs?: number;
  /** The `qr_code` URL of a contact way or join way (default: a WeCom-like CDN URL that does not resolve). */
  qrCodeUrl?: QrCodeUrl;
  /** access_token lifetime in seconds (WeCom: 7200). */
  tokenTtlSeconds?: number;
};

export type SandboxHttpRequest = { method: string; path: string; body: Buffer | string };
export type SandboxHttpResponse = { status: number; headers: Record<string, string>; body: string };

/** Query parameters WeCom defines as integers (everything else stays a string, cursors included). */
const NUMERIC_QUERY = new Set(['id', 'department_id']);

const json = (status: number, body: unknown): SandboxHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

function corpOf(input: SandboxCorpInput): SbxCorp {
  const departments = input.departments ?? [{ id: 1, name: '总部', parentid: 0, order: 1 }];
  return {
    corpId: input.corpId,
    agentId: input.agentId ?? '1000002',
    secrets: new Set(input.secrets),
    token: input.token,
    encodingAesKey: input.encodingAesKey,
    callbackUrl: input.callbackUrl ?? null,
    callbackFormat: input.callbackFormat ?? 'xml',
    departments: new Map(departments.map((d) => [d.id, d])),
    staff: new Map(
      (input.staff ?? []).map((s) => [
        s.userid,
        { department: [1], status: 1, customerContact: true, ...s } as SbxStaff,
      ]),
    ),
    contacts: new Map(),
    tagGroups: new Map(),
    contactWays: new Map(),
    joinWays: new Map(),
    groups: new Map(),
    welcomeCodes: new Map(),
    media: new Map(),
    welcomes: [],
    massMessages: new Map(),
    received: new Map(),
    moments: new Map(),
    groupWelcomeTemplates: new Map(),
    transfers: [],
    losses: [],
    deliveries: [],
  };
}

export function createWecomSandbox(opts: WecomSandboxOptions) {
  const corps = new Map((opts.corps ?? []).map((c) => [c.corpId, corpOf(c)]));
  const failures = new Map<string, { errcode: number; errmsg: string; times: number }>();
  const caps: SandboxCaps = { ...DEFAULT_CAPS, ...opts.caps };
  const qrCodeUrl = opts.qrCodeUrl ?? defaultQrCodeUrl;
  const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
  const routes = new Map<string, Route>(
    [...contactRoutes, ...tagRoutes, ...groupRoutes, ...messageRoutes, ...orgRoutes].map((r) => [
      `${r.ep.method} ${r.ep.path}`,
      r,
    ]),
  );
  const now = () => opts.clock.now().getTime();
  const tokens = createSandboxTokens(corps, now, opts.tokenTtlSeconds ?? 7200);

  function ctx(corpId: string): SbxCtx {
    const corp = corps.get(corpId);
    if (!corp) throw new SandboxError(`no corp ${corpId} in the sandbox`);
    return { corp, now: now(), caps, qrCodeUrl };
  }
  const deliver = (corp: SbxCorp, fields: Parameters<typeof deliverEvent>[1]) =>
    deliverEvent(corp, fields, { clock: opts.clock, fetch: opts.fetch, retryDelayMs: opts.retryDelayMs });
  const env = { ctx, deliver };

  function parseInput(r: Route, q: URLSearchParams, body: Buffer | string): unknown {
    if (r.ep.method === 'POST') {
      const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
      return text.trim() ? JSON.parse(text) : {};
    }
    const o: Record<string, unknown> = {};
    for (const [k, v] of q) if (k !== 'access_token') o[k] = NUMERIC_QUERY.has(k) && /^-?\d+$/.test(v) ? Number(v) : v;
    return o;
  }

  function answer(req: SandboxHttpRequest): Reply | null {
    const url = new URL(req.path, 'http://sandbox');
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const injected = failures.get(path);
    if (injected && injected.times > 0) {
      injected.times--;
      return fail(injected.errcode, injected.errmsg);
    }
    if (req.method === 'GET' && path === getToken.path) return tokens.issue(url.searchParams);
    const upload = req.method === 'POST' && path === UPLOAD_MEDIA_PATH;
    const r = routes.get(`${req.method} ${path}`);
    if (!r && !upload) return null;
    const corp = tokens.authenticate(url.searchParams);
    if ('errcode' in corp) return corp;
    if (upload || !r) return uploadMedia({ corp, now: now(), caps, qrCodeUrl }, url.searchParams.get('type'), req.body);
    let input: unknown;
    try {
      input = parseInput(r, url.searchParams, req.body);
    } catch {
      return fail(ERR.invalidParam, 'invalid json body');
    }
    const parsed = r.ep.request.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      return fail(ERR.invalidParam, `invalid parameter ${i?.path.join('.')}: ${i?.message}`);
    }
    const c = { corp, now: now(), caps, qrCodeUrl };
    settleTransfers(c);
    return r.handle(c, parsed.data);
  }

  return {
    /** The HTTP side: WeCom answers HTTP 200 with an errcode, 404 for a path it does not serve. */
    handle(req: SandboxHttpRequest): SandboxHttpResponse {
      const reply = answer(req);
      return reply ? json(200, reply) : json(404, { errcode: 404, errmsg: 'not found' });
    },
    /** Read-only view of a corp's state (the admin page, tests). */
    corp: (corpId: string): Readonly<SbxCorp> => ctx(corpId).corp,
    corpIds: () => [...corps.keys()],
    /** A corp's state as JSON (demo restarts keep the sandbox; sandbox-persist.ts). */
    snapshot: (corpId: string) => snapshotCorp(ctx(corpId).corp),
    /** Puts a snapshot back; false when it could not be read. */
    restore: (corpId: string, text: string) => restoreCorp(ctx(corpId).corp, text),
    addCorp(input: SandboxCorpInput) {
      corps.set(input.corpId, corpOf(input));
    },
    addStaff(corpId: string, s: Partial<SbxStaff> & { userid: string; name: string }) {
      ctx(corpId).corp.staff.set(s.userid, { department: [1], status: 1, customerContact: true, ...s } as SbxStaff);
    },
    /** Points a corp's callbacks at `url` (with the Token/EncodingAESKey Siyu holds). */
    configureCallback(
      corpId: string,
      cb: { url: string | null; token?: string; encodingAesKey?: string; format?: CallbackFormat },
    ) {
      const corp = ctx(corpId).corp;
      corp.callbackUrl = cb.url;
      if (cb.token) corp.token = cb.token;
      if (cb.encodingAesKey) corp.encodingAesKey = cb.encodingAesKey;
      if (cb.format) corp.callbackFormat = cb.format;
    },
    /** The next `times` calls of `path` answer `errcode` (e.g. 45009 to exercise backoff). */
    failNext(path: string, errcode: number, times = 1, errmsg = 'sandbox injected failure') {
      failures.set(path, { errcode, errmsg, times });
    },
    /** Invalidates every access_token of a corp, as when WeCom revokes them (→ 40014). */
    revokeTokens(corpId: string) {
      tokens.revoke(corpId);
    },
    tokenFetches: tokens.fetches,
    simulate: { ...contactSimulations(env), ...groupSimulations(env) },
  };
}

export type WecomSandbox = ReturnType<typeof createWecomSandbox>;
