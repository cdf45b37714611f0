import type { MembershipRecord } from './rules.js';
import type { CouncillorProfile } from './service.js';
import {
  ROLE_LABELS,
  breadcrumbs,
  committeeRoleText,
  fullName,
  link,
  paths,
  showDate,
} from './labels.js';

/** The view-model of a councillor's (or co-opted member's) public profile. */

const isCommittee = (m: MembershipRecord) =>
  m.organisation.classification === 'committee' ||
  m.organisation.classification === 'sub-committee';

/** "Whip of Civic Renewal Group", "Chair of Planning Committee": one membership in a few words. */
function describeMembership(m: MembershipRecord, coOpted: boolean): string {
  const organisation = m.organisation.name;
  switch (m.organisation.classification) {
    case 'council':
      return m.role === 'member'
        ? `Councillor on ${organisation}${m.ward ? ` for ${m.ward} ward` : ''}`
        : `${ROLE_LABELS[m.role]} of ${organisation}`;
    case 'political-group':
      return m.role === 'member'
        ? `Member of ${organisation}`
        : `${ROLE_LABELS[m.role]} of ${organisation}`;
    default:
      return `${committeeRoleText({ ...m, coOpted })} of ${organisation}`;
  }
}

function groupText(m: MembershipRecord): string {
  if (m.role === 'leader') return `Member of ${m.organisation.name}, and its group leader`;
  if (m.role === 'whip') return `Member of ${m.organisation.name}, and its group whip`;
  return `Member of ${m.organisation.name}`;
}

function seatText(m: MembershipRecord): string {
  const role = m.role === 'member' ? 'Member' : ROLE_LABELS[m.role];
  return `${role} of ${m.organisation.name} since ${showDate(m.startDate)}`;
}

function wardText(m: MembershipRecord & { ward: string }): string {
  const term = m.termEndsOn ? `; current term ends on ${showDate(m.termEndsOn)}` : '';
  return `Representative for ${m.ward} ward${term}`;
}

const row = (key: string, value: { text: string } | { html: string }) => ({
  key: { text: key },
  value,
});

export function profileView(profile: CouncillorProfile) {
  const { authority } = profile;
  const name = fullName(profile);
  const coOpted = profile.kind === 'co-opted-member';
  const current = profile.memberships.filter((m) => m.status === 'current');
  const past = profile.memberships.filter((m) => m.status === 'past');
  const seats = current.filter((m) => m.organisation.classification === 'council');
  const groups = current.filter((m) => m.organisation.classification === 'political-group');
  const committees = current.filter(isCommittee);
  const outsideBodies = current.filter((m) => m.organisation.classification === 'outside-body');

  const summaryRows = [
    ...seats.map((m) => row('Council', { text: seatText(m) })),
    ...seats.flatMap((m) =>
      m.ward ? [row('Ward', { text: wardText({ ...m, ward: m.ward }) })] : [],
    ),
    ...groups.map((m) => row('Political group', { text: groupText(m) })),
    ...(outsideBodies.length
      ? [row('Outside bodies', { text: outsideBodies.map((m) => m.organisation.name).join(', ') })]
      : []),
    ...(profile.publishedEmail
      ? [
          row('Email', {
            html: link(`mailto:${profile.publishedEmail}`, profile.publishedEmail),
          }),
        ]
      : []),
  ];

  const standingText = {
    councillor: `Councillor, ${authority.name}`,
    'former-councillor': `Former councillor, ${authority.name}`,
    'co-opted-member': `Co-opted member, ${authority.name}`,
    none: authority.name,
  }[profile.standing];

  return {
    pageTitle: `${name}: ${standingText}`,
    name,
    caption: standingText,
    // A co-opted member is found through their committee, not the list of councillors.
    breadcrumbs: breadcrumbs(
      profile.standing === 'co-opted-member'
        ? { text: `Committees of ${authority.name}`, href: paths.committees(authority.slug) }
        : { text: `Councillors of ${authority.name}`, href: paths.councillors(authority.slug) },
    ),
    formerNotice:
      profile.standing === 'former-councillor' && profile.councillorUntil
        ? `${name} was a councillor on ${authority.name} until ${showDate(profile.councillorUntil)}. Their past roles are listed on this page.`
        : null,
    summaryRows,
    showCommittees: profile.standing !== 'former-councillor' || committees.length > 0,
    committeeCaption: `Committees ${name} sits on`,
    committeeRows: committees.map((m) => [
      {
        html: link(paths.committee(authority.slug, m.organisation.id), m.organisation.name),
      },
      { text: committeeRoleText({ ...m, coOpted }) },
      { text: showDate(m.startDate) },
    ]),
    pastCaption: `Roles ${name} has held before`,
    pastRows: past.map((m) => [
      { text: describeMembership(m, coOpted) },
      { text: showDate(m.startDate) },
      { text: m.endDate ? showDate(m.endDate) : '' },
    ]),
  };
}
