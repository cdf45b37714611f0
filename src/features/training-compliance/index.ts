import type { Feature } from '../index.js';
import { routes } from './routes.js';

/**
 * Whether councillors have done the training the council's rules require (issue 6): by
 * authority, by group and by member, with a chart, warnings for members sitting on a committee
 * without its training, and a CSV export.
 */
export const trainingComplianceFeature: Feature = { name: 'training-compliance', plugin: routes };

export { complianceRows, listRules, type ComplianceRow, type Rule } from './repository.js';
