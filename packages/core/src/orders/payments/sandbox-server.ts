/**
 * Demo mode and tests only: the plumbing the payment sandboxes share — a framework-independent
 * request/response shape, a node:http server on 127.0.0.1, and delivery of a notification to a
 * notify URL over HTTP.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationHeaders } from './provider';

export type SandboxRequest = { method: string; path: string; headers: NotificationHeaders; body: Buffer };
export type SandboxResponse = { status: number; headers: Record<string, string>; body: string };
export type SandboxHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

/** A notification the sandbox wants to send: POST `body` with `headers` to `url`. */
export type OutgoingNotification = { url: string; headers: Record<string, string>; body: string };

export type RunningSandbox = { url: string; port: number; close(): Promise<void> };

/** Serves a handler on 127.0.0.1 (port 0 picks a free one). */
export async function serveSandbox(handler: SandboxHandler, port = 0): Promise<RunningSandbox> {
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
        res.writeHead(out.status, out.headers).end(out.body);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : 'sandbox error');
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
    port: actual,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** POSTs a sandbox notification to its notify URL, as WeChat Pay or Alipay would. */
export async function deliverNotification(
  n: OutgoingNotification,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<{ status: number; body: string }> {
  const res = await (opts.fetch ?? fetch)(n.url, {
    method: 'POST',
    headers: n.headers,
    body: n.body,
    signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
  });
  return { status: res.status, body: await res.text() };
}
