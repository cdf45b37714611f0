import type { Trx } from '../db/database.js';
import { seedDemoEvaluations } from './demo-evaluations.js';
import { seedDemoScenarios } from './demo-scenarios.js';
import { seedDemoWorkshops } from './demo-workshops.js';

/**
 * The demo council's learning content (issue 7), written after its programme in the demo's
 * transaction: workshop plans attached to its courses, the scenario bank with two sets, and
 * evaluation questions with responses for the sessions already held.
 */
export async function writeDemoLearning(trx: Trx): Promise<void> {
  const city = await trx
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  await seedDemoWorkshops(trx, city.id);
  await seedDemoScenarios(trx, city.id);
  await seedDemoEvaluations(trx, city.id);
}
