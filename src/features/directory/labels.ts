import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import type { MembershipRole } from './rules.js';

/** Words and links the directory's view-models share. */

export const ROLE_LABELS: Record<MembershipRole, string> = {
  member: 'Member',
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  substitute: 'Substitute',
  leader: 'Group leader',
  whip: 'Group whip',
};

export const fullName = (p: { givenName: string; familyName: string }): string =>
  `${p.givenName} ${p.familyName}`;

/** A 'YYYY-MM-DD' date as "2 May 2024". */
export const showDate = (date: string): string => formatDate(new Date(`${date}T12:00:00Z`));

/** "Member (co-opted, voting)": how a committee place reads, with a co-opted member's vote. */
export function committeeRoleText(place: {
  role: MembershipRole;
  voting: boolean;
  coOpted: boolean;
}): string {
  const role = ROLE_LABELS[place.role];
  if (place.coOpted) return `${role} (co-opted, ${place.voting ? 'voting' : 'non-voting'})`;
  return place.voting ? role : `${role} (non-voting)`;
}

/** A link for a macro's `html` param. */
export const link = (href: string, text: string): string =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

export const paths = {
  councils: '/councils',
  councillors: (slug: string) => `/councils/${slug}/councillors`,
  councillor: (slug: string, id: number) => `/councils/${slug}/councillors/${id}`,
  committees: (slug: string) => `/councils/${slug}/committees`,
  committee: (slug: string, id: number) => `/councils/${slug}/committees/${id}`,
};

export function breadcrumbs(...trail: { text: string; href: string }[]) {
  return {
    items: [{ text: 'Home', href: '/' }, { text: 'Councils', href: paths.councils }, ...trail],
  };
}
