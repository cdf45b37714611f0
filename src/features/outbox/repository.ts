import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: DbOrTrx, status: string | undefined, page: number) {
  let query = db.selectFrom('outbox');
  if (status) query = query.where('status', '=', status as 'pending' | 'sent' | 'failed');
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'to_address', 'subject', 'status', 'created_at', 'sent_at', 'attempts'])
      .orderBy('id', 'desc')
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findOutboxMessage(db: DbOrTrx, id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The files sent with a message (names, types and sizes, not the contents), in order. */
export async function listOutboxAttachments(db: DbOrTrx, outboxId: number) {
  return db
    .selectFrom('outbox_attachments')
    .select(['id', 'file_name', 'content_type', sql<number>`octet_length(content)`.as('bytes')])
    .where('outbox_id', '=', outboxId)
    .orderBy('id')
    .execute();
}

/** One attached file of one message, with its contents. */
export async function findOutboxAttachment(db: DbOrTrx, outboxId: number, attachmentId: number) {
  return db
    .selectFrom('outbox_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('outbox_id', '=', outboxId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
