import type { DbOrTrx } from '../../db/database.js';
import { idsNeedingReview } from '../learning/index.js';
import { paths } from './paths.js';
import { listScenarios, listSetsWithProgress } from './repository.js';

/**
 * What dashboards can say about the scenario bank: for administrators, the scenarios (not
 * retired) whose paragraphs the code in force has changed; for a person, the published sets
 * of their council with their progress.
 */
export async function scenariosNeedingReview(
  db: DbOrTrx,
  authorityId: number,
): Promise<{ id: number; title: string; href: string }[]> {
  const rows = (await listScenarios(db, authorityId)).filter((r) => r.status !== 'retired');
  const flagged = await idsNeedingReview(
    db,
    authorityId,
    'scenario_paragraphs',
    rows.map((r) => r.id),
  );
  return rows
    .filter((r) => flagged.has(r.id))
    .map((r) => ({ id: r.id, title: r.title, href: paths.scenario(r.id) }));
}

export interface SetProgress {
  setId: number;
  title: string;
  href: string;
  answered: number;
  total: number;
  completedAt: Date | null;
}

/** The published, non-empty sets of the person's council, with their progress through each. */
export async function scenarioSetProgress(
  db: DbOrTrx,
  authorityId: number,
  personId: number,
): Promise<SetProgress[]> {
  return (await listSetsWithProgress(db, authorityId, personId))
    .filter((r) => Number(r.total) > 0)
    .map((r) => ({
      setId: r.id,
      title: r.title,
      href: paths.mySet(r.id),
      answered: Math.min(Number(r.answered), Number(r.total)),
      total: Number(r.total),
      completedAt: r.completed_at,
    }));
}
