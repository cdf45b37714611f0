// Steps 1–5 of the council's year: the code of conduct is imported and revised, a report takes
// it (and the development programme) to the Audit and Standards Committee, the committee and
// full Council decide, and members sign the new code. Each step is done in the browser by the
// person whose job it is; the database is only read, to check what happened.
export {
  CODE_TITLE,
  daysFromToday,
  REPORT_TITLE,
  REVISED_TITLE,
} from './code-and-reports-support.js';
export { currentCodeDocx, importCodeAndDraft, type CodeState } from './code-and-reports-code.js';
export { writeReport, type ReportState } from './code-and-reports-report.js';
export {
  decideAndAdopt,
  publishAgenda,
  signTheCode,
  type MeetingState,
} from './code-and-reports-decisions.js';
