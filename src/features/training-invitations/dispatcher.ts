import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { InvitationResponse, SessionStatus } from '../../db/schema.js';
import { enqueueEmail } from '../../platform/outbox.js';
import { CALENDAR_TYPE, invitationCalendar, type CalendarSession } from './ics.js';
import { invitationEmail, reminderEmail, type EmailKind } from './emails.js';

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 500;

export interface DispatchOptions {
  /** Probity's address, for links and the events' UIDs */
  baseUrl?: string;
  /** the sender, e.g. `Probity <probity@council.example>`: the events' organiser */
  mailFrom?: string;
}

export interface DispatchResult {
  invitations: number;
  updates: number;
  cancellations: number;
  weekReminders: number;
  dayReminders: number;
}

interface DueRow {
  session_id: number;
  person_id: number;
  required: boolean;
  response: InvitationResponse | null;
  sent_sequence: number | null;
  sequence: number;
  status: SessionStatus;
  starts_at: Date;
  ends_at: Date | null;
  venue: string;
  online_url: string | null;
  title: string;
  duration_minutes: number;
  group_name: string | null;
  authority_name: string;
  email: string | null;
  given_name: string;
  family_name: string;
}

/** The columns every query of the dispatcher reads, locking the invitation rows it reads. */
const dueSelect = (where: ReturnType<typeof sql>) => sql<DueRow>`
  select i.session_id, i.person_id, i.required, i.response, i.sent_sequence,
         s.sequence, s.status, s.starts_at, s.ends_at, s.venue, s.online_url,
         c.title, c.duration_minutes, g.name as group_name, a.name as authority_name,
         pe.email, pe.given_name, pe.family_name
    from session_invitations i
    join training_sessions s on s.id = i.session_id
    join courses c on c.id = s.course_id
    join programmes p on p.id = c.programme_id
    join authorities a on a.id = p.authority_id
    join people pe on pe.id = i.person_id
    left join organisations g on g.id = s.group_id
   where ${where}
   order by s.starts_at, i.session_id, i.person_id
   limit ${BATCH}
   for update of i skip locked`;

const toSession = (r: DueRow): CalendarSession => ({
  sessionId: r.session_id,
  title: r.title,
  groupName: r.group_name,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  durationMinutes: r.duration_minutes,
  venue: r.venue,
  onlineUrl: r.online_url,
  status: r.status,
  sequence: r.sequence,
});

/** The address part of `Name <address>`, or the whole when there are no brackets. */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/**
 * Send what those invited to training sessions have not had yet, and the reminders now due:
 * - an invitation whose `sent_sequence` is null gets the invitation (or nothing, when the
 *   session was cancelled before it went: they never heard of it);
 * - one whose `sent_sequence` is below the session's `sequence` gets the update, or the
 *   cancellation if the session is cancelled;
 * each with an .ics file (same UID per session, SEQUENCE the session's, METHOD REQUEST or
 * CANCEL), then `sent_sequence` is set. Only sessions still to come are sent.
 * - a week before, and a day before, a reminder to those who have not said they will not come,
 *   once each, and only when they were invited before that point (a fresh invitation needs no
 *   reminder the next minute).
 * People without an email address are marked as sent (the invitation shows on their page).
 * Rows are locked with SKIP LOCKED, so two servers never send the same email twice.
 */
export async function dispatchInvitations(
  db: Db,
  now: Date = new Date(),
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const baseUrl = (options.baseUrl ?? 'http://localhost').replace(/\/$/, '');
  const organizerEmail = options.mailFrom
    ? addressOf(options.mailFrom)
    : `probity@${new URL(baseUrl).hostname}`;
  const result: DispatchResult = {
    invitations: 0,
    updates: 0,
    cancellations: 0,
    weekReminders: 0,
    dayReminders: 0,
  };

  // Invitations, updates and cancellations, a batch per transaction until none are left.
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const { rows } = await dueSelect(sql`
        s.status in ('confirmed', 'cancelled') and s.starts_at > ${now}
        and (i.sent_sequence is null or i.sent_sequence < s.sequence)`).execute(trx);
      for (const row of rows) {
        const kind: EmailKind | null =
          row.status === 'cancelled'
            ? row.sent_sequence === null
              ? null
              : 'cancellation'
            : row.sent_sequence === null
              ? 'invitation'
              : 'update';
        if (kind && row.email) {
          await sendInvitation(trx, row, kind, { baseUrl, now, organizerEmail });
          if (kind === 'invitation') result.invitations += 1;
          else if (kind === 'update') result.updates += 1;
          else result.cancellations += 1;
        }
        await markSent(trx, row, kind, now);
      }
      return rows.length;
    });
    if (count < BATCH) break;
  }

  // Reminders: the week's first, then the day's, each for up-to-date invitations only.
  for (const which of ['week', 'day'] as const) {
    const ahead = which === 'week' ? 7 * DAY : DAY;
    const column = which === 'week' ? sql.ref('i.week_reminder_at') : sql.ref('i.day_reminder_at');
    const windowEnd =
      which === 'week' ? sql`and s.starts_at > ${new Date(now.getTime() + DAY)}` : sql``;
    for (;;) {
      const count = await db.transaction().execute(async (trx) => {
        const { rows } = await dueSelect(sql`
          s.status = 'confirmed' and s.starts_at > ${now}
          and s.starts_at <= ${new Date(now.getTime() + ahead)} ${windowEnd}
          and ${column} is null and i.sent_sequence = s.sequence
          and i.invited_at < s.starts_at - ${`${ahead / 1000} seconds`}::interval
          and i.response is distinct from 'not-attending'`).execute(trx);
        for (const row of rows) {
          if (row.email) {
            await enqueueEmail(trx, reminderEmail(row.email, toSession(row), which, row, baseUrl));
            if (which === 'week') result.weekReminders += 1;
            else result.dayReminders += 1;
          }
          await trx
            .updateTable('session_invitations')
            .set(which === 'week' ? { week_reminder_at: now } : { day_reminder_at: now })
            .where('session_id', '=', row.session_id)
            .where('person_id', '=', row.person_id)
            .execute();
        }
        return rows.length;
      });
      if (count < BATCH) break;
    }
  }
  return result;
}

async function sendInvitation(
  trx: Trx,
  row: DueRow,
  kind: EmailKind,
  options: { baseUrl: string; now: Date; organizerEmail: string },
) {
  const session = toSession(row);
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const ics = invitationCalendar(session, {
    method,
    baseUrl: options.baseUrl,
    now: options.now,
    organizer: { name: row.authority_name, email: options.organizerEmail },
    attendee: {
      name: `${row.given_name} ${row.family_name}`,
      email: row.email!,
      response: row.response,
    },
  });
  await enqueueEmail(trx, {
    ...invitationEmail(row.email!, session, kind, row, options.baseUrl),
    attachments: [
      {
        fileName: kind === 'cancellation' ? 'cancellation.ics' : 'invitation.ics',
        contentType: `${CALENDAR_TYPE}; method=${method}`,
        content: ics,
      },
    ],
  });
}

/**
 * Record what was sent. An update already inside a reminder's window stands for that
 * reminder, so nobody gets an update and a reminder in the same minute.
 */
async function markSent(trx: Trx, row: DueRow, kind: EmailKind | null, now: Date) {
  const untilStart = row.starts_at.getTime() - now.getTime();
  const reminders =
    kind === 'update'
      ? {
          week_reminder_at: untilStart <= 7 * DAY ? now : null,
          day_reminder_at: untilStart <= DAY ? now : null,
        }
      : {};
  await trx
    .updateTable('session_invitations')
    .set({ sent_sequence: row.sequence, ...reminders })
    .where('session_id', '=', row.session_id)
    .where('person_id', '=', row.person_id)
    .execute();
}
