/** `npm run bench -- api`: the HTTP stack with the demo tenant — health, session check, staff list. */
import { load, record, startServer } from './harness';

export async function run() {
  const server = await startServer();
  try {
    const login = await fetch(`${server.url}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@demo.siyu.dev', password: 'siyu-demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const headers = { cookie };
    const rows = [
      await load('GET /api/health (select 1)', { url: `${server.url}/api/health` }),
      await load('GET /api/admin/auth/me (session + roles + scope)', {
        url: `${server.url}/api/admin/auth/me`,
        headers,
      }),
      await load('GET /api/admin/staff?limit=50 (12 staff)', {
        url: `${server.url}/api/admin/staff?limit=50`,
        headers,
      }),
    ];
    record('api', rows, ['20 connections, 10 s each, autocannon in the bench process, server in its own process.']);
  } finally {
    await server.stop();
  }
}
