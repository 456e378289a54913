/**
 * DEMO AND TESTS ONLY: a local SMTP server (smtp-server, by nodemailer's authors) on 127.0.0.1 that
 * keeps the mails it receives, parsed (mailparser), so that a person trying the demo, or a test, can
 * read what Siyu sent. With `users` it asks for a login and refuses wrong passwords (535).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { OWNED_LIMITS } from './limits';

export type SandboxMail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
  receivedAt: string;
};
export type SmtpSandbox = {
  host: string;
  port: number;
  mails(filter?: { to?: string }): SandboxMail[];
  close(): Promise<void>;
};

/** A header as sent (mailparser folds List-* headers into one object; the raw line is clearer). */
const rawHeader = (lines: readonly { key: string; line: string }[], key: string) => {
  const line = lines.find((h) => h.key === key)?.line;
  return line ? line.slice(line.indexOf(':') + 1).trim() : null;
};

export async function startSmtpSandbox(
  opts: { users?: Record<string, string>; now?: () => Date } = {},
): Promise<SmtpSandbox> {
  const mails: SandboxMail[] = [];
  let seq = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !opts.users,
    logger: false,
    size: OWNED_LIMITS.email.bodyChars * 4,
    onAuth(auth, _session, cb) {
      if (opts.users && opts.users[auth.username ?? ''] === auth.password) return cb(null, { user: auth.username });
      cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.unshift({
            id: `mail_${++seq}`,
            from: m.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : null,
            listUnsubscribe: rawHeader(m.headerLines, 'list-unsubscribe'),
            listUnsubscribePost: rawHeader(m.headerLines, 'list-unsubscribe-post'),
            receivedAt: (opts.now ?? (() => new Date()))().toISOString(),
          });
          mails.length = Math.min(mails.length, OWNED_LIMITS.email.sandboxMailbox);
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    mails: (f = {}) => mails.filter((m) => !f.to || m.to.includes(f.to)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
