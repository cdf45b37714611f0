import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findMeeting, listAgendaItems, type MeetingRow } from './repository.js';
import { idParams, itemParams } from './schemas.js';
export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/**
 * The meeting named by `:id`, if it is a meeting of the administrator's own council; anything
 * else is a page that does not exist.
 */
export async function meetingFrom(db: Db, request: FastifyRequest): Promise<MeetingRow> {
  const parsed = idParams.safeParse(request.params);
  const meeting = parsed.success ? await findMeeting(db, parsed.data.id) : null;
  if (!meeting || meeting.authorityId !== request.user?.authorityId) throw notFound();
  return meeting;
}

/** The meeting and one of its agenda items, named by `:id/.../:itemId`. */
export async function meetingAndItemFrom(db: Db, request: FastifyRequest) {
  const parsed = itemParams.safeParse(request.params);
  if (!parsed.success) throw notFound();
  const meeting = await findMeeting(db, parsed.data.id);
  if (!meeting || meeting.authorityId !== request.user?.authorityId) throw notFound();
  const item = (await listAgendaItems(db, meeting.id)).find((i) => i.id === parsed.data.itemId);
  if (!item) throw notFound();
  return { meeting, item };
}
