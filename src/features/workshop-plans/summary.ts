import type { DbOrTrx } from '../../db/database.js';
import { idsNeedingReview } from '../learning/index.js';
import { paths } from './paths.js';
import { listPlans } from './repository.js';

/**
 * What other features show about workshop plans: for a dashboard, the council's plans that
 * need attention; for a course's page, the plan it follows.
 */
export interface PlansNeedingAttention {
  /** plans whose agenda does not add up to their length */
  agendaDiffers: { title: string; href: string }[];
  /** plans linked to paragraphs the code in force has changed or dropped */
  codeChanged: { title: string; href: string }[];
}

export async function plansNeedingAttention(
  db: DbOrTrx,
  authorityId: number,
): Promise<PlansNeedingAttention> {
  const plans = await listPlans(db, authorityId);
  const review = await idsNeedingReview(
    db,
    authorityId,
    'workshop_paragraphs',
    plans.map((p) => p.id),
  );
  const link = (p: { id: number; title: string }) => ({ title: p.title, href: paths.plan(p.id) });
  return {
    agendaDiffers: plans.filter((p) => Number(p.agenda_minutes) !== p.duration_minutes).map(link),
    codeChanged: plans.filter((p) => review.has(p.id)).map(link),
  };
}

/** The plan a course follows (title and address), or null; and where to choose it. */
export async function planOfCourse(db: DbOrTrx, courseId: number) {
  const row = await db
    .selectFrom('courses as c')
    .leftJoin('workshop_plans as w', 'w.id', 'c.workshop_plan_id')
    .select(['w.id', 'w.title'])
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  return {
    plan: row?.id && row.title ? { title: row.title, href: paths.plan(row.id) } : null,
    chooseHref: paths.coursePlan(courseId),
  };
}
