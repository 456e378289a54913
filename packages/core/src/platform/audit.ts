import type { AuditQuery } from '@siyu/contracts';
import { and, desc, eq, gte, like, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from './context';
import { auditLog } from './platform.tables';
import { startOfDayIn } from './time';

/** The tenant's audit log, newest first, with keyset pagination; from/to are days in the tenant's zone. */
export async function listAudit(ctx: Ctx, q: z.output<typeof AuditQuery>, timeZone: string) {
  const day = (d: string) => startOfDayIn(d, timeZone);
  const nextDay = (d: string) =>
    startOfDayIn(new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), timeZone);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenantId),
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.action ? like(auditLog.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.from ? gte(auditLog.at, day(q.from)) : undefined,
        q.to ? lt(auditLog.at, nextDay(q.to)) : undefined,
        q.cursor ? lt(auditLog.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    changes: (r.changes as Record<string, unknown> | null) ?? null,
    ip: r.ip,
  }));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
