import { escapeHtml } from '../../platform/html.js';
import type { CodeVersion } from '../code-of-conduct/index.js';
import type { AuthorityRow, CommentRow, ReviewRow, VersionSummary } from './repository.js';
import { statusTagHtml } from './statuses.js';
import { longDate } from './dates.js';
import { paths } from './route-support.js';
import { REVIEW_OUTCOMES } from './schemas.js';

const KIND_LABELS = {
  principal: 'Principal council',
  parish: 'Parish council',
  town: 'Town council',
};

const link = (href: string, text: string) =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

const versionRow = (v: VersionSummary | CodeVersion) => [
  { html: link(paths.version(v.id), `Version ${v.number}`) },
  { text: v.title },
  { html: statusTagHtml(v.status) },
  { text: v.in_force_from ? longDate(v.in_force_from) : '' },
];

/** `/admin/code`: each council, principal first then its parishes, with its versions. */
export function councilsListView(authorities: AuthorityRow[], versions: VersionSummary[]) {
  return {
    councils: authorities.map((a) => ({
      name: a.name,
      kind: KIND_LABELS[a.kind],
      href: paths.authority(a.slug),
      isParish: a.kind !== 'principal',
      rows: versions.filter((v) => v.authority_id === a.id).map(versionRow),
    })),
  };
}

/** `/admin/code/<slug>`: the council's versions; the template adds a copy button to each. */
export function authorityVersions(versions: CodeVersion[]) {
  return versions.map((v) => ({
    id: v.id,
    number: v.number,
    title: v.title,
    href: paths.version(v.id),
    statusHtml: statusTagHtml(v.status),
    inForceFrom: v.in_force_from ? longDate(v.in_force_from) : '',
  }));
}

export function reviewRows(reviews: ReviewRow[]) {
  return reviews.map((r) => [
    { text: longDate(r.reviewed_on) },
    { html: link(paths.version(r.versionId), `Version ${r.versionNumber}`) },
    {
      html:
        r.outcome === 'new-draft' && r.newVersionId
          ? `New draft: ${link(paths.version(r.newVersionId), `version ${r.newVersionNumber}`)}`
          : 'No change',
    },
    { text: r.notes ?? '' },
    { text: r.recordedBy ?? '' },
  ]);
}

export const reviewOutcomeItems = (values: Record<string, unknown>) =>
  Object.entries(REVIEW_OUTCOMES).map(([value, text]) => ({
    value,
    text,
    checked: values.outcome === value,
  }));

/** Pence as a person reads an amount: £10, £12.50. */
export function pounds(pence: number): string {
  const whole = Math.floor(pence / 100);
  const rest = pence % 100;
  return `£${whole.toLocaleString('en-GB')}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** Pence as the settings form shows it: 10, 12.50. */
export const poundsInput = (pence: number): string =>
  pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function settingsRows(v: CodeVersion) {
  return [
    {
      key: { text: 'Gifts and hospitality threshold' },
      value: { text: pounds(v.gifts_threshold_pence) },
    },
    {
      key: { text: 'Days to register a gift or hospitality' },
      value: {
        text: `${v.gifts_registration_days} ${v.gifts_registration_days === 1 ? 'day' : 'days'}`,
      },
    },
    {
      key: { text: 'Refused offers must be registered' },
      value: { text: yesNo(v.register_refused_offers) },
    },
    {
      key: { text: 'Members must take the code training' },
      value: { text: yesNo(v.training_required) },
    },
    {
      key: { text: 'Co-opted members without a vote must sign' },
      value: { text: yesNo(v.non_voting_co_opted_sign) },
    },
  ];
}

export function versionSummaryRows(
  v: CodeVersion,
  extra: {
    basedOn: { id: number; number: number; authorityName: string } | null;
    agreedBy: string | null;
  },
) {
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    {
      key: { text: 'Council' },
      value: { html: link(paths.authority(v.authoritySlug), v.authorityName) },
    },
    { key: { text: 'Status' }, value: { html: statusTagHtml(v.status) } },
  ];
  const add = (key: string, value: string | null | undefined) => {
    if (value) rows.push({ key: { text: key }, value: { text: value } });
  };
  if (extra.basedOn) {
    const of =
      extra.basedOn.authorityName === v.authorityName ? '' : ` of ${extra.basedOn.authorityName}`;
    rows.push({
      key: { text: 'Based on' },
      value: {
        html: link(paths.version(extra.basedOn.id), `Version ${extra.basedOn.number}${of}`),
      },
    });
  }
  add('What changed', v.change_summary);
  if (v.consultation_opened_on)
    add(
      'Consultation',
      `Opened on ${longDate(v.consultation_opened_on)}${v.consultation_closes_on ? `, closes on ${longDate(v.consultation_closes_on)}` : ''}`,
    );
  if (v.agreed_on)
    add(
      'Agreed by committee',
      `${longDate(v.agreed_on)}${extra.agreedBy ? ` by ${extra.agreedBy}` : ''}${v.agreed_minute ? `, minute ${v.agreed_minute}` : ''}`,
    );
  if (v.adopted_on)
    add(
      'Adopted by full Council',
      `${longDate(v.adopted_on)}${v.adopted_minute ? `, minute ${v.adopted_minute}` : ''}`,
    );
  add('In force from', v.in_force_from ? longDate(v.in_force_from) : null);
  add('Superseded on', v.superseded_on ? longDate(v.superseded_on) : null);
  add('Withdrawn on', v.withdrawn_on ? longDate(v.withdrawn_on) : null);
  return rows;
}

export function commentRows(comments: CommentRow[]) {
  return comments.map((c) => [
    { text: longDate(c.received_on) },
    { text: c.organisation ? `${c.consultee} (${c.organisation})` : c.consultee },
    { text: c.comment },
  ]);
}

/** The lifecycle steps open to a version in its status, as links to their forms. */
export function lifecycleActions(v: CodeVersion) {
  const base = paths.version(v.id);
  const actions: { text: string; href: string; classes?: string }[] = [];
  if (v.status === 'draft')
    actions.push({ text: 'Open a consultation', href: `${base}/consultation` });
  if (v.status === 'consultation')
    actions.push({ text: 'Record a consultation comment', href: `${base}/comments` });
  if (v.status === 'draft' || v.status === 'consultation')
    actions.push({ text: 'Record agreement by committee', href: `${base}/agree` });
  if (v.status === 'agreed')
    actions.push({ text: 'Record adoption by full Council', href: `${base}/adopt` });
  if (v.status === 'draft' || v.status === 'consultation' || v.status === 'agreed')
    actions.push({
      text: 'Withdraw this version',
      href: `${base}/withdraw`,
      classes: 'govuk-button--warning',
    });
  return actions.map((a, i) => ({
    ...a,
    classes: a.classes ?? (i === 0 ? '' : 'govuk-button--secondary'),
  }));
}
