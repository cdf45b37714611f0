import type { Feature } from '../index.js';
import { clearanceRoutes } from './routes.js';

/**
 * Clearance of a committee report's implications by named officers: requests, the officer's
 * decision, and re-clearance when the report changes after a clearance.
 */
export const clearancesFeature: Feature = { name: 'clearances', plugin: clearanceRoutes };

export { clearanceCounts, listPendingClearancesFor, type ClearanceCounts } from './summary.js';
export { paths as clearancePaths } from './paths.js';
