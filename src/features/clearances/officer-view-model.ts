import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import type { ReportDocument } from '../reports/index.js';
import type { SnapshotChange } from './changes.js';
import { paths } from './paths.js';
import type { ClearanceRow, OfficerRequest } from './repository.js';

const STATUS: Record<string, { text: string; colour: string }> = {
  pending: { text: 'Waiting for you', colour: 'blue' },
  cleared: { text: 'Cleared', colour: 'green' },
  returned: { text: 'Returned', colour: 'red' },
  withdrawn: { text: 'Withdrawn: you were asked again, or someone else was', colour: 'grey' },
};

/** What I have been asked to clear, as a table: waiting first. */
export function officerListView(requests: readonly OfficerRequest[]) {
  const waiting = requests.filter((r) => r.status === 'pending').length;
  return {
    pageTitle: 'Report clearances',
    waiting,
    rows: requests.map((r) => [
      {
        html: `<a class="govuk-link" href="${paths.clearance(r.id)}">${escapeHtml(r.reportTitle)}</a>`,
      },
      { text: r.implicationLabel },
      { text: formatDate(r.requestedAt) },
      {
        html: `<strong class="govuk-tag govuk-tag--${STATUS[r.status]?.colour ?? 'grey'}">${STATUS[r.status]?.text ?? r.status}</strong>`,
      },
    ]),
  };
}

/** One request: what the officer is asked to vouch for, and what changed since last time. */
export function officerPageView(
  clearance: ClearanceRow,
  doc: ReportDocument,
  extra: {
    previousChanges: { decision: ClearanceRow; changes: SnapshotChange[] } | null;
    changedSince: SnapshotChange[] | null;
    comment: string;
  },
) {
  const asked = clearance.snapshot;
  const status = STATUS[clearance.status] ?? { text: clearance.status, colour: 'grey' };
  const previous = extra.previousChanges;
  return {
    pageTitle: `Clear the ${asked.implication.label.toLowerCase()}: ${asked.substance.title}`,
    id: clearance.id,
    authorityName: doc.authority.name,
    committeeName: doc.committee?.name ?? null,
    title: asked.substance.title,
    summary: asked.substance.summary,
    recommendations: asked.substance.recommendations,
    label: asked.implication.label,
    answer:
      asked.implication.answer === 'yes'
        ? 'Yes'
        : asked.implication.answer === 'no'
          ? 'No'
          : 'Not answered',
    statement: asked.implication.statement,
    requestedBy: clearance.requestedByName,
    requestedAt: formatDate(clearance.requestedAt),
    decidedAt: clearance.decidedAt ? formatDate(clearance.decidedAt) : null,
    status,
    comment: clearance.comment,
    pending: clearance.status === 'pending' && doc.report.status === 'draft',
    previous: previous
      ? {
          officerName: previous.decision.officerName,
          decision: previous.decision.status === 'cleared' ? 'cleared' : 'returned',
          decidedAt: previous.decision.decidedAt ? formatDate(previous.decision.decidedAt) : '',
          comment: previous.decision.comment,
          changes: previous.changes,
        }
      : null,
    changedSince: extra.changedSince,
    typedComment: extra.comment,
    clearAction: paths.clear(clearance.id),
    returnAction: paths.return(clearance.id),
    listHref: paths.list(),
  };
}
