/**
 * Cursor paging over WeCom's list endpoints, for sync jobs: each page comes with the cursor that
 * fetched it and the next one, so a job can store `next` after handling a page and resume from it
 * (WeCom cursors stay valid across calls). An empty `next_cursor` ends the listing.
 */
import type { WecomClient } from './client';
import { WECOM_LIMITS } from './limits';

export type Page<T> = { items: T[]; cursor: string | undefined; next: string | undefined };

export async function* pagesOf<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>,
  start?: string,
): AsyncGenerator<Page<T>> {
  let cursor = start || undefined;
  for (;;) {
    const { items, next } = await fetchPage(cursor);
    const more = next || undefined;
    yield { items, cursor, next: more };
    if (!more) return;
    cursor = more;
  }
}

/** Customers with their follow relation, for ≤ 100 members at a time (batch/get_by_user, doc 96316). */
export function customerPages(client: WecomClient, userids: string[], start?: string) {
  if (userids.length === 0 || userids.length > WECOM_LIMITS.externalContact.batchUsersMax) {
    throw new RangeError(`batch/get_by_user takes 1–${WECOM_LIMITS.externalContact.batchUsersMax} userids`);
  }
  return pagesOf(
    (cursor) =>
      client.externalContacts
        .batchGetByUser({ userid_list: userids, cursor, limit: WECOM_LIMITS.externalContact.batchLimitMax })
        .then((r) => ({ items: r.external_contact_list, next: r.next_cursor })),
    start,
  );
}

/** Every customer group's id and status (groupchat/list, 1000 a page). */
export function groupPages(client: WecomClient, start?: string, ownerUserids?: string[]) {
  return pagesOf(
    (cursor) =>
      client.groupChats
        .list({
          limit: WECOM_LIMITS.groupChat.listMax,
          cursor,
          ...(ownerUserids?.length ? { owner_filter: { userid_list: ownerUserids } } : {}),
        })
        .then((r) => ({ items: r.group_chat_list, next: r.next_cursor })),
    start,
  );
}

/** Every member id with a department (user/list_id). */
export function memberIdPages(client: WecomClient, start?: string) {
  return pagesOf(
    (cursor) =>
      client.org.memberIds({ cursor, limit: 1000 }).then((r) => ({ items: r.dept_user, next: r.next_cursor })),
    start,
  );
}
