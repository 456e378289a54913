/** API test helpers (tests only): the app over the test runtime, and a cookie-keeping agent. */
import { randomInt } from 'node:crypto';
import { TEST_PASSWORD, createTestTenant, testRuntime } from '@siyu/core/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from './app';

let appP: Promise<FastifyInstance> | null = null;

export async function testApp() {
  const { rt, clock } = await testRuntime();
  appP ??= buildApp(rt);
  return { app: await appP, rt, clock };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read untyped JSON answers
export type Res = LightMyRequestResponse & { body: string; data: any };

/** Keeps cookies between requests and sends the CSRF token on writes, like the browser app does. */
export class Agent {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  /** Each agent is its own client address, so per-IP rate limits do not leak between tests. */
  readonly ip = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  constructor(readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies) {
      if (!c.value || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let data: unknown = null;
    try {
      data = res.body ? JSON.parse(res.body) : null;
    } catch {}
    if (data && typeof data === 'object' && 'csrfToken' in data)
      this.csrf = String((data as { csrfToken: string }).csrfToken);
    return Object.assign(res, { data });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

/** A new tenant and an agent logged in as its owner. */
export async function ownerOfNewTenant() {
  const { app, rt, clock } = await testApp();
  const tenant = await createTestTenant(rt);
  const agent = new Agent(app);
  const res = await agent.post('/api/admin/auth/login', { email: tenant.ownerEmail, password: TEST_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { app, rt, clock, tenant, agent };
}

export async function loginAs(app: FastifyInstance, email: string, password: string, tenant?: string) {
  const agent = new Agent(app);
  const res = await agent.post('/api/admin/auth/login', { email, password, ...(tenant ? { tenant } : {}) });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return agent;
}

/**
 * Drains the tenant's outbox and due jobs until `done()` holds (at most `timeoutMs`). On PostgreSQL the
 * test files share one job queue, so another file's drain may take this file's job and finish it a
 * moment later: wait for the state the job makes, not for one drain.
 */
export async function drainUntil(
  rt: { drain(o: { tenantId: string }): Promise<void> },
  tenantId: string,
  done: () => Promise<boolean>,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await rt.drain({ tenantId });
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`not done after draining for ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
