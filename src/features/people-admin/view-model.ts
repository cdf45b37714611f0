import { ROLE_LABELS, type Role } from '../../platform/access.js';
import { formatDate, formatDateTime } from '../../platform/views.js';
import { PAGE_SIZE, type PersonRow, type findPerson } from './repository.js';
import { GRANTABLE_ROLES, PERSON_KINDS, type PeopleFilter, type PersonKindKey } from './schemas.js';
import type { listFilterChoices } from './repository.js';
import { escapeHtml } from '../../platform/html.js';
import type { MembershipRow, listAppointments } from './membership-repository.js';
import { membershipRows } from './membership-view-model.js';

const kindLabel = (kind: string): string => PERSON_KINDS[kind as PersonKindKey] ?? kind;

function accountTag(row: { hasPassword: boolean; invitationPending: boolean }) {
  if (row.hasPassword) return { text: 'Active', classes: 'govuk-tag--green' };
  if (row.invitationPending) return { text: 'Invited', classes: 'govuk-tag--blue' };
  return { text: 'No account', classes: 'govuk-tag--grey' };
}

export function peopleListView(result: { rows: PersonRow[]; total: number }, filter: PeopleFilter) {
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ['q', 'kind', 'authority', 'ward', 'group', 'committee'] as const) {
      const value = filter[key];
      if (value !== undefined) params.set(key, String(value));
    }
    params.set('page', String(page));
    return `/admin/people?${params.toString()}`;
  };
  return {
    filter,
    total: result.total,
    kindItems: [
      { value: '', text: 'Everyone' },
      ...Object.entries(PERSON_KINDS).map(([value, text]) => ({
        value,
        text,
        selected: filter.kind === value,
      })),
    ],
    rows: result.rows.map((r) => [
      {
        html: `<a class="govuk-link" href="/admin/people/${r.id}">${escapeHtml(`${r.givenName} ${r.familyName}`)}</a>`,
      },
      { text: kindLabel(r.kind) },
      { text: r.authorityName },
      { text: r.email ?? 'None' },
      { html: `<strong class="govuk-tag ${accountTag(r).classes}">${accountTag(r).text}</strong>` },
    ]),
    pagination:
      pages > 1
        ? {
            previous: filter.page > 1 ? { href: link(filter.page - 1) } : undefined,
            next: filter.page < pages ? { href: link(filter.page + 1) } : undefined,
            items: [],
          }
        : null,
    pageLabel: `Page ${filter.page} of ${pages}`,
  };
}

export function inviteFormView(
  authorities: { id: number; name: string; kind: string }[],
  values: Record<string, unknown>,
  errors: Record<string, { text: string }> | undefined,
) {
  const chosenRoles = new Set(
    [values.roles].flat().filter((v): v is string => typeof v === 'string'),
  );
  return {
    values,
    errors,
    kindItems: Object.entries(PERSON_KINDS).map(([value, text]) => ({
      value,
      text,
      checked: values.kind === value,
    })),
    authorityItems: [
      { value: '', text: 'Select a council' },
      ...authorities.map((a) => ({
        value: String(a.id),
        text: a.name,
        selected: String(values.authorityId) === String(a.id),
      })),
    ],
    roleItems: Object.entries(GRANTABLE_ROLES).map(([value, text]) => ({
      value,
      text,
      checked: chosenRoles.has(value),
    })),
  };
}

type FoundPerson = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export function personView(person: FoundPerson) {
  const accountText = person.passwordSetAt
    ? `Active: password set ${formatDateTime(person.passwordSetAt)}`
    : person.invitation
      ? `Invited: link sent ${formatDateTime(person.invitation.created_at)}, works until ${formatDate(person.invitation.expires_at)}`
      : 'No account yet';
  return {
    person: {
      id: person.id,
      name: `${person.given_name} ${person.family_name}`,
      hasPassword: person.passwordSetAt !== null,
      hasEmail: person.email !== null,
    },
    summaryRows: [
      { key: { text: 'Name' }, value: { text: `${person.given_name} ${person.family_name}` } },
      { key: { text: 'Kind' }, value: { text: kindLabel(person.kind) } },
      { key: { text: 'Council' }, value: { text: person.authority_name } },
      { key: { text: 'Email address' }, value: { text: person.email ?? 'None' } },
      ...(person.job_title
        ? [{ key: { text: 'Job title' }, value: { text: person.job_title } }]
        : []),
      {
        key: { text: 'Roles' },
        value: {
          text:
            person.roles
              .map((r) =>
                r.organisation_name
                  ? `${ROLE_LABELS[r.role as Role] ?? r.role} (${r.organisation_name})`
                  : (ROLE_LABELS[r.role as Role] ?? r.role),
              )
              .join(', ') || 'None',
        },
      },
      { key: { text: 'Account' }, value: { text: accountText } },
    ],
  };
}

const longDate = (date: string) => formatDate(new Date(`${date}T00:00:00Z`));

/** The person page's memberships table and Independent Person appointments. */
export function historyView(
  personId: number,
  kind: string,
  memberships: MembershipRow[],
  appointments: Awaited<ReturnType<typeof listAppointments>>,
) {
  const inGroup = memberships.some((m) => m.current && m.classification === 'political-group');
  return {
    membershipRows: membershipRows(personId, memberships),
    canMoveGroup: inGroup,
    isIndependentPerson: kind === 'independent-person',
    appointmentRows: appointments.map((a) => [
      { text: a.authority_name },
      { text: longDate(a.start_date) },
      { text: longDate(a.end_date) },
      {
        text:
          a.no_connection_declared && a.declared_on
            ? `Declared ${longDate(a.declared_on)}`
            : 'Not declared',
      },
    ]),
  };
}

/** Select items for the council, ward, group and committee filters. */
export function filterChoicesView(
  choices: Awaited<ReturnType<typeof listFilterChoices>>,
  filter: PeopleFilter,
) {
  const option = (id: number, text: string, selected: number | undefined) => ({
    value: String(id),
    text,
    selected: selected === id,
  });
  return {
    authorityItems: [
      { value: '', text: 'Any council' },
      ...choices.authorities.map((a) => option(a.id, a.name, filter.authority)),
    ],
    filterCouncilName: choices.authorities.find((a) => a.id === choices.chosen)?.name ?? '',
    wardItems: [
      { value: '', text: 'Any ward' },
      ...choices.wards.map((w) => option(w.id, w.name, filter.ward)),
    ],
    groupItems: [
      { value: '', text: 'Any group' },
      ...choices.organisations
        .filter((o) => o.classification === 'political-group')
        .map((o) => option(o.id, o.name, filter.group)),
    ],
    committeeItems: [
      { value: '', text: 'Any committee or body' },
      ...choices.organisations
        .filter((o) => o.classification !== 'political-group')
        .map((o) => option(o.id, o.name, filter.committee)),
    ],
  };
}
