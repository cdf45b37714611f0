import type {
  CouncilSummary,
  CouncilWithFilters,
  CouncillorFilters,
  CurrentCouncillor,
} from './repository.js';
import type { Option } from './sql.js';
import { ROLE_LABELS, breadcrumbs, fullName, link, paths } from './labels.js';
/** A cell as govukTable takes it. */
type TableCell = { text?: string; html?: string; format?: 'numeric' };

/** View-models for the list of councils and the list of one council's councillors. */

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const KIND_LABELS = {
  principal: 'Principal council',
  parish: 'Parish council',
  town: 'Town council',
};

export function councilsView(councils: CouncilSummary[]) {
  const principals = councils.filter((c) => c.kind === 'principal');
  return {
    pageTitle: 'Councils and councillors',
    breadcrumbs: { items: [{ text: 'Home', href: '/' }] },
    principals: principals.map((principal) => {
      const locals = councils.filter((c) => c.parent?.slug === principal.slug);
      return {
        name: principal.name,
        slug: principal.slug,
        councillorsHref: paths.councillors(principal.slug),
        councillorsText: `${principal.name} councillors`,
        councillorCount: plural(principal.councillorCount, 'councillor', 'councillors'),
        committeesHref: principal.hasCommittees ? paths.committees(principal.slug) : null,
        committeesText: `${principal.name} committees`,
        localTable:
          locals.length > 0
            ? {
                caption: `Parish and town councils in the area of ${principal.name}`,
                captionClasses: 'govuk-table__caption--s',
                head: [
                  { text: 'Council' },
                  { text: 'Type' },
                  { text: 'Councillors', format: 'numeric' },
                ],
                rows: locals.map((local) => [
                  { html: link(paths.councillors(local.slug), local.name) },
                  { text: KIND_LABELS[local.kind] },
                  { text: String(local.councillorCount), format: 'numeric' },
                ]),
              }
            : null,
      };
    }),
  };
}

/** Drop a filter whose value is not one of this council's groups or wards. */
export function knownFilters(
  authority: CouncilWithFilters,
  query: { group?: number | undefined; ward?: number | undefined },
): CouncillorFilters {
  return {
    groupId: authority.groups.some((g) => g.id === query.group) ? query.group : undefined,
    wardId: authority.wards.some((w) => w.id === query.ward) ? query.ward : undefined,
  };
}

function selectItems(all: string, options: Option[], chosen: number | undefined) {
  return [
    { value: '', text: all },
    ...options.map((o) => ({ value: String(o.id), text: o.name, selected: o.id === chosen })),
  ];
}

export function councillorsView(
  authority: CouncilWithFilters,
  filters: CouncillorFilters,
  councillors: CurrentCouncillor[],
) {
  const ward = authority.wards.find((w) => w.id === filters.wardId);
  const group = authority.groups.find((g) => g.id === filters.groupId);
  const narrowedTo = [ward ? `${ward.name} ward` : null, group?.name ?? null].filter(
    (s): s is string => s !== null,
  );
  const within = narrowedTo.length > 0 ? ` in ${narrowedTo.join(' and ')}` : '';
  const showWard = authority.wards.length > 0;
  const showGroup = authority.groups.length > 0;
  // Parish councils record who chairs them on the seat itself.
  const showRole = councillors.some((c) => c.role !== 'member');
  const count = plural(councillors.length, 'councillor', 'councillors');
  const head = [
    { text: 'Name' },
    ...(showRole ? [{ text: 'Role' }] : []),
    ...(showWard ? [{ text: 'Ward' }] : []),
    ...(showGroup ? [{ text: 'Political group' }] : []),
  ];
  const rows = councillors.map((c): TableCell[] => [
    { html: link(paths.councillor(authority.slug, c.personId), fullName(c)) },
    ...(showRole ? [{ text: ROLE_LABELS[c.role] }] : []),
    ...(showWard ? [{ text: c.ward?.name ?? 'No ward' }] : []),
    ...(showGroup
      ? [
          {
            text: c.group
              ? c.group.role === 'member'
                ? c.group.name
                : `${c.group.name} (${ROLE_LABELS[c.group.role].toLowerCase()})`
              : 'Not in a group',
          },
        ]
      : []),
  ]);
  return {
    pageTitle: `Councillors of ${authority.name}${within}`,
    authority,
    breadcrumbs: breadcrumbs(),
    committeesHref: authority.hasCommittees ? paths.committees(authority.slug) : null,
    parentHref: authority.parent ? paths.councillors(authority.parent.slug) : null,
    action: paths.councillors(authority.slug),
    filtered: narrowedTo.length > 0,
    groupItems: showGroup ? selectItems('All groups', authority.groups, filters.groupId) : null,
    wardItems: showWard ? selectItems('All wards', authority.wards, filters.wardId) : null,
    count: `${count}${within}`,
    table:
      rows.length > 0
        ? {
            // Three columns of names must fit a phone screen without scrolling sideways.
            classes: 'govuk-table--small-text-until-tablet',
            caption: `${count}${within}`,
            captionClasses: 'govuk-table__caption--m',
            head,
            rows,
          }
        : null,
  };
}
