import type { Note } from '@siyu/contracts';
import { staffSummaries } from '../../access';
import { actorId, type Ctx, forbidden, newId, notFound } from '../../platform';
import { recordEvent } from '../events/events.service';
import { getVisibleCustomer } from '../profiles/visibility';
import { deleteNoteRow, findNote, insertNote, listNoteRows, type NoteRow, updateNoteRow } from './records.repo';

async function toNotes(ctx: Ctx, rows: NoteRow[]): Promise<Note[]> {
  const names = await staffSummaries(
    ctx,
    rows.map((r) => r.authorId),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    authorId: r.authorId,
    authorName: names.get(r.authorId)?.name ?? null,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

export async function listNotes(ctx: Ctx, customerId: string, q: { cursor?: string; limit: number }) {
  await getVisibleCustomer(ctx, customerId);
  const rows = await listNoteRows(ctx.db, ctx.tenantId, customerId, { beforeId: q.cursor, limit: q.limit + 1 });
  const items = await toNotes(ctx, rows.slice(0, q.limit));
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function createNote(ctx: Ctx, customerId: string, input: { body: string }): Promise<Note> {
  await getVisibleCustomer(ctx, customerId);
  const authorId = actorId(ctx);
  if (!authorId) throw forbidden('Only staff members write notes');
  const now = ctx.clock.now();
  const row = {
    tenantId: ctx.tenantId,
    id: newId('note', now),
    customerId,
    authorId,
    body: input.body,
    createdAt: now,
    updatedAt: now,
  };
  await insertNote(ctx.db, row);
  await recordEvent(ctx, {
    customerId,
    type: 'note.added',
    properties: { noteId: row.id, authorId, excerpt: excerpt(row.body) },
    source: 'admin',
  });
  await ctx.audit({
    action: 'note.create',
    entityType: 'customer_note',
    entityId: row.id,
    summary: `Added a note to ${customerId}`,
  });
  return (await toNotes(ctx, [row]))[0]!;
}

/** The note, if the actor may change it: its author, or someone who manages staff (staff.write). */
async function editableNote(ctx: Ctx, customerId: string, id: string) {
  await getVisibleCustomer(ctx, customerId);
  const note = await findNote(ctx.db, ctx.tenantId, customerId, id);
  if (!note) throw notFound('Note', id);
  const manager = ctx.actor.kind === 'staff' && ctx.actor.permissions.includes('staff.write');
  if (note.authorId !== actorId(ctx) && !manager) throw forbidden('Only the author of a note may change or delete it');
  return note;
}

export async function updateNote(ctx: Ctx, customerId: string, id: string, input: { body: string }): Promise<Note> {
  const before = await editableNote(ctx, customerId, id);
  const row = await updateNoteRow(ctx.db, ctx.tenantId, id, { body: input.body, updatedAt: ctx.clock.now() });
  await ctx.audit({
    action: 'note.update',
    entityType: 'customer_note',
    entityId: id,
    summary: `Changed a note on ${customerId}`,
    changes: before.body === row.body ? {} : { body: { from: before.body, to: row.body } },
  });
  return (await toNotes(ctx, [row]))[0]!;
}

export async function deleteNote(ctx: Ctx, customerId: string, id: string) {
  const note = await editableNote(ctx, customerId, id);
  await deleteNoteRow(ctx.db, ctx.tenantId, id);
  await ctx.audit({
    action: 'note.delete',
    entityType: 'customer_note',
    entityId: id,
    summary: `Deleted a note on ${customerId}`,
    changes: { body: { from: note.body, to: null } },
  });
  return { ok: true as const };
}
