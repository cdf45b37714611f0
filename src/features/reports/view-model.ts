import { formatDate, formatDateTime } from '../../platform/views.js';
import type { ReportDocument } from './document.js';
import type { ProgrammeAppendixView } from './programme-appendix-view.js';
import { kindOf } from './body-ops.js';
import type {
  Choice,
  RecommendationRow,
  ReportItemRow,
  ReportListRow,
  ReportRow,
} from './repository.js';
import { EXEMPT_PARAGRAPHS, ITEM_KINDS, REPORT_STATUSES } from './schemas.js';

export const paths = {
  list: '/admin/reports',
  create: '/admin/reports/new',
  report: (id: number) => `/admin/reports/${id}`,
  edit: (id: number) => `/admin/reports/${id}/edit`,
  withdraw: (id: number) => `/admin/reports/${id}/withdraw`,
  recommendations: (id: number) => `/admin/reports/${id}/recommendations`,
  body: (id: number) => `/admin/reports/${id}/body`,
  implications: (id: number) => `/admin/reports/${id}/implications`,
  checklist: (id: number) => `/admin/reports/${id}/checklist`,
  appendices: (id: number) => `/admin/reports/${id}/appendices`,
  readiness: (id: number) => `/admin/reports/${id}/readiness`,
};

/** A stored date ('2026-05-21') as people read it: 21 May 2026. */
export const longDate = (date: string): string => formatDate(new Date(`${date}T12:00:00Z`));

/** A stored date as the values of a GOV.UK date input. */
export function dateParts(date: string | null | undefined): Record<string, string> {
  if (!date) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const STATUS_LABELS: Record<ReportRow['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  withdrawn: 'Withdrawn',
};
const TAG_CLASSES: Record<ReportRow['status'], string> = {
  draft: 'govuk-tag--grey',
  published: 'govuk-tag--green',
  withdrawn: 'govuk-tag--red',
};
export const statusTag = (status: ReportRow['status']) => ({
  text: STATUS_LABELS[status],
  classes: TAG_CLASSES[status],
});
const statusTagHtml = (status: ReportRow['status']) =>
  `<strong class="govuk-tag ${TAG_CLASSES[status]}">${STATUS_LABELS[status]}</strong>`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The list's filter form and its table rows. */
export function listView(
  rows: readonly ReportListRow[],
  committees: readonly Choice[],
  filters: { status?: string | undefined; committee?: number | undefined },
) {
  return {
    statusItems: [
      { value: '', text: 'Any status', selected: !filters.status },
      ...REPORT_STATUSES.map((s) => ({
        value: s,
        text: STATUS_LABELS[s],
        selected: filters.status === s,
      })),
    ],
    committeeItems: [
      { value: '', text: 'Any committee', selected: !filters.committee },
      ...committees.map((c) => ({
        value: String(c.id),
        text: c.name,
        selected: filters.committee === c.id,
      })),
    ],
    rows: rows.map((r) => [
      {
        html: `<a class="govuk-link" href="${paths.report(r.id)}">${escapeHtml(r.title)}</a>`,
      },
      { text: r.committee ?? 'Not chosen' },
      { text: r.reportDate ? longDate(r.reportDate) : 'Not set' },
      { html: statusTagHtml(r.status) },
      { text: formatDateTime(r.updatedAt) },
    ]),
  };
}

const selectItems = (choices: readonly Choice[], selected: unknown, none: string) => [
  { value: '', text: none, selected: selected === undefined || selected === '' },
  ...choices.map((c) => ({
    value: String(c.id),
    text: c.name,
    selected: String(selected) === String(c.id),
  })),
];

const yesNoItems = (value: unknown) => [
  { value: 'yes', text: 'Yes', checked: value === 'yes' },
  { value: 'no', text: 'No', checked: value === 'no' },
];

/** The report form's choices, from the values typed (or stored). */
export function reportFormFields(
  values: Record<string, unknown>,
  committees: readonly Choice[],
  councillors: readonly Choice[],
) {
  return {
    committeeItems: selectItems(committees, values.committeeId, 'Select a committee'),
    councillorItems: selectItems(councillors, values.portfolioMemberId, 'None'),
    categoryChecked: values.category,
    exemptItems: Object.entries(EXEMPT_PARAGRAPHS).map(([value, text]) => ({
      value,
      text: `Paragraph ${value}: ${text}`,
      checked: String(values.exemptParagraph) === value,
    })),
    reservedItems: yesNoItems(values.reservedForCouncil),
    pressItems: yesNoItems(values.pressRelease),
  };
}

/** A stored report as the form's values. */
export function reportFormValues(report: ReportRow, authors: readonly string[]) {
  return {
    title: report.title,
    committeeId: report.committee_id === null ? '' : String(report.committee_id),
    reportOf: report.report_of,
    author1: authors[0] ?? '',
    author2: authors[1] ?? '',
    author3: authors[2] ?? '',
    author4: authors[3] ?? '',
    summary: report.summary,
    backgroundPapers: report.background_papers,
    category: report.category,
    exemptParagraph: report.exempt_paragraph === null ? '' : String(report.exempt_paragraph),
    portfolioMemberId:
      report.portfolio_member_id === null ? '' : String(report.portfolio_member_id),
    portfolioTitle: report.portfolio_title ?? '',
    reservedForCouncil: report.reserved_for_council ? 'yes' : 'no',
    pressRelease: report.press_release ? 'yes' : 'no',
    areasAffected: report.areas_affected,
  };
}

/** A paragraph's text as the paragraphs a person typed. */
const lines = (text: string | null): string[] =>
  (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** How a body item is named to a person: "section 2.0", "paragraph 2.1", "sub-paragraph 3.2.1". */
export const itemLabel = (item: { depth: number; number: string }) =>
  `${item.depth === 0 ? 'section' : item.depth === 1 ? 'paragraph' : 'sub-paragraph'} ${item.number}`;

export function bodyViews(reportId: number, items: readonly ReportItemRow[]) {
  const base = paths.body(reportId);
  return items.map((item, index) => ({
    lineage: item.lineage,
    number: item.number,
    label: itemLabel(item),
    isHeading: item.depth === 0,
    isSubParagraph: item.depth === 2,
    heading: item.heading,
    paragraphs: item.depth === 0 ? [] : lines(item.body),
    editHref: `${base}/${item.lineage}/edit`,
    insertHref: `${base}/new?after=${item.lineage}`,
    removeHref: `${base}/${item.lineage}/remove`,
    moveAction: `${base}/${item.lineage}/move`,
    canMoveUp: index > 0,
    canMoveDown: index < items.length - 1,
  }));
}

export function recommendationViews(
  reportId: number,
  rows: readonly RecommendationRow[],
  versions: ReadonlyMap<number, string>,
  programmes: ReadonlyMap<number, string> = new Map(),
) {
  const base = paths.recommendations(reportId);
  return rows.map((r, index) => ({
    lineage: r.lineage,
    number: index + 1,
    label: `recommendation ${index + 1}`,
    paragraphs: lines(r.text),
    codeVersion:
      r.code_version_id === null
        ? null
        : (versions.get(r.code_version_id) ?? `Code version ${r.code_version_id}`),
    codeVersionHref:
      r.code_version_id === null ? null : `/admin/code/versions/${r.code_version_id}`,
    programme:
      r.programme_id === null
        ? null
        : (programmes.get(r.programme_id) ?? `Development programme ${r.programme_id}`),
    programmeHref: r.programme_id === null ? null : `/admin/programmes/${r.programme_id}`,
    editHref: `${base}/${r.lineage}/edit`,
    removeHref: `${base}/${r.lineage}/remove`,
    moveAction: `${base}/${r.lineage}/move`,
    canMoveUp: index > 0,
    canMoveDown: index < rows.length - 1,
  }));
}

/** The report page's header and checklist, in the order of a council's report template. */
export function reportPageView(
  doc: ReportDocument,
  programmes: ReadonlyMap<number, ProgrammeAppendixView> = new Map(),
) {
  const r = doc.report;
  const text = (value: string, none = 'Not given') => ({ text: value.trim() ? value : none });
  return {
    headerRows: [
      { key: { text: 'Report to' }, value: { text: doc.committee?.name ?? 'Not chosen' } },
      { key: { text: 'Report of' }, value: text(r.report_of) },
      {
        key: { text: 'Date' },
        value: { text: r.report_date ? longDate(r.report_date) : 'Not set' },
      },
      { key: { text: 'Subject' }, value: { text: r.title } },
      {
        key: { text: doc.authors.length > 1 ? 'Authors of the report' : 'Author of the report' },
        value: {
          text: doc.authors.length ? doc.authors.map((a) => a.name).join(' / ') : 'Not given',
        },
      },
    ],
    summaryLines: lines(r.summary),
    backgroundPapers: r.background_papers.trim() ? r.background_papers : 'None',
    category:
      r.category === 'exempt'
        ? `Exempt: paragraph ${r.exempt_paragraph} of Schedule 12A (${(EXEMPT_PARAGRAPHS[r.exempt_paragraph ?? 0] ?? '').toLowerCase()})`
        : 'Open',
    implicationRows: doc.implications.map((i) => [
      { text: i.label },
      { text: i.answer === null ? 'Not answered' : i.answer === 'yes' ? 'Yes' : 'No' },
      { text: i.statement.trim() ? i.statement : '' },
    ]),
    otherRows: [
      { key: { text: 'Areas affected' }, value: text(r.areas_affected, 'None') },
      {
        key: { text: 'Relevant cabinet portfolio member' },
        value: {
          text: doc.portfolioMember
            ? `Councillor ${doc.portfolioMember.name}${r.portfolio_title ? `, ${r.portfolio_title}` : ''}`
            : 'None',
        },
      },
      {
        key: { text: 'Reserved for approval by full Council' },
        value: { text: yesNo(r.reserved_for_council) },
      },
      { key: { text: 'Press release' }, value: { text: yesNo(r.press_release) } },
    ],
    appendixRows: doc.appendices.map((a, index) => ({
      letter: String.fromCharCode(65 + (index % 26)),
      title: a.title,
      programme: programmes.get(a.id) ?? null,
    })),
    status: statusTag(r.status),
    editable: r.status === 'draft',
  };
}

/** The body form's kind radios. */
export const kindItems = (values: Record<string, unknown>) =>
  Object.entries(ITEM_KINDS).map(([value, text]) => ({
    value,
    text,
    checked: values.kind === value,
  }));

/** The kind to suggest after `previous`: what usually comes next. */
export const suggestedKind = (previous: ReportItemRow | undefined) =>
  !previous ? 'section' : previous.depth === 0 ? 'paragraph' : kindOf(previous.depth);

export const itemFormValues = (item: ReportItemRow): Record<string, unknown> => ({
  kind: kindOf(item.depth),
  text: item.depth === 0 ? item.heading : item.body,
});
