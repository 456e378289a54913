import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRoutes } from '@siyu/contracts';
import { testApp } from '../testing';

describe('health and OpenAPI', () => {
  it('GET /api/health names the engine', async () => {
    const { app, rt } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', db: rt.database.engine });
    assert.equal(rt.database.engine, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('the OpenAPI document lists every contract route with its request schemas', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    for (const [key, r] of Object.entries(allRoutes)) {
      const p = `/api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      const op = doc.paths[p]?.[r.method.toLowerCase()];
      assert.ok(op, `${key}: ${r.method} ${p} missing`);
      assert.equal(op.summary, r.summary);
      if (r.body) assert.ok(op.requestBody?.content?.['application/json']?.schema, `${key}: no body schema`);
      assert.ok(op.responses[String(r.status ?? 200)], `${key}: no success response`);
    }
    const login = doc.paths['/api/admin/auth/login'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(login.required.sort(), ['email', 'password']);
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });
});
