import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/database.js';
import { escapeHtml } from '../../platform/html.js';
import { paths } from './paths.js';
import {
  findSession,
  listComplementingSessions,
  listFacilitators,
  listPossibleFacilitators,
  type SessionRow,
} from './repository.js';
import { noProblems, renderPage, type Problems } from './route-support.js';
import { KIND_TEXT, personName, selectItems, sessionTag, whenText } from './view-model.js';

/** Past this many people who could facilitate, the session page searches by name instead. */
export const FACILITATOR_CHOICES = 500;

/** The session page (and its cancel page): the session, its facilitators and what to do next. */
export async function sessionPage(
  db: Db,
  reply: FastifyReply,
  session: SessionRow,
  problems: Problems = noProblems(),
  template = 'session.njk',
  values: Record<string, unknown> = {},
) {
  const facilitators = await listFacilitators(db, session.id);
  // A large council has thousands of officers: past FACILITATOR_CHOICES the page asks for part
  // of a name and lists those who match, instead of a select of everyone.
  const find = String(values.find ?? '')
    .trim()
    .slice(0, 100);
  const people = await listPossibleFacilitators(db, session.authority_id, {
    ...(find ? { find } : {}),
    limit: FACILITATOR_CHOICES + 1,
  });
  const tooMany = people.length > FACILITATOR_CHOICES && !find;
  const complements = session.complements_session_id
    ? await findSession(db, session.complements_session_id)
    : null;
  const complementedBy =
    session.audience === 'officers' ? [] : await listComplementingSessions(db, session.id);
  const taken = new Set(facilitators.map((f) => f.id));
  const link = (href: string, text: string) =>
    `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
  const row = (key: string, value: { text: string } | { html: string }) => ({
    key: { text: key },
    value,
  });
  const summaryRows = [
    row('Course', { html: link(paths.course(session.course_id), session.course_title) }),
    ...(session.group_name ? [row('Political group', { text: session.group_name })] : []),
    row('When', { text: whenText(session) }),
    row('Venue', { text: session.venue || 'Not given' }),
    row(
      'Online link',
      session.online_url
        ? { html: link(session.online_url, session.online_url) }
        : { text: 'None' },
    ),
    row('Capacity', { text: session.capacity ? String(session.capacity) : 'No limit given' }),
    row('Minimum numbers', {
      text: session.minimum_numbers ? String(session.minimum_numbers) : 'None given',
    }),
    row('Status', {
      html: `<strong class="govuk-tag ${sessionTag(session.status).classes}">${sessionTag(session.status).text}</strong>`,
    }),
    ...(session.audience === 'officers'
      ? [
          row(
            'Complements',
            complements
              ? {
                  html: link(
                    paths.session(complements.id),
                    `${complements.course_title}${complements.group_name ? ` (${complements.group_name})` : ''}: ${whenText(complements)}`,
                  ),
                }
              : { text: 'No members’ session' },
          ),
        ]
      : []),
    ...(complementedBy.length > 0
      ? [
          row('Officers’ sessions alongside', {
            html: complementedBy
              .map((c) => link(paths.session(c.id), `${c.course_title}: ${whenText(c)}`))
              .join('<br>'),
          }),
        ]
      : []),
    ...(session.override_reason
      ? [row('Confirmed without the whip’s agreement', { text: session.override_reason })]
      : []),
  ];
  return renderPage(reply, template, {
    pageTitle: template === 'session-cancel.njk' ? 'Cancel the session' : session.course_title,
    summaryRows,
    session: {
      id: session.id,
      courseTitle: session.course_title,
      programmeTitle: session.programme_title,
      group: session.group_name ?? '',
      when: whenText(session),
      venue: session.venue,
      onlineUrl: session.online_url ?? '',
      capacity: session.capacity,
      minimumNumbers: session.minimum_numbers,
      status: session.status,
      statusTag: sessionTag(session.status),
      overrideReason: session.override_reason ?? '',
      isGroup: session.audience === 'political-group',
      isOfficers: session.audience === 'officers',
      // A session not for a group is confirmed from its own page (programme-admin's confirm
      // page), not by agreeing a date with a whip.
      confirm:
        session.audience === 'political-group' || session.status !== 'planned'
          ? null
          : !session.starts_at || !session.ends_at
            ? 'needs-date'
            : session.starts_at <= new Date()
              ? 'date-passed'
              : 'ready',
      editable: session.status === 'planned' || session.status === 'confirmed',
    },
    facilitators: facilitators.map((f) => ({
      name: personName(f),
      kind: KIND_TEXT[f.kind] ?? f.kind,
      role: f.role,
      removeAction: paths.removeFacilitator(session.id, f.id),
    })),
    find,
    search:
      find || tooMany
        ? {
            action: `${paths.session(session.id)}#facilitators`,
            tooMany,
            noMatch: find !== '' && people.length === 0,
            limit: FACILITATOR_CHOICES,
          }
        : null,
    personItems: selectItems(
      (tooMany ? [] : people.slice(0, FACILITATOR_CHOICES))
        .filter((p) => !taken.has(p.id))
        .map((p) => ({
          id: p.id,
          text: `${personName(p)} (${KIND_TEXT[p.kind] ?? p.kind}${p.organisation_name ? `, ${p.organisation_name}` : ''})`,
        })),
      values.personId,
      'Select a person',
    ),
    values,
    paths: {
      course: paths.course(session.course_id),
      programme: paths.programme(session.programme_id),
      edit: paths.editSession(session.id),
      cancel: paths.cancelSession(session.id),
      session: paths.session(session.id),
      facilitators: paths.facilitators(session.id),
      dates: paths.dates(session.id),
      confirm: paths.confirm(session.id),
      invitations: paths.invitations(session.id),
      attendance: paths.attendance(session.id),
      runSheet: paths.runSheet(session.id),
      live: paths.live(session.id),
      evaluations: paths.evaluations(session.id),
    },
    ...problems,
  });
}
