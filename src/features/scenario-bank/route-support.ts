import { pageRenderer } from '../../platform/requests.js';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findScenario, findSet } from './repository.js';
import { idParams } from './schemas.js';
export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** Render a page of this feature, with status 400 when it shows problems. */
export const renderPage = pageRenderer('scenario-bank');

export const idOf = (request: FastifyRequest): number => {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
};

/** The scenario named by `:id`, if it is the user's own council's; else a 404. */
export async function scenarioFrom(db: Db, request: FastifyRequest, id = idOf(request)) {
  const scenario = await findScenario(db, id);
  if (!scenario || scenario.authority_id !== request.user?.authorityId) throw notFound();
  return scenario;
}

export async function setFrom(db: Db, request: FastifyRequest, id = idOf(request)) {
  const set = await findSet(db, id);
  if (!set || set.authority_id !== request.user?.authorityId) throw notFound();
  return set;
}
