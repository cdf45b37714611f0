import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Evaluations after a session: questions per course, one response per attendee, results without names. */
export const evaluationsFeature: Feature = { name: 'evaluations', plugin: routes };

/** The feature's addresses, for navigation and links from other features. */
export { paths as evaluationPaths } from './paths.js';
/** Sessions waiting for a person's evaluation (for the dashboard and the training record). */
export { pendingEvaluations, type PendingEvaluation } from './response-service.js';
/** Queue one email per attendee of sessions that have just ended (the plugin runs it every 5 minutes). */
export { requestEvaluations } from './requests.js';
/** The standard questions a course may start from. */
export { STANDARD_QUESTIONS } from './question-service.js';
