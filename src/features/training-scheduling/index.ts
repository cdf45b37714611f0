import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Agreeing group sessions' dates with the whips, groups' topic proposals, and officers' standards meetings with whips and leaders. */
export const trainingSchedulingFeature: Feature = { name: 'training-scheduling', plugin: routes };
