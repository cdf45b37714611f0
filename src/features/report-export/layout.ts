import type { DbOrTrx } from '../../db/database.js';
import { PUBLISHED_STATUSES, codePaths } from '../code-of-conduct/index.js';
import {
  codeAppendixViews,
  loadReportDocument,
  programmeAppendixViews,
  type CodeAppendixView,
  type ProgrammeAppendixView,
  type ReportDocument,
} from '../reports/index.js';
import { categoryText } from './exempt.js';

/**
 * A committee report laid out as the council prints it, in the order of the council's template:
 * the header fields, summary, numbered recommendations, background papers, category, the
 * statutory and council policy checklist (with who cleared each implication), the portfolio
 * member and the other yes/no questions, the numbered body and the appendices. The web page, the
 * print page and the Word document are all made from this one value.
 */
export interface ReportLayout {
  id: number;
  caption: string;
  title: string;
  status: 'draft' | 'published' | 'withdrawn';
  category: 'open' | 'exempt';
  /** Report of, Date, Subject, Author(s) */
  header: LabelledText[];
  summary: string;
  recommendations: { number: number; text: string }[];
  backgroundPapers: string;
  categoryText: string;
  checklist: ChecklistRow[];
  /** Areas affected, portfolio member, reserved for Council, press release */
  afterChecklist: LabelledText[];
  body: BodyItem[];
  appendices: AppendixLink[];
}

export interface LabelledText {
  label: string;
  value: string;
}

export interface ChecklistRow {
  label: string;
  answer: string;
  statement: string;
  clearedBy: string;
}

export interface BodyItem {
  number: string;
  /** a section heading (1.0 INTRODUCTION) or a paragraph */
  kind: 'heading' | 'paragraph';
  depth: number;
  text: string;
  /** the paragraph's lines, for those who keep line breaks */
  lines: string[];
}

export interface AppendixLink {
  letter: string;
  title: string;
  kind: 'code-version' | 'code-comparison' | 'file' | 'programme';
  /** where it can be read, or null when it is not public (or, for a programme, shown in full) */
  href: string | null;
  /** a Member Development Programme, shown in full where the report is */
  programme?: ProgrammeAppendixView;
  /** a code version (or comparison) the public cannot read at /code/..., shown in full */
  code?: CodeAppendixView;
}

export interface Clearance {
  implicationId: number;
  officerName: string;
  decidedAt: Date;
}

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "25 March 2021" from a date (YYYY-MM-DD) or an instant. */
export function showDate(value: string | Date | null): string {
  if (value === null) return '';
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return dateOnly.format(date);
}

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** The latest cleared clearance of each implication of a report, with the officer's name. */
export async function latestClearances(db: DbOrTrx, reportId: number): Promise<Clearance[]> {
  const rows = await db
    .selectFrom('clearances as c')
    .innerJoin('report_implications as ri', 'ri.id', 'c.report_implication_id')
    .innerJoin('people as p', 'p.id', 'c.officer_id')
    .select(['c.report_implication_id', 'c.decided_at', 'p.given_name', 'p.family_name'])
    .where('ri.report_id', '=', reportId)
    .where('c.status', '=', 'cleared')
    .orderBy('c.report_implication_id')
    .orderBy('c.decided_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const seen = new Set<number>();
  const latest: Clearance[] = [];
  for (const row of rows) {
    if (seen.has(row.report_implication_id) || row.decided_at === null) continue;
    seen.add(row.report_implication_id);
    latest.push({
      implicationId: row.report_implication_id,
      officerName: `${row.given_name} ${row.family_name}`,
      decidedAt: row.decided_at,
    });
  }
  return latest;
}

/**
 * Where each appendix can be read: published code versions and the report's own files. A
 * programme, and a code version or comparison that has no public page (a draft put to the
 * committee), are shown in full with the report, as they stand when the report is read.
 */
async function appendixLinks(
  db: DbOrTrx,
  doc: ReportDocument,
  fileHref: (appendixId: number) => string | null,
): Promise<AppendixLink[]> {
  const versionIds = doc.appendices.flatMap((a) =>
    [a.code_version_id, a.compare_version_id].filter((id): id is number => id !== null),
  );
  const [programmes, codes] = await Promise.all([
    programmeAppendixViews(db, doc.appendices),
    codeAppendixViews(db, doc.appendices),
  ]);
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .selectFrom('code_versions as v')
          .innerJoin('authorities as a', 'a.id', 'v.authority_id')
          .select(['v.id', 'v.number', 'v.status', 'a.slug'])
          .where('v.id', 'in', versionIds)
          .execute();
  const published = new Map(
    versions
      .filter((v) => (PUBLISHED_STATUSES as readonly string[]).includes(v.status))
      .map((v) => [v.id, v]),
  );
  return doc.appendices.map((a, index) => {
    const letter = String.fromCharCode(65 + (index % 26));
    let href: string | null = null;
    const version = a.code_version_id === null ? undefined : published.get(a.code_version_id);
    if (a.kind === 'code-version' && version) {
      href = codePaths.version(version.slug, version.number);
    } else if (a.kind === 'code-comparison' && version && a.compare_version_id !== null) {
      const other = published.get(a.compare_version_id);
      if (other) href = codePaths.compare(version.slug, version.number, other.number);
    } else if (a.kind === 'file') {
      href = fileHref(a.id);
    }
    const programme = programmes.get(a.id);
    const code = codes.get(a.id);
    return {
      letter,
      title: a.title,
      kind: a.kind,
      href,
      ...(programme ? { programme } : {}),
      ...(code ? { code } : {}),
    };
  });
}

/**
 * The report as the council lays it out, or null when there is no such report. `fileHref` says
 * where an uploaded appendix can be downloaded from (null: not downloadable here).
 */
export async function loadReportLayout(
  db: DbOrTrx,
  reportId: number,
  fileHref: (appendixId: number) => string | null,
): Promise<ReportLayout | null> {
  const doc = await loadReportDocument(db, reportId);
  if (!doc) return null;
  const [clearances, appendices] = await Promise.all([
    latestClearances(db, reportId),
    appendixLinks(db, doc, fileHref),
  ]);
  return reportLayout(doc, clearances, appendices);
}

/** The layout of a loaded report: pure, so it can be tested without a database. */
export function reportLayout(
  doc: ReportDocument,
  clearances: readonly Clearance[],
  appendices: AppendixLink[],
): ReportLayout {
  const { report } = doc;
  const cleared = new Map(clearances.map((c) => [c.implicationId, c]));
  const authors = doc.authors.map((a) => a.name).join(', ');
  const portfolio = doc.portfolioMember
    ? [doc.portfolioMember.name, report.portfolio_title].filter(Boolean).join(', ')
    : (report.portfolio_title ?? '');
  return {
    id: report.id,
    caption: `${doc.committee?.name ?? doc.authority.name} report`,
    title: report.title,
    status: report.status,
    category: report.category,
    header: [
      { label: 'Report of', value: report.report_of },
      { label: 'Date', value: showDate(report.report_date) },
      { label: 'Subject', value: report.title },
      { label: doc.authors.length > 1 ? 'Authors of report' : 'Author of report', value: authors },
    ],
    summary: report.summary,
    recommendations: doc.recommendations.map((r, i) => ({ number: i + 1, text: r.text })),
    backgroundPapers: report.background_papers,
    categoryText: categoryText(report.category, report.exempt_paragraph),
    checklist: doc.implications.map((i) => {
      const clearance = cleared.get(i.id);
      return {
        label: i.label,
        answer: i.answer === 'yes' ? 'Yes' : i.answer === 'no' ? 'No' : 'Not answered',
        statement: i.statement,
        clearedBy: clearance
          ? `${clearance.officerName}, ${showDate(clearance.decidedAt)}`
          : i.needsClearance
            ? 'Not cleared'
            : 'Not needed',
      };
    }),
    afterChecklist: [
      { label: 'Areas affected', value: report.areas_affected || 'None' },
      { label: 'Relevant cabinet portfolio member', value: portfolio || 'None' },
      { label: 'Reserved for approval by full Council', value: yesNo(report.reserved_for_council) },
      { label: 'Press release', value: yesNo(report.press_release) },
    ],
    body: doc.items.map((item) => {
      const text = (item.depth === 0 ? item.heading : item.body) ?? '';
      return {
        number: item.number,
        kind: item.depth === 0 ? 'heading' : 'paragraph',
        depth: item.depth,
        text,
        lines: text.split(/\r?\n/).filter((line) => line.trim() !== ''),
      };
    }),
    appendices,
  };
}
