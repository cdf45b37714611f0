import type { AppendixRow } from './appendix-repository.js';
import type { ChecklistLine } from './implications-service.js';
import type { HouseStyleWord, ImplicationType } from './repository.js';

export const paths = {
  types: (authorityId: number) => `/admin/implication-types?authority=${authorityId}`,
  type: (typeId: number) => `/admin/implication-types/${typeId}`,
  houseStyle: (authorityId: number) => `/admin/house-style?authority=${authorityId}`,
  houseStyleWord: (wordId: number) => `/admin/house-style/${wordId}`,
  report: (reportId: number) => `/admin/reports/${reportId}`,
  implications: (reportId: number) => `/admin/reports/${reportId}/implications`,
  appendices: (reportId: number) => `/admin/reports/${reportId}/appendices`,
  appendix: (reportId: number, appendixId: number) =>
    `/admin/reports/${reportId}/appendices/${appendixId}`,
  appendixFile: (reportId: number, appendixId: number) =>
    `/admin/reports/${reportId}/appendices/${appendixId}/file`,
};

/** "22 November 2026" from a YYYY-MM-DD date. */
export function showDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const authorityItems = (authorities: { id: number; name: string }[], selected: number) =>
  authorities.map((a) => ({ value: String(a.id), text: a.name, selected: a.id === selected }));

export function typeRows(types: ImplicationType[]) {
  const active = types.filter((t) => t.retired_on === null);
  return types.map((t) => {
    const index = active.findIndex((a) => a.id === t.id);
    return {
      id: t.id,
      label: t.label,
      key: t.key,
      position: index >= 0 ? String(index + 1) : '–',
      needsClearance: t.needs_clearance ? 'Yes' : 'No',
      retired: t.retired_on !== null,
      status: t.retired_on ? `Retired on ${showDate(t.retired_on)}` : 'In use',
      canMoveUp: index > 0,
      canMoveDown: index >= 0 && index < active.length - 1,
      href: paths.type(t.id),
    };
  });
}

export const needsClearanceItems = (value: unknown) => [
  { value: 'yes', text: 'Yes, a named officer must clear it', checked: value === 'yes' },
  { value: 'no', text: 'No', checked: value === 'no' },
];

/** Each checklist line as the implications form shows it. */
export function checklistFields(lines: ChecklistLine[], values: Record<string, unknown> | null) {
  return lines.map(({ type, answer, statement }) => {
    const answerName = `answer-${type.id}`;
    const statementName = `statement-${type.id}`;
    const typedAnswer = values ? values[answerName] : answer;
    const typedStatement = values ? values[statementName] : statement;
    return {
      id: type.id,
      key: type.key,
      label: type.label,
      needsClearance: type.needs_clearance,
      retired: type.retired_on !== null,
      answerName,
      statementName,
      answerItems: [
        { value: 'yes', text: 'Yes', checked: typedAnswer === 'yes' },
        { value: 'no', text: 'No', checked: typedAnswer === 'no' },
      ],
      statement: typeof typedStatement === 'string' ? typedStatement : '',
      answerText: answer === 'yes' ? 'Yes' : answer === 'no' ? 'No' : 'Not answered',
    };
  });
}

export const houseStyleRows = (words: HouseStyleWord[]) =>
  words.map((w) => ({
    id: w.id,
    pattern: w.pattern,
    advice: w.advice,
    href: paths.houseStyleWord(w.id),
  }));

interface VersionRef {
  id: number;
  number: number;
  title: string;
  status: string;
}

const PUBLISHED = new Set(['adopted', 'in-force', 'superseded']);

export const versionText = (v: VersionRef) =>
  `Version ${v.number}: ${v.title} (${v.status.replace(/-/g, ' ')})`;

export const versionItems = (versions: VersionRef[], selected: unknown, prompt: string) => [
  { value: '', text: prompt },
  ...versions.map((v) => ({
    value: String(v.id),
    text: versionText(v),
    selected: String(v.id) === selected,
  })),
];

const PROGRAMME_STATUS: Record<string, string> = {
  draft: 'draft',
  approved: 'approved',
  running: 'running',
  closed: 'closed',
};

/** The programme select: '2027/28 programme (1 April 2027 to 31 March 2028, draft)'. */
export const programmeItems = (
  programmes: { id: number; title: string; starts_on: string; ends_on: string; status: string }[],
  selected: unknown,
) => [
  { value: '', text: 'Select a programme' },
  ...programmes.map((p) => ({
    value: String(p.id),
    text: `${p.title} (${showDate(p.starts_on)} to ${showDate(p.ends_on)}, ${PROGRAMME_STATUS[p.status] ?? p.status})`,
    selected: String(p.id) === String(selected ?? ''),
  })),
];

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where an appendix leads and how it is described. */
export function appendixRows(reportId: number, slug: string, appendices: AppendixRow[]) {
  return appendices.map((a, index) => {
    const letter = index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
    let href: string;
    let describe: string;
    if (a.kind === 'code-version' && a.code_version_id !== null) {
      const published = PUBLISHED.has(a.versionStatus ?? '');
      href = published
        ? `/code/${slug}/${a.versionNumber}`
        : `/admin/code/versions/${a.code_version_id}`;
      describe = `Code of conduct, version ${a.versionNumber}${published ? '' : ' (not published)'}`;
    } else if (a.kind === 'code-comparison' && a.code_version_id !== null) {
      const published =
        PUBLISHED.has(a.versionStatus ?? '') && PUBLISHED.has(a.compareStatus ?? '');
      href = published
        ? `/code/${slug}/compare?from=${a.versionNumber}&to=${a.compareNumber}`
        : `/admin/code/versions/${a.code_version_id}/compare?with=${a.compare_version_id}`;
      describe = `Comparison of code versions ${a.versionNumber} and ${a.compareNumber}${published ? '' : ' (not published)'}`;
    } else if (a.kind === 'programme' && a.programme_id !== null) {
      href = `/admin/programmes/${a.programme_id}`;
      describe = `Development programme${a.programmeStatus === 'draft' ? ' (draft)' : ''}, shown in full with the report`;
    } else {
      href = paths.appendixFile(reportId, a.id);
      describe = `${a.mediaType === 'application/pdf' ? 'PDF' : 'Word document'}, ${sizeText(a.sizeBytes ?? 0)}`;
    }
    return {
      id: a.id,
      letter,
      title: a.title,
      href,
      describe,
      isFile: a.kind === 'file',
      canMoveUp: index > 0,
      canMoveDown: index < appendices.length - 1,
      action: paths.appendix(reportId, a.id),
    };
  });
}
