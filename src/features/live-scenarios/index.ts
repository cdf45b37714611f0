import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Scenarios run live in a session: attendees answer from their phones, the facilitator shows the tally. */
export const liveScenariosFeature: Feature = { name: 'live-scenarios', plugin: routes };

/** The feature's addresses, for navigation and links from other features (`/live`, a session's live page). */
export { paths as liveScenariosPaths } from './paths.js';
