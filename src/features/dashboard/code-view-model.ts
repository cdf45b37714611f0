import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import type {
  AuthoritySignOffCount,
  GroupSignOffCount,
  OwnSignOff,
  VersionInForce,
} from '../code-sign-off/index.js';

/** What the dashboard shows about the code of conduct: signing it, chasing it, reviewing it. */

export type OwnCode = { version: VersionInForce; signOff: OwnSignOff | null };

const readable = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));
const whose = (v: { authorityName: string; number: number }) =>
  `${v.authorityName}’s code of conduct (version ${v.number})`;

/** The banner at the top of the dashboard while a code in force is still to be signed. */
export function signOffBanner(codes: OwnCode[]): { html: string } | null {
  const outstanding = codes.filter((c) => !c.signOff);
  if (outstanding.length === 0) return null;
  const lines = outstanding.map(
    ({ version }) =>
      `<p class="govuk-body">You have not signed ${escapeHtml(whose(version))}, in force since ${readable(version.inForceFrom)}.</p>`,
  );
  return {
    html: [
      '<h3 class="govuk-notification-banner__heading">Sign the code of conduct</h3>',
      ...lines,
      '<p class="govuk-body"><a class="govuk-notification-banner__link" href="/my/code">Read and sign the code of conduct</a></p>',
    ].join(''),
  };
}

/** One line per code the person must sign: signed (which version, when, how) or not yet. */
export function ownCodeLines(codes: OwnCode[]): string[] {
  return codes.map(({ version, signOff }) =>
    signOff
      ? `You signed ${whose(version)} on ${readable(signOff.signedOn)}${signOff.method === 'paper' ? ', on paper' : ''}.`
      : `You have not signed ${whose(version)} yet.`,
  );
}

/** A whip's line for each of their groups whose council has a code in force. */
export function groupSignOffLines(counts: GroupSignOffCount[]) {
  return {
    lines: counts.map((c) => {
      const left = c.mustSign - c.signed;
      return left === 0
        ? `All ${c.mustSign} members of ${c.groupName} who must sign the code of conduct in force have signed it.`
        : `${left} of the ${c.mustSign} members of ${c.groupName} who must sign the code of conduct in force ${left === 1 ? 'has' : 'have'} not signed it.`;
    }),
    links: counts.map((c) => ({
      href: `/sign-offs?group=${c.groupId}`,
      text: `Code of conduct sign-offs in ${c.groupName}`,
    })),
  };
}

/** How many councils' rows the administrators' table shows; the rest are on /sign-offs. */
export const COUNCILS_SHOWN = 10;

/** The administrators' table: each council's code in force, how many have signed, who has not. */
export function councilSignOffTable(counts: AuthoritySignOffCount[]) {
  if (counts.length === 0) return null;
  const shown = counts.slice(0, COUNCILS_SHOWN);
  const hidden = counts.length - shown.length;
  return {
    caption: 'Sign-offs of the code of conduct in force',
    head: [
      { text: 'Council' },
      { text: 'Code in force' },
      { text: 'Signed', format: 'numeric' },
      { text: 'Not signed', format: 'numeric' },
    ],
    rows: shown.map((c) => {
      const left = c.mustSign - c.signed;
      return [
        { text: c.authorityName },
        { text: `Version ${c.versionNumber}, since ${readable(c.inForceFrom)}` },
        { text: `${c.signed} of ${c.mustSign}`, format: 'numeric' },
        {
          html: `<a class="govuk-link" href="/sign-offs?authority=${escapeHtml(c.authoritySlug)}">${left}<span class="govuk-visually-hidden"> not signed at ${escapeHtml(c.authorityName)}</span></a>`,
          format: 'numeric',
        },
      ];
    }),
    note:
      hidden > 0
        ? `${hidden} more ${hidden === 1 ? 'council has' : 'councils have'} a code in force: choose ${hidden === 1 ? 'it' : 'them'} on the sign-offs page.`
        : undefined,
  };
}

/** The shape of codesDueForReview's rows (code-admin) that the warning needs. */
export interface ReviewDue {
  authoritySlug: string;
  authorityName: string;
  versionNumber: number;
  inForceFrom: string;
  lastReviewedOn: string | null;
  dueOn: string;
}

/** How many councils' review warnings are shown one by one; the rest are counted in one. */
export const REVIEWS_SHOWN = 5;

/**
 * A warning for each code in force for 11 months or more since it came in or was last
 * reviewed (the first few, earliest due first), and one counting the rest.
 */
export function reviewWarnings(due: ReviewDue[]): { html: string }[] {
  const rest = due.length - REVIEWS_SHOWN;
  const more =
    rest > 0
      ? [
          {
            html: `${rest} more ${rest === 1 ? 'council’s code is' : 'councils’ codes are'} due for the annual review. <a class="govuk-link" href="/admin/code">See every council’s code of conduct</a>`,
          },
        ]
      : [];
  return [...due.slice(0, REVIEWS_SHOWN).map(reviewWarning), ...more];
}

function reviewWarning(d: ReviewDue): { html: string } {
  const since = d.lastReviewedOn
    ? `last reviewed on ${readable(d.lastReviewedOn)}`
    : `in force since ${readable(d.inForceFrom)} and not reviewed since`;
  const code = whose({ authorityName: d.authorityName, number: d.versionNumber });
  return {
    html: `${escapeHtml(code)} is due for its annual review: it was ${since}. <a class="govuk-link" href="/admin/code/${escapeHtml(d.authoritySlug)}">Record the review of ${escapeHtml(d.authorityName)}’s code</a>`,
  };
}
