import type { Feature } from '../index.js';
import { reportChecklistRoutes } from './routes.js';

/**
 * A committee report's statutory and policy checklist (configured per council, answered per
 * report), the council's house-style word list, and a report's appendices.
 */
export const reportChecklistFeature: Feature = {
  name: 'report-checklist',
  plugin: reportChecklistRoutes,
};

/** The council's checklist: its default types, added once, and the types themselves. */
export { DEFAULT_IMPLICATION_TYPES, ensureImplicationTypes } from './defaults.js';
export { listImplicationTypes, type ImplicationType } from './repository.js';

/** The council's own list of confused or discouraged words, for the readiness check. */
export { listHouseStyleWords, type HouseStyleWord } from './repository.js';

/**
 * Appendix files for the public report pages: the file of a published open report's appendix
 * (undefined otherwise: answer 404), and the headers to send it with.
 */
export { appendixDownloadHeaders, findAppendixFile } from './appendix-service.js';
export { paths as checklistPaths } from './view-model.js';
