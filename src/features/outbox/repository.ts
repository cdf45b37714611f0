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
