import { escapeHtml } from '../../platform/html.js';
import type { SignOffPage, SignOffRow } from './list-repository.js';
import type { ListScope } from './scope.js';
import { readableDate } from './view-model.js';

export const PAGE_SIZE = 100;

const HOW = { online: 'Online', paper: 'On paper' } as const;

const fullName = (r: { givenName: string; familyName: string }) => `${r.givenName} ${r.familyName}`;

/** The query string of a list with these filters (the same for the page and the CSV). */
export function listParams(scope: ListScope, page?: number): string {
  const params = new URLSearchParams({ authority: scope.authority.slug });
  if (scope.group) params.set('group', String(scope.group.id));
  if (page !== undefined && page > 1) params.set('page', String(page));
  return params.toString();
}

/** Page links: the first, the last, and those either side of the current one. */
export function paginationView(scope: ListScope, page: number, pages: number) {
  if (pages <= 1) return null;
  const href = (n: number) => `/sign-offs?${listParams(scope, n)}`;
  const items: Record<string, unknown>[] = [];
  let previousShown = 0;
  for (let n = 1; n <= pages; n += 1) {
    if (n !== 1 && n !== pages && Math.abs(n - page) > 1) continue;
    if (n - previousShown > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: href(n), current: n === page });
    previousShown = n;
  }
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}

function statusTag(row: SignOffRow): string {
  return row.signedOn
    ? '<strong class="govuk-tag govuk-tag--green">Signed</strong>'
    : '<strong class="govuk-tag govuk-tag--yellow">Not signed</strong>';
}

function tableRows(rows: SignOffRow[], paperHref: ((row: SignOffRow) => string) | null) {
  return rows.map((row) => [
    { text: fullName(row) },
    { text: row.place ?? (row.kind === 'member' ? 'Whole council' : 'Not recorded') },
    { text: row.groupName ?? 'None' },
    { html: statusTag(row) },
    { text: row.signedOn ? readableDate(row.signedOn) : '' },
    { text: row.method ? HOW[row.method] : '' },
    ...(paperHref
      ? [
          {
            html: row.signedOn
              ? ''
              : `<a class="govuk-link" href="${escapeHtml(paperHref(row))}">Record paper sign-off<span class="govuk-visually-hidden"> for ${escapeHtml(fullName(row))}</span></a>`,
          },
        ]
      : []),
  ]);
}

/** The sign-offs page: filters, counts, the table and its pages. */
export function signOffListView(
  scope: ListScope,
  result: SignOffPage | null,
  page: number,
  administrator: boolean,
) {
  const version = scope.version;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const canRecordPaper = administrator && version !== null;
  return {
    authorityName: scope.authority.name,
    whip: scope.whip,
    authorityItems: scope.authorities.map((a) => ({
      value: a.slug,
      text: a.name,
      selected: a.id === scope.authority.id,
    })),
    groupItems: [
      ...(scope.whip && scope.groups.length === 1
        ? []
        : [{ value: '', text: scope.whip ? 'All your groups' : 'All groups' }]),
      ...scope.groups.map((g) => ({
        value: String(g.id),
        text: g.name,
        selected: scope.group?.id === g.id,
      })),
    ],
    version: version
      ? {
          title: version.title,
          number: version.number,
          href: `/code/${version.authoritySlug}/${version.number}`,
          inForceFrom: readableDate(version.inForceFrom),
        }
      : null,
    adminCodeHref: `/admin/code/${scope.authority.slug}`,
    administrator,
    counts: result
      ? {
          total: result.total,
          signed: result.signed,
          outstanding: result.total - result.signed,
        }
      : null,
    whose: scope.group ? scope.group.name : scope.whip ? 'your group' : scope.authority.name,
    head: [
      { text: 'Name' },
      { text: 'Ward or committee' },
      { text: 'Political group' },
      { text: 'Status' },
      { text: 'Signed on' },
      { text: 'How' },
      ...(canRecordPaper ? [{ html: '<span class="govuk-visually-hidden">Action</span>' }] : []),
    ],
    rows: result
      ? tableRows(
          result.rows,
          canRecordPaper
            ? (row) => `/sign-offs/paper?version=${version.id}&person=${row.personId}`
            : null,
        )
      : [],
    pageLabel: `Page ${page} of ${pages}`,
    pagination: paginationView(scope, page, pages),
    exportHref: `/sign-offs/export.csv?${listParams(scope)}`,
    paperHref: canRecordPaper ? `/sign-offs/paper?version=${version.id}` : null,
  };
}
