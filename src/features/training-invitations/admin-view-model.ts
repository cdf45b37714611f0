import { escapeHtml } from '../../platform/html.js';
import { formatDateTime } from '../../platform/views.js';
import type { Invitee, SessionForAdmin } from './admin-repository.js';
import { invitationPaths } from './paths.js';
import { replyHtml, sessionTitle, tag, whenText } from './view-model.js';

const STATUS_TEXT = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  held: 'Held',
} as const;

/** The numbers an organiser watches: replies against capacity and the minimum to run. */
export function inviteeCounts(invitees: readonly Invitee[]) {
  const count = (f: (i: Invitee) => boolean) => invitees.filter(f).length;
  return {
    invited: invitees.length,
    required: count((i) => i.required),
    attending: count((i) => i.response === 'attending'),
    tentative: count((i) => i.response === 'tentative'),
    notAttending: count((i) => i.response === 'not-attending'),
    noReply: count((i) => i.response === null),
    notSent: count((i) => i.sentSequence === null),
  };
}

/** Warnings about numbers: over capacity, or under the minimum the trainer needs. */
export function numbersWarnings(
  session: Pick<SessionForAdmin, 'capacity' | 'minimumNumbers'>,
  counts: ReturnType<typeof inviteeCounts>,
): string[] {
  const warnings: string[] = [];
  if (session.capacity !== null && counts.attending > session.capacity) {
    warnings.push(
      `${counts.attending} people say they are attending, more than the capacity of ${session.capacity}.`,
    );
  }
  if (session.minimumNumbers !== null && counts.attending < session.minimumNumbers) {
    const short = session.minimumNumbers - counts.attending;
    warnings.push(
      `${counts.attending} attending so far: ${short} more needed to reach the minimum of ${session.minimumNumbers}` +
        (counts.attending + counts.tentative >= session.minimumNumbers
          ? ', which the tentative replies would make up.'
          : '.'),
    );
  }
  return warnings;
}

/** /admin/sessions/<id>/invitations */
export function adminInvitationsView(session: SessionForAdmin, invitees: readonly Invitee[]) {
  const counts = inviteeCounts(invitees);
  const limit = (n: number | null) => (n === null ? 'Not set' : String(n));
  return {
    pageTitle: `Invitations: ${sessionTitle(session)}`,
    title: sessionTitle(session),
    sessionHref: invitationPaths.session(session.id),
    summary: [
      { key: { text: 'Council' }, value: { text: session.authorityName } },
      { key: { text: 'When' }, value: { text: whenText(session) } },
      { key: { text: 'Status' }, value: { text: STATUS_TEXT[session.status] } },
      {
        key: { text: 'Required' },
        value: { text: session.mandatory ? 'Yes, mandatory course' : 'No' },
      },
      { key: { text: 'Capacity' }, value: { text: limit(session.capacity) } },
      { key: { text: 'Minimum numbers' }, value: { text: limit(session.minimumNumbers) } },
    ],
    counts: [
      {
        key: { text: 'Invited' },
        value: { text: `${counts.invited} (required of ${counts.required})` },
      },
      {
        key: { text: 'Attending' },
        value: {
          text:
            session.capacity !== null
              ? `${counts.attending} of ${session.capacity} places`
              : String(counts.attending),
        },
      },
      { key: { text: 'Tentative' }, value: { text: String(counts.tentative) } },
      { key: { text: 'Not attending' }, value: { text: String(counts.notAttending) } },
      { key: { text: 'No reply yet' }, value: { text: String(counts.noReply) } },
      ...(counts.notSent > 0 && session.status === 'confirmed'
        ? [
            {
              key: { text: 'Invitation email not sent yet' },
              value: { text: String(counts.notSent) },
            },
          ]
        : []),
    ],
    warnings: numbersWarnings(session, counts),
    empty: invitees.length === 0,
    table: {
      caption: 'Who is invited',
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: 'Name' }, { text: 'Required' }, { text: 'Reply' }, { text: 'Invited' }],
      rows: invitees.map((i) => [
        { text: i.name },
        { html: i.required ? tag('Required', 'govuk-tag--purple') : escapeHtml('Not required') },
        { html: replyHtml(i) },
        { text: formatDateTime(i.invitedAt) },
      ]),
    },
  };
}
