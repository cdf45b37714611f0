/**
 * A committee report laid out as the council prints it, for the public report pages and the
 * administrators' exports: one layout value, the Word document made from it, and the HTML macro
 * in `report-export/templates/report.njk` (`reportDocument(layout)`).
 */
export {
  latestClearances,
  loadReportLayout,
  reportLayout,
  showDate,
  type AppendixLink,
  type BodyItem,
  type ChecklistRow,
  type Clearance,
  type LabelledText,
  type ReportLayout,
} from './layout.js';
export { categoryText, exemptNotice } from './exempt.js';
export { DOCX_TYPE, buildReportWord, reportWordFileName } from './word.js';
