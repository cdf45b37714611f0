import type { Feature } from '../index.js';
import { reportsPlugin } from './routes.js';

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

/** The drafting feature: `/admin/reports`, a report's fields, recommendations and body. */
export const reportsFeature: Feature = { name: 'reports', plugin: reportsPlugin };
