import type { Feature } from '../index.js';
import { routes } from './routes.js';

/**
 * Whether councillors have done the training the council's rules require (issue 6): by
 * authority, by group and by member, with a chart, warnings for members sitting on a committee
 * without its training, and a CSV export.
 */
export const trainingComplianceFeature: Feature = { name: 'training-compliance', plugin: routes };

import type { Db } from '../../db/database.js';
import { complianceRows, listRules } from './repository.js';
import { personComplianceRows } from './view-model.js';

export { complianceRows, listRules, type ComplianceRow, type Rule } from './repository.js';

/** Where one person stands against each of their council's rules that applies to them. */
export async function personCompliance(db: Db, authorityId: number, personId: number, on: string) {
  const [rules, rows] = await Promise.all([
    listRules(db, authorityId),
    complianceRows(db, authorityId, on, { personId }),
  ]);
  return personComplianceRows(rows, rules);
}
