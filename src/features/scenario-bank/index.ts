import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** The scenario bank, scenario sets and members' self-study. */
export const scenarioBankFeature: Feature = { name: 'scenario-bank', plugin: routes };

export { markAnswer, type Marking, type ScenarioAnswer, type ScenarioKey } from './marking.js';
export { completedSetsCountingTowards } from './study-service.js';
export { scenarioSetProgress, scenariosNeedingReview, type SetProgress } from './dashboard.js';
export { paths as scenarioPaths } from './paths.js';
