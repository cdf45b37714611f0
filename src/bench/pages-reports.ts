import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { LARGE_SLUG } from '../seed/large.js';
import { LARGE_REPORT_TITLE } from '../seed/large-reports.js';
import { EARLIER_REPORT_TITLE_START } from '../seed/large-extras-reports.js';
import type { PageSpec } from './measure.js';
import type { BenchSessions } from './pages.js';
import { one } from './dataset-row.js';

/** Real ids and values from the large dataset for the reports pages measured by the bench. */
export interface ReportsTargets {
  /** the 60-paragraph draft (LARGE_REPORT_TITLE): its forms and exports */
  draftId: number;
  /** its first recommendation, and a paragraph half way through its body */
  recommendationLineage: string;
  itemLineage: string;
  /** the committee meeting ahead with the draft on its agenda */
  nextMeetingId: number;
  /** the Audit and Standards Committee, whose calendar feed is measured */
  committeeId: number;
  /** last year's standards report, published on a held meeting's agenda, and its file appendix */
  publishedId: number;
  fileAppendixId: number;
  /** that meeting (attendance, declarations, minutes, resolutions) and the report's item on it */
  heldMeetingId: number;
  heldItemId: number;
  /** the published report's legal clearance that was returned, before the report changed */
  returnedClearanceId: number;
  /** the draft's clearance waiting for the Deputy Monitoring Officer */
  pendingClearanceId: number;
  /** one of the council's implication types and one of its house-style words */
  implicationTypeId: number;
  houseStyleWordId: number;
}

/** Reads them; throws (naming what is missing) when the dataset lacks one. */
export async function findReportsTargets(db: Db): Promise<ReportsTargets> {
  const draft = await one(
    db,
    'draft committee report',
    sql<{ id: number; recommendation: string; item: string; meeting: number; pending: number }>`
      select r.id,
             (select lineage::text from report_recommendations where report_id = r.id
               order by position limit 1) as recommendation,
             (select lineage::text from report_items where report_id = r.id and depth > 0
               order by position offset 30 limit 1) as item,
             (select m.id from meetings m join agenda_items i on i.meeting_id = m.id
               where i.report_id = r.id and m.status = 'scheduled'
               order by m.starts_at limit 1) as meeting,
             (select c.id from clearances c
                join report_implications ri on ri.id = c.report_implication_id
                join people p on p.id = c.officer_id
               where ri.report_id = r.id and c.status = 'pending'
                 and 'deputy-monitoring-officer' = any(p.statutory_roles)
               order by c.id limit 1) as pending
        from reports r join authorities a on a.id = r.authority_id
       where a.slug = ${LARGE_SLUG} and r.title = ${LARGE_REPORT_TITLE}
       order by r.id limit 1`,
  );
  const published = await one(
    db,
    'published report on a held meeting (last year’s standards report)',
    sql<{
      id: number;
      committee: number;
      appendix: number;
      meeting: number;
      item: number;
      returned: number;
    }>`
      select r.id, r.committee_id as committee,
             (select ap.id from report_appendices ap where ap.report_id = r.id and ap.kind = 'file'
               order by ap.position limit 1) as appendix,
             i.meeting_id as meeting, i.id as item,
             (select c.id from clearances c
                join report_implications ri on ri.id = c.report_implication_id
               where ri.report_id = r.id and c.status = 'returned'
               order by c.id limit 1) as returned
        from reports r join authorities a on a.id = r.authority_id
        join agenda_items i on i.report_id = r.id
        join meetings m on m.id = i.meeting_id and m.status = 'held'
       where a.slug = ${LARGE_SLUG} and r.status = 'published'
         and r.title like ${`${EARLIER_REPORT_TITLE_START}%`}
       order by r.id limit 1`,
  );
  const council = await one(
    db,
    'implication types and house-style words',
    sql<{ type: number | null; word: number | null }>`
      select (select min(t.id) from implication_types t where t.authority_id = a.id
               and t.retired_on is null) as type,
             (select min(w.id) from house_style_words w where w.authority_id = a.id) as word
        from authorities a where a.slug = ${LARGE_SLUG}`,
  );
  const missing = Object.entries({
    'draft report’s recommendation': draft.recommendation,
    'draft report’s body paragraph': draft.item,
    'meeting ahead with the draft on its agenda': draft.meeting,
    'clearance pending with the Deputy Monitoring Officer': draft.pending,
    'file appendix on the published report': published.appendix,
    'returned clearance on the published report': published.returned,
    'committee of the published report': published.committee,
    'implication type': council.type,
    'house-style word': council.word,
  }).filter(([, value]) => value === null || value === undefined);
  if (missing.length > 0) {
    throw new Error(
      `The large dataset has no ${missing.map(([what]) => what).join(', ')}: generate it afresh.`,
    );
  }
  return {
    draftId: draft.id,
    recommendationLineage: draft.recommendation,
    itemLineage: draft.item,
    nextMeetingId: draft.meeting,
    committeeId: published.committee,
    publishedId: published.id,
    fileAppendixId: published.appendix,
    heldMeetingId: published.meeting,
    heldItemId: published.item,
    returnedClearanceId: published.returned,
    pendingClearanceId: draft.pending,
    implicationTypeId: council.type!,
    houseStyleWordId: council.word!,
  };
}

/** The reports pages not measured elsewhere in benchPages. */
export function reportsPages(t: ReportsTargets, who: BenchSessions): PageSpec[] {
  const signedIn = (page: string, cookie: string, label: string): PageSpec => ({
    label: `${page} (${label})`,
    path: page,
    kind: 'signed-in',
    cookie,
  });
  const mo = (page: string) => signedIn(page, who.mo, 'MO');
  const officer = (page: string) => signedIn(page, who.officer, 'officer');
  const publicPage = (page: string): PageSpec => ({ label: page, path: page, kind: 'public' });
  const draft = `/admin/reports/${t.draftId}`;
  const published = `/admin/reports/${t.publishedId}`;
  const next = `/admin/meetings/${t.nextMeetingId}`;
  const held = `/admin/meetings/${t.heldMeetingId}`;
  return [
    // Drafting: the draft's details, recommendations and body.
    mo('/admin/reports/new'),
    mo(`${draft}/edit`),
    mo(`${draft}/withdraw`),
    mo(`${draft}/recommendations/new`),
    mo(`${draft}/recommendations/${t.recommendationLineage}/edit`),
    mo(`${draft}/recommendations/${t.recommendationLineage}/remove`),
    mo(`${draft}/body/new?after=${t.itemLineage}`),
    mo(`${draft}/body/${t.itemLineage}/edit`),
    mo(`${draft}/body/${t.itemLineage}/remove`),
    // The checklist, clearances and exports.
    mo('/admin/implication-types'),
    mo(`/admin/implication-types/${t.implicationTypeId}`),
    mo(`${draft}/implications`),
    mo('/admin/house-style'),
    mo(`/admin/house-style/${t.houseStyleWordId}`),
    mo(`${draft}/checklist`),
    mo(`${published}/clearances/${t.returnedClearanceId}/changes`),
    officer('/clearances'),
    officer(`/clearances/${t.pendingClearanceId}`),
    mo(`${draft}/print`),
    mo(`${draft}/word`),
    mo(`${published}/appendices`),
    mo(`${published}/appendices/${t.fileAppendixId}/file`),
    // Meetings: the one ahead, and the one that considered last year's report.
    mo('/admin/meetings/new'),
    mo(`${next}/edit`),
    mo(`${next}/cancel`),
    mo(`${held}/minutes`),
    mo(`${held}/attendance`),
    mo(`${held}/declarations`),
    mo(`${held}/items/${t.heldItemId}/resolutions`),
    // What the public sees of them.
    publicPage(`/meetings/${t.heldMeetingId}`),
    publicPage(`/meetings/${t.heldMeetingId}/minutes`),
    publicPage(`/reports/${t.publishedId}`),
    publicPage(`/reports/${t.publishedId}/print`),
    publicPage(`/reports/${t.publishedId}/word`),
    publicPage(`/reports/${t.publishedId}/appendices/${t.fileAppendixId}`),
    publicPage(`/committees/${t.committeeId}/meetings.ics`),
  ];
}
