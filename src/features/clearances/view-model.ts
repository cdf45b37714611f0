import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import {
  clearanceSnapshot,
  snapshotDigest,
  type ReportDocument,
  type ReportImplication,
} from '../reports/index.js';
import { paths } from './paths.js';
import type { ClearanceRow } from './repository.js';

const STATUTORY_ROLES: Record<string, string> = {
  'monitoring-officer': 'Monitoring Officer',
  'deputy-monitoring-officer': 'Deputy Monitoring Officer',
  'chief-finance-officer': 'Chief Finance Officer (section 151)',
  'head-of-paid-service': 'Head of Paid Service',
};

export interface Officer {
  id: number;
  name: string;
  jobTitle: string | null;
  statutoryRoles: string[];
}

/** "Ann Smith, Director of Finance – Chief Finance Officer (section 151)" */
export function officerLabel(officer: Officer): string {
  const roles = officer.statutoryRoles.map((r) => STATUTORY_ROLES[r] ?? r);
  return [
    officer.name + (officer.jobTitle ? `, ${officer.jobTitle}` : ''),
    roles.length > 0 ? roles.join(', ') : null,
  ]
    .filter(Boolean)
    .join(' – ');
}

export type ClearanceState =
  | { kind: 'not-requested' }
  | { kind: 'requested'; clearance: ClearanceRow }
  | { kind: 'cleared'; clearance: ClearanceRow }
  | { kind: 'returned'; clearance: ClearanceRow }
  | { kind: 'stale'; clearance: ClearanceRow };

/** Where an implication's clearance stands, judged against the report as it is now. */
export function clearanceState(
  doc: ReportDocument,
  implication: ReportImplication,
  latest: ClearanceRow | null,
): ClearanceState {
  if (!latest) return { kind: 'not-requested' };
  if (latest.status === 'pending') return { kind: 'requested', clearance: latest };
  if (latest.status === 'returned') return { kind: 'returned', clearance: latest };
  const current = clearanceSnapshot(doc, implication.id);
  if (!current || snapshotDigest(current) !== latest.digest) {
    return { kind: 'stale', clearance: latest };
  }
  return { kind: 'cleared', clearance: latest };
}

const day = (d: Date | null) => (d ? formatDate(d) : '');

/** The words of a state, as the checklist shows them. */
export function stateText(state: ClearanceState): { tag: string; colour: string; text: string } {
  switch (state.kind) {
    case 'not-requested':
      return {
        tag: 'Not requested',
        colour: 'grey',
        text: 'No officer has been asked to clear it.',
      };
    case 'requested':
      return {
        tag: 'Requested',
        colour: 'blue',
        text: `Requested from ${state.clearance.officerName} on ${day(state.clearance.requestedAt)}.`,
      };
    case 'cleared':
      return {
        tag: 'Cleared',
        colour: 'green',
        text: `Cleared by ${state.clearance.officerName} on ${day(state.clearance.decidedAt)}.`,
      };
    case 'returned':
      return {
        tag: 'Returned',
        colour: 'red',
        text: `Returned by ${state.clearance.officerName} on ${day(state.clearance.decidedAt)} with a comment.`,
      };
    case 'stale':
      return {
        tag: 'Needs clearing again',
        colour: 'orange',
        text: `${state.clearance.officerName} cleared it on ${day(state.clearance.decidedAt)}, but the report has changed since.`,
      };
  }
}

const ANSWERS: Record<string, string> = { yes: 'Yes', no: 'No' };

/** The checklist page: each implication, its answer and statement, clearance and request form. */
export function checklistView(
  doc: ReportDocument,
  latest: ReadonlyMap<number, ClearanceRow>,
  officers: readonly Officer[],
  form: {
    values?: Record<string, string>;
    errors?: Record<string, { text: string }>;
  } = {},
) {
  const reportId = doc.report.id;
  return {
    pageTitle: `Checklist and clearances: ${doc.report.title}`,
    title: doc.report.title,
    authorityName: doc.authority.name,
    reportHref: `/admin/reports/${reportId}`,
    readinessHref: `/admin/reports/${reportId}/readiness`,
    implicationsHref: `/admin/reports/${reportId}/implications`,
    requestAction: paths.request(reportId),
    isDraft: doc.report.status === 'draft',
    hasOfficers: officers.length > 0,
    implications: doc.implications.map((implication) => {
      const state = clearanceState(doc, implication, latest.get(implication.id) ?? null);
      const field = `officer-${implication.id}`;
      const chosen = form.values?.[field] ?? '';
      const text = stateText(state);
      const changesHref =
        state.kind === 'stale' ? paths.changes(reportId, state.clearance.id) : null;
      const comment = state.kind === 'returned' ? state.clearance.comment : null;
      const stateHtml =
        `<strong class="govuk-tag govuk-tag--${text.colour}">${escapeHtml(text.tag)}</strong> ` +
        escapeHtml(text.text) +
        (changesHref
          ? ` <a class="govuk-link" href="${changesHref}">What changed<span class="govuk-visually-hidden"> in the ${escapeHtml(implication.label.toLowerCase())} since it was cleared</span></a>`
          : '');
      return {
        rows: [
          {
            key: { text: 'Answer' },
            value: { text: implication.answer ? ANSWERS[implication.answer] : 'Not answered' },
          },
          { key: { text: 'Statement' }, value: { text: implication.statement || 'None given' } },
          { key: { text: 'Clearance' }, value: { html: stateHtml } },
          ...(comment ? [{ key: { text: 'Officer’s comment' }, value: { text: comment } }] : []),
          {
            key: { text: 'Needs clearance' },
            value: { text: implication.needsClearance ? 'Yes' : 'No, but it may be cleared' },
          },
        ],
        id: implication.id,
        key: implication.key,
        label: implication.label,
        needsClearance: implication.needsClearance,
        answer: implication.answer ? ANSWERS[implication.answer] : 'Not answered',
        statement: implication.statement,
        state: stateText(state),
        comment: state.kind === 'returned' ? state.clearance.comment : null,
        changesHref: state.kind === 'stale' ? paths.changes(reportId, state.clearance.id) : null,
        field,
        error: form.errors?.[field],
        officerItems: [
          { value: '', text: 'Choose an officer' },
          ...officers.map((o) => ({
            value: String(o.id),
            text: officerLabel(o),
            selected: chosen === String(o.id),
          })),
        ],
        canRequest: implication.answer !== null,
        requestLabel:
          state.kind === 'not-requested' ? 'Ask for clearance' : 'Ask for clearance again',
      };
    }),
  };
}
