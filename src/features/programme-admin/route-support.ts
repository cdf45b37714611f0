import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findCourse, findProgramme, findSession } from './repository.js';
import { idParams } from './schemas.js';
import { pageRenderer } from '../../platform/requests.js';
export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** Render a page, with status 400 when it shows problems. */
export const renderPage = pageRenderer('programme-admin');

const idOf = (request: FastifyRequest): number => {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
};

/** The programme named by `:id`, if it is the administrator's own council's; else a 404. */
export async function programmeFrom(db: Db, request: FastifyRequest) {
  const programme = await findProgramme(db, idOf(request));
  if (!programme || programme.authority_id !== request.user?.authorityId) throw notFound();
  return programme;
}

export async function courseFrom(db: Db, request: FastifyRequest) {
  const course = await findCourse(db, idOf(request));
  if (!course || course.authority_id !== request.user?.authorityId) throw notFound();
  return course;
}

export async function sessionFrom(db: Db, request: FastifyRequest) {
  const session = await findSession(db, idOf(request));
  if (!session || session.authority_id !== request.user?.authorityId) throw notFound();
  return session;
}
