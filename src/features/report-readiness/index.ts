import type { Feature } from '../index.js';
import { reportReadinessRoutes } from './routes.js';

/** The readiness check: whether a committee report may go on an agenda, and what to fix. */
export const reportReadinessFeature: Feature = {
  name: 'report-readiness',
  plugin: reportReadinessRoutes,
};

export { checkReadiness, checkReport } from './service.js';
export type { ReadinessProblem } from './types.js';
export { fixPaths as readinessPaths, itemAnchor } from './paths.js';
