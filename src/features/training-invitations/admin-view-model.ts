import { escapeHtml } from '../../platform/html.js';
import { formatDateTime } from '../../platform/views.js';
import type { Invitee, SessionForAdmin } from './admin-repository.js';
import { invitationPaths } from './paths.js';
import type { ReplyFilter } from './schemas.js';
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

const FILTER_TEXT: Record<ReplyFilter, string> = {
  attending: 'Attending',
  tentative: 'Tentative',
  'not-attending': 'Not attending',
  none: 'No reply yet',
};

const matches = (filter: ReplyFilter | undefined) => (i: Invitee) =>
  filter === undefined || (filter === 'none' ? i.response === null : i.response === filter);

/** Links that narrow the list to one kind of reply, each with its number. */
function filterLinks(
  sessionId: number,
  invitees: readonly Invitee[],
  current: ReplyFilter | undefined,
) {
  const base = invitationPaths.admin(sessionId);
  return [
    { text: `Everyone (${invitees.length})`, href: base, current: current === undefined },
    ...(Object.keys(FILTER_TEXT) as ReplyFilter[]).map((f) => ({
      text: `${FILTER_TEXT[f]} (${invitees.filter(matches(f)).length})`,
      href: `${base}?reply=${f}`,
      current: current === f,
    })),
  ];
}

/** /admin/sessions/<id>/invitations, optionally narrowed to one kind of reply. */
export function adminInvitationsView(
  session: SessionForAdmin,
  invitees: readonly Invitee[],
  filter?: ReplyFilter,
) {
  const counts = inviteeCounts(invitees);
  const shown = invitees.filter(matches(filter));
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
    filters: filterLinks(session.id, invitees, filter),
    noneShown: shown.length === 0,
    table: {
      caption: filter ? `Who is invited: ${FILTER_TEXT[filter].toLowerCase()}` : 'Who is invited',
      captionClasses: 'govuk-table__caption--m',
      firstCellIsHeader: true,
      head: [{ text: 'Name' }, { text: 'Required' }, { text: 'Reply' }, { text: 'Invited' }],
      rows: shown.map((i) => [
        { text: i.name },
        { html: i.required ? tag('Required', 'govuk-tag--purple') : escapeHtml('Not required') },
        { html: replyHtml(i) },
        { text: formatDateTime(i.invitedAt) },
      ]),
    },
  };
}
