import type { DbOrTrx, Db } from '../db/database.js';
import type { Transporter } from 'nodemailer';

/** A file sent with an email, such as an invitation's .ics. */
export interface OutgoingAttachment {
  fileName: string;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST` */
  contentType: string;
  content: Buffer | string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  attachments?: readonly OutgoingAttachment[];
}

/**
 * Put an email in the outbox, with its attachments if any, in the caller's transaction. The sender delivers it when SMTP
 * is configured; otherwise it stays in the outbox for administrators to read.
 */
export async function enqueueEmail(db: DbOrTrx, email: OutgoingEmail): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({ to_address: email.to, subject: email.subject, body_text: email.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (email.attachments?.length) {
    await db
      .insertInto('outbox_attachments')
      .values(
        email.attachments.map((a) => ({
          outbox_id: row.id,
          file_name: a.fileName,
          content_type: a.contentType,
          content: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content,
        })),
      )
      .execute();
  }
  return row.id;
}

const MAX_ATTEMPTS = 5;

/**
 * Send what is waiting, oldest first. Each message is claimed in its own transaction with
 * SKIP LOCKED, so two Probity servers on one database never send the same email twice.
 */
export async function deliverPendingEmails(
  db: Db,
  transport: Transporter,
  from: string,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i += 1) {
    const outcome = await db.transaction().execute(async (trx) => {
      const message = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!message) return 'empty' as const;
      const attachments = await trx
        .selectFrom('outbox_attachments')
        .select(['file_name', 'content_type', 'content'])
        .where('outbox_id', '=', message.id)
        .orderBy('id')
        .execute();
      try {
        await transport.sendMail({
          from,
          to: message.to_address,
          subject: message.subject,
          text: message.body_text,
          ...(attachments.length
            ? {
                attachments: attachments.map((a) => ({
                  filename: a.file_name,
                  contentType: a.content_type,
                  content: a.content,
                })),
              }
            : {}),
        });
        await trx
          .updateTable('outbox')
          .set({
            status: 'sent',
            sent_at: new Date(),
            attempts: message.attempts + 1,
            last_error: null,
          })
          .where('id', '=', message.id)
          .execute();
        return 'sent' as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        await trx
          .updateTable('outbox')
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
          })
          .where('id', '=', message.id)
          .execute();
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent += 1;
    else {
      failed += 1;
      break; // the mail server is unhappy: try again on the next round
    }
  }
  return { sent, failed };
}
