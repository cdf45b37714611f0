import { pageRenderer } from '../../platform/requests.js';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findCourse, findPlan } from './repository.js';
import { idParams, itemParams } from './schemas.js';

export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** Render one of this feature's templates, with status 400 when it shows problems. */
export const renderPage = pageRenderer('workshop-plans');

/** The plan named by `:id`, if it is the signed-in administrator's council's; else a 404. */
export async function planFrom(db: Db, request: FastifyRequest) {
  const parsed = idParams.safeParse({ id: (request.params as { id?: unknown }).id });
  if (!parsed.success) throw notFound();
  const plan = await findPlan(db, parsed.data.id);
  if (!plan || plan.authority_id !== request.user?.authorityId) throw notFound();
  return plan;
}

/** The id of the plan's part named by `:itemId` (checked against the plan by the caller). */
export function partIdOf(request: FastifyRequest): number {
  const parsed = itemParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data.itemId;
}

/** The course named by `:id`, if it is one of the administrator's council's; else a 404. */
export async function courseFrom(db: Db, request: FastifyRequest) {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  const course = await findCourse(db, parsed.data.id);
  if (!course || course.authority_id !== request.user?.authorityId) throw notFound();
  return course;
}
