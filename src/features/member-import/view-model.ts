import { escapeHtml } from '../../platform/html.js';
import { COLUMNS } from './columns.js';
import type { RowOutcome } from './plan.js';
import type { AuthorityState } from './snapshot.js';
import type { ConfirmOutcome, Preview } from './service.js';

/** The error summary lists this many problems; the table below the summary lists them all. */
const SUMMARY_LIMIT = 20;

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const ENCODINGS: Record<string, string> = {
  'UTF-8': 'UTF-8',
  'UTF-8 with BOM': 'UTF-8 (with a byte order mark, as Excel saves "CSV UTF-8")',
  'UTF-16': 'UTF-16 (as Excel saves "Unicode text")',
  'Windows-1252':
    'Windows-1252, because it is not UTF-8 (older versions of Excel save "CSV (Comma delimited)" this way)',
};

export function importPageView(
  authorities: AuthorityState[],
  errors?: { field: 'file' | 'authority'; messages: string[] },
) {
  const message = errors ? { text: errors.messages.join('. ') } : undefined;
  return {
    errorList: errors?.messages.map((text) => ({ text, href: `#${errors.field}` })) ?? [],
    fileError: errors?.field === 'file' ? message : undefined,
    authorityError: errors?.field === 'authority' ? message : undefined,
    authorityItems: [
      { value: '', text: 'Select a council' },
      ...authorities.map((a) => ({ value: a.slug, text: a.name })),
    ],
    columnRows: [
      [
        'Name',
        'The councillor\'s name, or two columns: Given name and Family name. A "Councillor" or "Cllr" in front is left out.',
      ],
      [
        'Email',
        'Required. Each councillor once: this is how a councillor already in Probity is found, unless the file has external IDs.',
      ],
      [
        'Ward',
        'A ward of that council, as Probity names it. Leave it empty only for a council without wards.',
      ],
      [
        'Group',
        'A political group of that council, as Probity names it. Empty means not in a group.',
      ],
      ['Election date', 'When their current term began, like 2024-05-02 or 02/05/2024.'],
      ['Term end', 'When their term ends, in the same way. May be empty.'],
      ['Authority', 'The council: its name or short name.'],
      ['External ID', "Optional: the councillor's id in another system (modern.gov, for example)."],
    ].map(([column, meaning]) => [{ text: column }, { text: meaning }]),
  };
}

function statusTag(status: RowOutcome['status']): string {
  const tags = {
    new: ['New councillor', 'govuk-tag--green'],
    update: ['Will update', 'govuk-tag--blue'],
    unchanged: ['No change', 'govuk-tag--grey'],
    error: ['Not imported', 'govuk-tag--red'],
  } as const;
  const [text, classes] = tags[status];
  return `<strong class="govuk-tag ${classes}">${text}</strong>`;
}

function resultHtml(outcome: RowOutcome, problems: string[]): string {
  const lines = outcome.status === 'error' ? problems : outcome.changes;
  const list = lines.length
    ? `<ul class="govuk-list govuk-!-font-size-16 govuk-!-margin-top-1 govuk-!-margin-bottom-0">${lines
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul>`
    : '';
  return `${statusTag(outcome.status)}${list}`;
}

export function previewView(preview: Preview) {
  const { plan } = preview;
  const problemsByRow = new Map<number, string[]>();
  for (const error of plan.errors) {
    const list = problemsByRow.get(error.rowNumber) ?? [];
    list.push(`${error.column}: ${error.message}`);
    problemsByRow.set(error.rowNumber, list);
  }
  const hasErrors = plan.errors.length > 0;
  const changing = plan.counts.created + plan.counts.updated;
  const errorList = plan.errors.slice(0, SUMMARY_LIMIT).map((e) => ({
    text: `Row ${e.rowNumber}, ${e.column}: ${e.message}`,
    href: `#row-${e.rowNumber}`,
  }));
  if (plan.errors.length > SUMMARY_LIMIT) {
    errorList.push({
      text: `${plural(plan.errors.length - SUMMARY_LIMIT, 'more problem', 'more problems')}: see the list of problems`,
      href: '#problems',
    });
  }
  const authorities = new Set(plan.outcomes.map((o) => o.authority.toLowerCase()));
  const showAuthority = authorities.size > 1;
  return {
    fileName: preview.fileName,
    encoding: ENCODINGS[preview.encoding] ?? preview.encoding,
    ignoredColumns: preview.ignoredColumns,
    errorList,
    hasErrors,
    summary: [
      plural(plan.outcomes.length, 'row', 'rows'),
      plural(plan.counts.created, 'new councillor', 'new councillors'),
      `${plural(plan.counts.updated, 'councillor', 'councillors')} to update`,
      `${plural(plan.counts.unchanged, 'row', 'rows')} with no change`,
      ...(hasErrors ? [plural(plan.errors.length, 'problem', 'problems')] : []),
    ],
    problemRows: plan.errors.map((e) => [
      { html: `<a class="govuk-link" href="#row-${e.rowNumber}">Row ${e.rowNumber}</a>` },
      { text: e.column },
      { text: e.message },
    ]),
    head: [
      { text: 'Row' },
      { text: 'Councillor' },
      ...(showAuthority ? [{ text: 'Council' }] : []),
      { text: COLUMNS.ward.label },
      { text: COLUMNS.group.label },
      { text: 'Result' },
    ],
    rows: plan.outcomes.map((o) => [
      { text: String(o.rowNumber), attributes: { id: `row-${o.rowNumber}` } },
      {
        html: `${escapeHtml(o.name || '(no name)')}<br><span class="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">${escapeHtml(o.email || '(no email)')}</span>`,
      },
      ...(showAuthority ? [{ text: o.authority }] : []),
      { text: o.ward },
      { text: o.group },
      { html: resultHtml(o, problemsByRow.get(o.rowNumber) ?? []) },
    ]),
    confirm:
      preview.importId && !hasErrors && changing > 0
        ? {
            action: `/admin/import/members/${preview.importId}/confirm`,
            text: `Import ${plural(changing, 'row', 'rows')}`,
          }
        : null,
    nothingToDo: !hasErrors && changing === 0,
  };
}

/** The banner after an import: what it did, in counts. */
export function completedBanner(counts: Extract<ConfirmOutcome, { kind: 'done' }>['counts']) {
  if (counts.created + counts.updated === 0) {
    return {
      title: 'Nothing to import',
      text: `Every row already matched Probity, so nothing was changed.`,
    };
  }
  return {
    title: 'Councillors imported',
    text:
      `${plural(counts.created, 'new councillor', 'new councillors')} added, ` +
      `${plural(counts.updated, 'councillor', 'councillors')} updated and ` +
      `${plural(counts.unchanged, 'row', 'rows')} unchanged. ` +
      `${plural(counts.membershipsStarted, 'membership', 'memberships')} started and ` +
      `${plural(counts.membershipsEnded, 'membership', 'memberships')} ended.`,
  };
}
