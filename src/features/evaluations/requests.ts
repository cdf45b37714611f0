import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { enqueueEmail } from '../../platform/outbox.js';
import { meetingDay } from '../meetings/index.js';

/** Sessions that ended longer ago than this are not asked about by email. */
export const REQUEST_WITHIN_DAYS = 14;

/**
 * Ask each attendee of a session that has ended (within the last two weeks) to evaluate it,
 * once: one email each, queued in the outbox, and `attendance.evaluation_requested_at` set in
 * the same transaction. Only courses that ask questions; only people with an email address
 * who have not already sent their evaluation. Several servers may run it at once: each
 * session's rows are claimed with an update, so nobody is asked twice. Returns how many
 * emails were queued.
 */
export async function requestEvaluations(db: Db, baseUrl: string, now = new Date()) {
  const since = new Date(now.getTime() - REQUEST_WITHIN_DAYS * 24 * 60 * 60_000);
  const sessions = await db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select(['s.id', 'c.title', 'g.name as groupName', 's.starts_at as startsAt'])
    .where('s.status', '<>', 'cancelled')
    .where('s.ends_at', '<=', now)
    .where('s.ends_at', '>=', since)
    // No session lasts a day: this lets the index on starts_at find the few that ended lately.
    .where('s.starts_at', '>=', new Date(since.getTime() - 24 * 60 * 60_000))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('attendance as a')
          .select('a.person_id')
          .whereRef('a.session_id', '=', 's.id')
          .where('a.evaluation_requested_at', 'is', null)
          .where('a.status', 'in', ['attended', 'late', 'left-early']),
      ),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('evaluation_questions as q')
          .select('q.id')
          .whereRef('q.course_id', '=', 'c.id')
          .where('q.retired', '=', false),
      ),
    )
    .execute();
  let queued = 0;
  for (const session of sessions) {
    queued += await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ email: string | null; givenName: string }>`
        update attendance a set evaluation_requested_at = ${now}
          from people p
         where a.session_id = ${session.id} and p.id = a.person_id
           and a.evaluation_requested_at is null
           and a.status in ('attended', 'late', 'left-early')
           and not exists (select 1 from evaluation_responses r
                            where r.session_id = a.session_id and r.person_id = a.person_id
                              and r.submitted_at is not null)
        returning p.email, p.given_name as "givenName"`.execute(trx);
      const title = session.groupName ? `${session.title} (${session.groupName})` : session.title;
      const day = session.startsAt ? ` on ${meetingDay(session.startsAt)}` : '';
      let sent = 0;
      for (const row of rows) {
        if (!row.email) continue;
        await enqueueEmail(trx, {
          to: row.email,
          subject: `How was ${title}? Tell us in two minutes`,
          text: [
            `Dear ${row.givenName},`,
            '',
            `Thank you for coming to ${title}${day}. Please tell the council what you thought of it, so that the next sessions are better:`,
            '',
            `${baseUrl}/my/evaluations/${session.id}`,
            '',
            'There are a few short questions, one on each screen. Each answer is saved as you go, so you can stop and come back later. The results are read without names.',
          ].join('\n'),
        });
        sent += 1;
      }
      return sent;
    });
  }
  return queued;
}
