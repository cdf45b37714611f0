import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import type { OwnSignOff, VersionInForce } from './repository.js';
import { CONFIRM_TEXT } from './schemas.js';

/** A calendar date (YYYY-MM-DD) as people read it: 3 May 2026. */
export const readableDate = (iso: string): string => formatDate(new Date(`${iso}T12:00:00Z`));

export const methodText = (method: 'online' | 'paper'): string =>
  method === 'online' ? 'online' : 'on paper';

export const codeHref = (version: { authoritySlug: string; number: number }): string =>
  `/code/${version.authoritySlug}/${version.number}`;

/** How one's own sign-off reads: "You signed it on 3 May 2026, online." */
export function ownStatusText(signOff: OwnSignOff): string {
  return signOff.method === 'online'
    ? `You signed it online on ${readableDate(signOff.signedOn)}.`
    : `You signed it on paper on ${readableDate(signOff.signedOn)}; an officer recorded it for you.`;
}

export interface CodeToSignView {
  versionId: number;
  authorityName: string;
  title: string;
  number: number;
  href: string;
  linkHtml: string;
  inForceFrom: string;
  signed: boolean;
  statusText: string;
  statusHtml: string;
  action: string;
  checkbox: Record<string, unknown>;
}

/** /my/code: each code the person must sign, with their sign-off or the form to sign it. */
export function myCodesView(
  codes: { version: VersionInForce; signOff: OwnSignOff | null }[],
  errors: Record<string, { text: string }> = {},
): { codes: CodeToSignView[]; outstanding: number } {
  return {
    outstanding: codes.filter((c) => !c.signOff).length,
    codes: codes.map(({ version, signOff }) => {
      const field = `confirm-${version.id}`;
      const statusText = signOff ? ownStatusText(signOff) : 'You have not signed it yet.';
      const tag = signOff
        ? '<strong class="govuk-tag govuk-tag--green">Signed</strong>'
        : '<strong class="govuk-tag govuk-tag--yellow">Not signed</strong>';
      return {
        versionId: version.id,
        authorityName: version.authorityName,
        title: version.title,
        number: version.number,
        href: codeHref(version),
        linkHtml: `<a class="govuk-link" href="${codeHref(version)}">${escapeHtml(version.title)} (version ${version.number})</a>`,
        inForceFrom: readableDate(version.inForceFrom),
        signed: signOff !== null,
        statusText,
        statusHtml: `${tag} ${escapeHtml(statusText)}`,
        action: `/my/code/${version.id}/sign`,
        checkbox: {
          idPrefix: field,
          name: 'confirm',
          fieldset: {
            legend: {
              text: `Sign ${version.authorityName}’s code of conduct`,
              classes: 'govuk-fieldset__legend--s',
            },
          },
          ...(errors[field] ? { errorMessage: errors[field] } : {}),
          items: [{ value: 'yes', text: CONFIRM_TEXT }],
        },
      };
    }),
  };
}
