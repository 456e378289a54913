import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRoutes, type RouteDef } from '@siyu/contracts';
import { z } from 'zod';
import { Agent, ownerOfNewTenant } from '../testing';

const WEIRD_VALUES: unknown[] = [
  null,
  12345,
  -1,
  1e308,
  true,
  '',
  ' ',
  'x'.repeat(20_000),
  '😀漢字\u0000',
  {},
  [],
  [null],
  { $ne: 1 },
];
const WEIRD_BODIES: (string | unknown)[] = [
  '{not json',
  '[]',
  '"text"',
  '123',
  'null',
  '{}',
  '{"__proto__":{"admin":true}}',
];
const WEIRD_SEGMENTS = ['x', '%00', "1' or '1'='1", 'stf_', 'a'.repeat(500), '..%2F..%2Fetc%2Fpasswd', '%F0%9F%98%80'];
const WEIRD_QUERY = ['-1', 'abc', '0', '1e9', 'a'.repeat(300), '%00', '[]'];

function keysOf(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  while (
    s &&
    !(s instanceof z.ZodObject) &&
    (s as { _zod?: { def?: { in?: unknown; innerType?: unknown } } })._zod?.def
  ) {
    const def = (s as { _zod: { def: { in?: unknown; innerType?: unknown; schema?: unknown } } })._zod.def;
    s = def.in ?? def.innerType ?? def.schema;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** Requests a route may get from a careless or hostile client. */
function* corpus(route: RouteDef, slug: string) {
  const params = (seg: string) => route.path.replace(/:([A-Za-z]+)/g, (_, k: string) => (k === 'slug' ? slug : seg));
  const base = `/api${params('stf_0000000000aaaaaaaaaaaaaaaa')}`;
  for (const seg of WEIRD_SEGMENTS)
    if (route.path.includes(':')) yield { url: `/api${params(seg)}`, body: route.body ? {} : undefined };
  if (route.path.includes(':slug'))
    yield {
      url: `/api${route.path.replace(':slug', 'NO SUCH SHOP').replace(/:([A-Za-z]+)/g, 'x')}`,
      body: route.body ? {} : undefined,
    };
  for (const k of keysOf(route.query))
    for (const v of WEIRD_QUERY) yield { url: `${base}?${k}=${encodeURIComponent(v)}`, body: undefined };
  if (!route.body) return;
  for (const b of WEIRD_BODIES) yield { url: base, body: b };
  for (const k of keysOf(route.body)) for (const v of WEIRD_VALUES) yield { url: base, body: { [k]: v } };
}

describe('bad input', () => {
  it('no malformed request to any route gets a 5xx, and 400s name the field', async () => {
    const { app, tenant, agent: admin } = await ownerOfNewTenant();
    const shopper = new Agent(app);
    const phone = `139${String(Date.now()).slice(-8)}`;
    await shopper.post(`/api/shop/t/${tenant.slug}/auth/sms-code`, { phone });
    const sms = await shopper.get(`/api/dev/sms?phone=${phone}`);
    const login = await shopper.post(`/api/shop/t/${tenant.slug}/auth/sms-login`, {
      phone,
      code: sms.data.items[0].code,
    });
    assert.equal(login.statusCode, 200, login.body);
    const anonymous = new Agent(app);
    const logouts = Object.entries(allRoutes).filter(([k]) => k.endsWith('.logout'));
    let sent = 0;
    for (const [key, route] of Object.entries(allRoutes)) {
      if (key.endsWith('.logout')) continue;
      const agent = route.audience === 'admin' ? admin : route.audience === 'shop' ? shopper : anonymous;
      for (const req of corpus(route, tenant.slug)) {
        const res = await agent.request(route.method, req.url, req.body);
        sent++;
        assert.ok(
          res.statusCode < 500,
          `${key} ${route.method} ${req.url.slice(0, 120)} ${JSON.stringify(req.body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
        );
        if (res.statusCode === 400) {
          assert.ok(res.data?.error?.code && res.data.error.message, `${key}: 400 without an error body`);
          if (res.data.error.code === 'VALIDATION_FAILED')
            assert.ok(
              res.data.error.details.issues.every((i: { path: string }) => i.path.length > 0),
              `${key}: issue without a path`,
            );
        }
      }
    }
    for (const [key, route] of logouts) {
      const agent = route.audience === 'admin' ? admin : shopper;
      const res = await agent.request(route.method, `/api${route.path.replace(':slug', tenant.slug)}`, 'garbage{');
      assert.ok(res.statusCode < 500, `${key} → ${res.statusCode}`);
    }
    assert.ok(sent > 300, `sent ${sent} requests`);
  });

  it('names the field in validation errors', async () => {
    const { agent } = await ownerOfNewTenant();
    const res = await agent.post('/api/admin/org-units', { kind: 'factory', name: '' });
    assert.equal(res.statusCode, 400);
    const paths = res.data.error.details.issues.map((i: { path: string }) => i.path).sort();
    assert.deepEqual(paths, ['body.kind', 'body.name']);
    assert.match(res.data.error.message, /^body\.(kind|name): /);
  });
});
