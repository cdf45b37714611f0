import type { Feature } from '../index.js';
import { reportsPlugin } from './routes.js';

/**
 * Committee reports, for other features: a report as one value, its substance (what a
 * clearance vouches for), the numbering of its body, and a programme appended to it as every
 * rendering shows it (the macro `programmeAppendix` in reports/templates/programme-appendix.njk),
 * and a code version with no public page shown in full (`codeAppendix` in code-appendix.njk).
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
export { codeAppendixViews } from './code-appendix.js';
export {
  codeAppendixView,
  type CodeAppendixItem,
  type CodeAppendixView,
} from './code-appendix-view.js';
export {
  loadProgrammeAppendices,
  programmeAppendixViews,
  type ProgrammeAppendixData,
} from './programme-appendix.js';
export {
  programmeAppendixView,
  type ProgrammeAppendixView,
  type ProgrammeCourseRow,
} from './programme-appendix-view.js';
export {
  numberReportItems,
  type NumberedReportItem,
  type ReportItemDraft,
  type ReportNumberingProblem,
} from './numbering.js';

/** The drafting feature: `/admin/reports`, a report's fields, recommendations and body. */
export const reportsFeature: Feature = { name: 'reports', plugin: reportsPlugin };
