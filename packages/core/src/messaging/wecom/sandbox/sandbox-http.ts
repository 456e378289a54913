/**
 * DEMO AND TESTS ONLY. Serves a request handler over node:http on 127.0.0.1 (port 0 picks a free
 * one): the WeCom sandbox itself, or a test's callback receiver.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HttpRequestIn = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };
export type HttpResponseOut = { status: number; headers?: Record<string, string>; body: string };
export type RunningServer = { url: string; close(): Promise<void> };

export async function serveOnLoopback(
  handler: (req: HttpRequestIn) => HttpResponseOut | Promise<HttpResponseOut>,
  port = 0,
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const out = await handler({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        res.writeHead(out.status, out.headers ?? {}).end(out.body);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : 'error');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

type Handles = { handle(req: { method: string; path: string; body: Buffer | string }): HttpResponseOut };

/**
 * A `fetch` that hands each request straight to the sandbox, without a socket: for domain tests
 * (`createWecomClient({…, baseUrl: 'http://wecom.sandbox', fetch: sandboxFetch(sandbox)})`).
 */
export function sandboxFetch(sandbox: Handles): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const raw = init?.body;
    const body = raw == null ? '' : typeof raw === 'string' ? raw : Buffer.from(await new Response(raw).arrayBuffer());
    const out = sandbox.handle({ method: init?.method ?? 'GET', path: url.pathname + url.search, body });
    return new Response(out.body, { status: out.status, headers: out.headers });
  }) as typeof fetch;
}
