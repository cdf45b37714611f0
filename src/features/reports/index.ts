/**
 * Committee reports, for other features: a report as one value, its substance (what a
 * clearance vouches for) and the numbering of its body.
 */
export {
  clearanceSnapshot,
  loadReportDocument,
  reportSubstance,
  snapshotDigest,
  type ClearanceSnapshot,
  type ReportDocument,
  type ReportImplication,
  type ReportSubstance,
} from './document.js';
export {
  numberReportItems,
  type NumberedReportItem,
  type ReportItemDraft,
  type ReportNumberingProblem,
} from './numbering.js';
