/**
 * Email over SMTP with nodemailer: one transport per tenant settings, a List-Unsubscribe header with
 * the signed link and the one-click POST (RFC 8058), SMTP failures mapped to kinds staff can act on.
 */
import nodemailer from 'nodemailer';
import { OWNED_LIMITS } from './limits';
import type { EmailConfigJson } from './settings.model';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string; unsubscribeUrl?: string };
export type EmailSender = { send(mail: OutgoingMail): Promise<{ messageId: string }>; close(): void };

export class EmailError extends Error {
  constructor(
    readonly kind: 'SMTP_AUTH' | 'SMTP_TLS' | 'SMTP_REJECTED' | 'NETWORK' | 'SMTP',
    readonly providerCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmailError';
  }
  get retryable() {
    return this.kind === 'NETWORK';
  }
}

const KINDS: Record<string, EmailError['kind']> = {
  EAUTH: 'SMTP_AUTH',
  ENOAUTH: 'SMTP_AUTH',
  ETLS: 'SMTP_TLS',
  EENVELOPE: 'SMTP_REJECTED',
  ECONNECTION: 'NETWORK',
  ETIMEDOUT: 'NETWORK',
  ESOCKET: 'NETWORK',
  EDNS: 'NETWORK',
};

function emailErrorOf(e: unknown) {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = err.responseCode ? `${err.code ?? 'SMTP'} ${err.responseCode}` : (err.code ?? 'SMTP');
  return new EmailError(KINDS[err.code ?? ''] ?? 'SMTP', code, err.response ?? err.message ?? 'SMTP failure');
}

export function createEmailSender(c: EmailConfigJson, password: string | null): EmailSender {
  const t = OWNED_LIMITS.email.connectionTimeoutMs;
  const transport = nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.security === 'tls',
    requireTLS: c.security === 'starttls',
    ignoreTLS: c.security === 'none',
    ...(c.user ? { auth: { user: c.user, pass: password ?? '' } } : {}),
    connectionTimeout: t,
    greetingTimeout: t,
    socketTimeout: t,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: { name: c.fromName, address: c.fromAddress },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(c.replyTo ? { replyTo: c.replyTo } : {}),
          ...(mail.unsubscribeUrl
            ? {
                list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
              }
            : {}),
        });
        return { messageId: info.messageId };
      } catch (e) {
        throw emailErrorOf(e);
      }
    },
    close: () => transport.close(),
  };
}
