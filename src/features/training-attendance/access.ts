import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findSession, isFacilitator, type SessionRow } from './repository.js';
import { idParams } from './schemas.js';

export { actorOf } from '../../platform/requests.js';

export const isAdministrator = (request: FastifyRequest): boolean => {
  const roles = request.user?.roles;
  return Boolean(roles?.has('monitoring-officer') || roles?.has('democratic-services'));
};

/**
 * The session named by `:id`, if the signed-in person may take its attendance: an
 * administrator of the session's council, or one of the session's facilitators. Anyone else
 * gets a page that does not exist.
 */
export async function sessionForAttendance(db: Db, request: FastifyRequest): Promise<SessionRow> {
  const parsed = idParams.safeParse(request.params);
  const user = request.user;
  const session = parsed.success && user ? await findSession(db, parsed.data.id) : null;
  if (!session || !user) throw notFound();
  if (isAdministrator(request) && session.authorityId === user.authorityId) return session;
  if (await isFacilitator(db, session.id, user.personId)) return session;
  throw notFound();
}
