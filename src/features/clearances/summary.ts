import type { DbOrTrx } from '../../db/database.js';
import { clearanceSnapshot, loadReportDocument, snapshotDigest } from '../reports/index.js';
import { paths } from './paths.js';
import { latestDraftClearances, listRequestsFor } from './repository.js';

/** An officer's requests still waiting for them, for the dashboard. */
export async function listPendingClearancesFor(
  db: DbOrTrx,
  officerId: number,
): Promise<{ reportTitle: string; implicationLabel: string; requestedAt: Date; href: string }[]> {
  const requests = await listRequestsFor(db, officerId);
  return requests
    .filter((r) => r.status === 'pending')
    .map((r) => ({
      reportTitle: r.reportTitle,
      implicationLabel: r.implicationLabel,
      requestedAt: r.requestedAt,
      href: paths.clearance(r.id),
    }));
}

export interface ClearanceCounts {
  pending: number;
  returned: number;
  /** cleared, but the report has changed since */
  stale: number;
}

/**
 * Administrators' figures over draft reports: the latest clearance of each implication waiting,
 * returned, or cleared for an earlier text. Staleness needs the report's current substance, so
 * only reports with a cleared clearance are loaded.
 */
export async function clearanceCounts(db: DbOrTrx): Promise<ClearanceCounts> {
  const latest = await latestDraftClearances(db);
  const counts: ClearanceCounts = { pending: 0, returned: 0, stale: 0 };
  const clearedByReport = new Map<number, { implicationId: number; digest: string }[]>();
  for (const c of latest) {
    if (c.status === 'pending') counts.pending += 1;
    else if (c.status === 'returned') counts.returned += 1;
    else if (c.status === 'cleared') {
      clearedByReport.set(c.reportId, [...(clearedByReport.get(c.reportId) ?? []), c]);
    }
  }
  for (const [reportId, cleared] of clearedByReport) {
    const doc = await loadReportDocument(db, reportId);
    if (!doc) continue;
    for (const c of cleared) {
      const current = clearanceSnapshot(doc, c.implicationId);
      if (!current || snapshotDigest(current) !== c.digest) counts.stale += 1;
    }
  }
  return counts;
}
