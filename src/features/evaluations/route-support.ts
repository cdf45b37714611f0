import { pageRenderer } from '../../platform/requests.js';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findCourse, findProgramme } from './repository.js';
import { idParams } from './schemas.js';

export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** Render one of the feature's pages, with status 400 when it shows problems. */
export const renderPage = pageRenderer('evaluations');

export const idOf = (request: FastifyRequest): number => {
  const parsed = idParams.safeParse({ id: (request.params as { id?: unknown }).id });
  if (!parsed.success) throw notFound();
  return parsed.data.id;
};

/** The course named by `:id`, if it is one of the administrator's own council's; else a 404. */
export async function courseFrom(db: Db, request: FastifyRequest) {
  const course = await findCourse(db, idOf(request));
  if (!course || course.authorityId !== request.user?.authorityId) throw notFound();
  return course;
}

export async function programmeFrom(db: Db, request: FastifyRequest) {
  const programme = await findProgramme(db, idOf(request));
  if (!programme || programme.authorityId !== request.user?.authorityId) throw notFound();
  return programme;
}
