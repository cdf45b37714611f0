import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Workshop plans: timed agendas, examples, sources and code links; facilitators' run sheets. */
export const workshopPlansFeature: Feature = { name: 'workshop-plans', plugin: routes };
