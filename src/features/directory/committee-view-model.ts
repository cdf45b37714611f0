import { escapeHtml } from '../../platform/html.js';
import type {
  CommitteeDetails,
  CommitteeMember,
  CommitteeSummary,
} from './committee-repository.js';
import type { DirectoryAuthority } from './sql.js';
import { breadcrumbs, committeeRoleText, fullName, link, paths, showDate } from './labels.js';
import { todayInEngland } from './rules.js';

/** View-models for a council's committees and for one committee's members. */

const TRAINING_REQUIRED = 'Members must complete the required training before they sit';
const NO_TRAINING_REQUIRED = 'No training is required before sitting';

export function committeesView(authority: DirectoryAuthority, committees: CommitteeSummary[]) {
  const count = committees.length;
  return {
    pageTitle: `Committees of ${authority.name}`,
    authority,
    breadcrumbs: breadcrumbs(),
    councillorsHref: paths.councillors(authority.slug),
    caption: `${count} ${count === 1 ? 'committee' : 'committees and sub-committees'}`,
    rows: committees.map((c) => [
      {
        html:
          link(paths.committee(authority.slug, c.id), c.name) +
          (c.parentName
            ? `<span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Sub-committee of ${escapeHtml(c.parentName)}</span>`
            : ''),
      },
      { text: String(c.memberCount), format: 'numeric' },
      { text: c.trainingRequired ? 'Required' : 'Not required' },
    ]),
  };
}

export function committeeView(committee: CommitteeDetails, members: CommitteeMember[]) {
  const { authority } = committee;
  const slug = authority.slug;
  const summaryRows = [
    {
      key: { text: 'Type' },
      value: committee.parent
        ? {
            html: `Sub-committee of ${link(paths.committee(slug, committee.parent.id), committee.parent.name)}`,
          }
        : { text: committee.classification === 'sub-committee' ? 'Sub-committee' : 'Committee' },
    },
    {
      key: { text: 'Training before sitting' },
      value: { text: committee.trainingRequired ? TRAINING_REQUIRED : NO_TRAINING_REQUIRED },
    },
    ...(committee.subCommittees.length
      ? [
          {
            key: { text: 'Sub-committees' },
            value: {
              html: committee.subCommittees
                .map((s) => link(paths.committee(slug, s.id), s.name))
                .join('<br>'),
            },
          },
        ]
      : []),
  ];
  const count = members.length;
  return {
    pageTitle: `${committee.name}, ${authority.name}`,
    name: committee.name,
    authority,
    breadcrumbs: breadcrumbs({
      text: `Committees of ${authority.name}`,
      href: paths.committees(slug),
    }),
    dissolvedNotice:
      committee.dissolvedOn && committee.dissolvedOn < todayInEngland()
        ? `This committee was dissolved on ${showDate(committee.dissolvedOn)}.`
        : null,
    summaryRows,
    caption: `${count} ${count === 1 ? 'member' : 'members'} at present`,
    rows: members.map((m) => {
      const coOpted = m.kind === 'co-opted-member';
      return [
        { html: link(paths.councillor(slug, m.personId), fullName(m)) },
        { text: committeeRoleText({ ...m, coOpted }) },
        { text: coOpted ? 'Not a councillor' : (m.groupName ?? 'Not in a group') },
      ];
    }),
  };
}
