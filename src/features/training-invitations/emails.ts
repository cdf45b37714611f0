import type { OutgoingEmail } from '../../platform/outbox.js';
import { sessionSummary, type CalendarSession } from './ics.js';
import { sessionWhen } from './when.js';

export type EmailKind = 'invitation' | 'update' | 'cancellation';

interface Recipient {
  given_name: string;
  required: boolean;
}

const where = (s: CalendarSession): string[] => [
  ...(s.venue !== '' ? [`Where: ${s.venue}`] : []),
  ...(s.onlineUrl ? [`Online: ${s.onlineUrl}`] : []),
];

const title = (s: CalendarSession) => sessionSummary({ ...s, status: 'confirmed' });

/** The text of an invitation, an update or a cancellation (the .ics file goes with it). */
export function invitationEmail(
  to: string,
  s: CalendarSession,
  kind: EmailKind,
  person: Recipient,
  baseUrl: string,
): Omit<OutgoingEmail, 'attachments'> {
  const when = sessionWhen(s.startsAt, s.endsAt);
  const reply = `Tell us whether you will come: ${baseUrl}/my/training`;
  const required = person.required
    ? 'This session is required training for you.'
    : 'This session is open to you; it is not required of you.';
  if (kind === 'cancellation') {
    return {
      to,
      subject: `Cancelled: ${title(s)}`,
      text: [
        `Dear ${person.given_name},`,
        '',
        `The training session "${title(s)}" on ${when} has been cancelled.`,
        'The attached calendar file removes it from your calendar.',
        '',
        `Your training sessions: ${baseUrl}/my/training`,
      ].join('\n'),
    };
  }
  const intro =
    kind === 'update'
      ? `The training session "${title(s)}" has changed. It is now:`
      : `You are invited to the training session "${title(s)}".`;
  return {
    to,
    subject: `${kind === 'update' ? 'Changed' : 'Invitation'}: ${title(s)}, ${when}`,
    text: [
      `Dear ${person.given_name},`,
      '',
      intro,
      '',
      `When: ${when}`,
      ...where(s),
      '',
      required,
      reply,
      '',
      'The attached calendar file adds the session to your calendar.',
    ].join('\n'),
  };
}

/** A reminder a week or a day before. */
export function reminderEmail(
  to: string,
  s: CalendarSession,
  which: 'week' | 'day',
  person: Recipient,
  baseUrl: string,
): OutgoingEmail {
  const when = sessionWhen(s.startsAt, s.endsAt);
  return {
    to,
    subject: `Reminder: ${title(s)}, ${which === 'week' ? 'next week' : 'tomorrow'}`,
    text: [
      `Dear ${person.given_name},`,
      '',
      `A reminder of the training session "${title(s)}".`,
      '',
      `When: ${when}`,
      ...where(s),
      '',
      ...(person.required ? ['This session is required training for you.'] : []),
      `Your reply, and changing it: ${baseUrl}/my/training`,
    ].join('\n'),
  };
}
