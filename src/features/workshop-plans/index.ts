import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Workshop plans: timed agendas, examples, sources and code links; facilitators' run sheets. */
export const workshopPlansFeature: Feature = { name: 'workshop-plans', plugin: routes };

/**
 * For navigation and other features: the feature's addresses (`workshopPlanPaths.list`,
 * `.runSheet(sessionId)`, `.coursePlan(courseId)`), the plans a dashboard should mention, and
 * the plan a course follows.
 */
export { paths as workshopPlanPaths } from './paths.js';
export { planOfCourse, plansNeedingAttention, type PlansNeedingAttention } from './summary.js';
