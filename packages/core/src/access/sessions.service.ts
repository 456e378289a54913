import { type Clock, DAY, type Db, MINUTE, randomToken, sha256 } from '../platform';
import {
  deleteSession,
  deleteSessionsOf,
  findSession,
  insertSession,
  type SessionRow,
  touchSession,
} from './sessions.repo';

export type SessionKind = SessionRow['kind'];
export type OpenedSession = { token: string; csrfToken: string; expiresAt: Date };

/**
 * One mechanism for staff and shopper sessions: a random cookie token whose SHA-256 is the row id,
 * a CSRF token bound to the session, and an idle expiry that slides on use.
 */
export async function openSession(
  db: Db,
  clock: Clock,
  s: {
    tenantId: string;
    kind: SessionKind;
    subjectId: string;
    idleDays: number;
    ip?: string | null;
    userAgent?: string | null;
  },
): Promise<OpenedSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + s.idleDays * DAY);
  await insertSession(db, {
    id: sha256(token),
    tenantId: s.tenantId,
    kind: s.kind,
    subjectId: s.subjectId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: s.ip ?? null,
    userAgent: s.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The live session of that kind for a cookie token, or null. Slides the expiry at most once a minute.
 * `load` may read more with the session in the same statement (the shopper's account).
 */
export async function resolveSession<R extends SessionRow = SessionRow>(
  db: Db,
  clock: Clock,
  token: string | undefined,
  kind: SessionKind,
  idleDays: number,
  load: (db: Db, id: string) => Promise<R | undefined> = findSession as never,
): Promise<R | null> {
  if (!token || token.length > 200) return null;
  const row = await load(db, sha256(token));
  const now = clock.now();
  if (!row || row.kind !== kind || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > MINUTE) {
    await touchSession(db, row.id, now, new Date(now.getTime() + idleDays * DAY));
  }
  return row;
}

export const closeSession = (db: Db, token: string) => deleteSession(db, sha256(token));
export const closeSessionsOf = deleteSessionsOf;
