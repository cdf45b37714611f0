import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import { membersListPath } from './organisation-service.js';
import type { OrganisationRow, WardRow } from './repository.js';
import { CLASSIFICATIONS, committeeTypeLabel, type Classification } from './schemas.js';

type Cell = { text: string; format?: string } | { html: string; format?: string };

const longDate = (date: string | null) =>
  date ? formatDate(new Date(`${date}T12:00:00Z`)) : 'Not recorded';

const hidden = (text: string) => `<span class="govuk-visually-hidden"> ${escapeHtml(text)}</span>`;

export const paths = {
  list: (authorityId: number) => `/admin/organisations?authority=${authorityId}`,
  newOrganisation: (authorityId: number) => `/admin/organisations/new?authority=${authorityId}`,
  editOrganisation: (id: number) => `/admin/organisations/${id}/edit`,
  dissolveOrganisation: (id: number) => `/admin/organisations/${id}/dissolve`,
  newWard: (authorityId: number) => `/admin/wards/new?authority=${authorityId}`,
  editWard: (id: number) => `/admin/wards/${id}/edit`,
};

function membersCell(o: OrganisationRow): { html: string; format: string } {
  const label = `current ${o.currentMembers === 1 ? 'member' : 'members'} of ${o.name}`;
  return {
    html: `<a class="govuk-link" href="${membersListPath(o)}">${o.currentMembers}${hidden(label)}</a>`,
    format: 'numeric',
  };
}

function actionsCell(o: OrganisationRow): Cell {
  const edit = `<a class="govuk-link govuk-!-margin-right-3" href="${paths.editOrganisation(o.id)}">Edit${hidden(o.name)}</a>`;
  const dissolve =
    o.classification === 'council'
      ? ''
      : `<a class="govuk-link" href="${paths.dissolveOrganisation(o.id)}">Dissolve${hidden(o.name)}</a>`;
  return { html: edit + dissolve };
}

const nameCell = (o: OrganisationRow, parentName?: string): Cell =>
  parentName
    ? {
        html: `${escapeHtml(o.name)} <span class="govuk-!-display-block govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">Sub-committee of ${escapeHtml(parentName)}</span>`,
      }
    : { text: o.name };

const committeeRow = (o: OrganisationRow, parentName?: string): Cell[] => [
  nameCell(o, parentName),
  { text: committeeTypeLabel(o.committeeType) },
  { text: o.trainingRequired ? 'Yes' : 'No' },
  membersCell(o),
  actionsCell(o),
];

/**
 * Committees with each one's sub-committees straight after it. A sub-committee whose parent
 * is not listed (dissolved, or from old data) comes at the end, still named as one.
 */
function committeeRows(live: OrganisationRow[]): Cell[][] {
  const committees = live.filter((o) => o.classification === 'committee');
  const subs = live.filter((o) => o.classification === 'sub-committee');
  const rows: Cell[][] = [];
  for (const committee of committees) {
    rows.push(committeeRow(committee));
    for (const sub of subs.filter((s) => s.parentId === committee.id))
      rows.push(committeeRow(sub, committee.name));
  }
  const placed = new Set(committees.map((c) => c.id));
  for (const orphan of subs.filter((s) => s.parentId === null || !placed.has(s.parentId)))
    rows.push(committeeRow(orphan, 'a committee no longer listed'));
  return rows;
}

const bodyRows = (list: OrganisationRow[]): Cell[][] =>
  list.map((o) => [
    { text: o.name },
    { text: longDate(o.foundedOn) },
    membersCell(o),
    actionsCell(o),
  ]);

export function organisationsListView(
  authority: { id: number; name: string },
  authorities: { id: number; name: string }[],
  organisations: OrganisationRow[],
  wards: WardRow[],
) {
  const live = organisations.filter((o) => o.dissolvedOn === null);
  const dissolved = organisations
    .filter((o) => o.dissolvedOn !== null)
    .sort((a, b) => (b.dissolvedOn ?? '').localeCompare(a.dissolvedOn ?? ''));
  const council = live.find((o) => o.classification === 'council') ?? null;
  const of = (classification: Classification) =>
    live.filter((o) => o.classification === classification);
  return {
    authority,
    authorityItems: authorities.map((a) => ({
      value: String(a.id),
      text: a.name,
      selected: a.id === authority.id,
    })),
    council: council
      ? {
          name: council.name,
          membersHtml: membersCell(council).html,
          editHref: paths.editOrganisation(council.id),
        }
      : null,
    groupRows: bodyRows(of('political-group')),
    committeeRows: committeeRows(live),
    outsideBodyRows: bodyRows(of('outside-body')),
    dissolvedRows: dissolved.map((o) => [
      { text: o.name },
      { text: CLASSIFICATIONS[o.classification as Classification] ?? o.classification },
      { text: longDate(o.foundedOn) },
      { text: longDate(o.dissolvedOn) },
    ]),
    wardRows: wards.map((w) => [
      { text: w.name },
      { text: w.gssCode ?? 'None' },
      { text: String(w.seats), format: 'numeric' },
      { text: String(w.vacant), format: 'numeric' },
      {
        html: `<a class="govuk-link" href="${paths.editWard(w.id)}">Edit${hidden(w.name)}</a>`,
      },
    ]),
    seatTotals: {
      seats: wards.reduce((sum, w) => sum + w.seats, 0),
      vacant: wards.reduce((sum, w) => sum + w.vacant, 0),
    },
    newOrganisationHref: paths.newOrganisation(authority.id),
    newWardHref: paths.newWard(authority.id),
  };
}
