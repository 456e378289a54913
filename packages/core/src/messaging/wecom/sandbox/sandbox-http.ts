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
