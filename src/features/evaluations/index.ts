import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Evaluations after a session: questions per course, one response per attendee, results without names. */
export const evaluationsFeature: Feature = { name: 'evaluations', plugin: routes };
