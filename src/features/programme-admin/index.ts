import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** The Member Development Programme for administrators: programmes, their approval, courses and sessions. */
export const programmeAdminFeature: Feature = { name: 'programme-admin', plugin: routes };

/** For the meetings feature: a committee's resolution approving a draft programme. */
export { approveProgrammeByResolution, type ProgrammeDecision } from './decision-service.js';
