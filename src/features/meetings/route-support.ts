import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/outcome.js';
import type { ErrorSummaryItem } from '../../platform/forms.js';
import { findMeeting, listAgendaItems, type MeetingRow } from './repository.js';
import { idParams, itemParams } from './schemas.js';

export const actorOf = (request: FastifyRequest): Actor => ({
  actorPersonId: request.user!.personId,
  requestId: request.id,
});

export const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body ?? {}) as Record<string, unknown>;

/** The meeting named by `:id`; anything else is a page that does not exist. */
export async function meetingFrom(db: Db, params: unknown): Promise<MeetingRow> {
  const parsed = idParams.safeParse(params);
  const meeting = parsed.success ? await findMeeting(db, parsed.data.id) : null;
  if (!meeting) throw notFound();
  return meeting;
}

/** The meeting and one of its agenda items, named by `:id/.../:itemId`. */
export async function meetingAndItemFrom(db: Db, params: unknown) {
  const parsed = itemParams.safeParse(params);
  if (!parsed.success) throw notFound();
  const meeting = await findMeeting(db, parsed.data.id);
  if (!meeting) throw notFound();
  const item = (await listAgendaItems(db, meeting.id)).find((i) => i.id === parsed.data.itemId);
  if (!item) throw notFound();
  return { meeting, item };
}

export interface Problems {
  errors: Record<string, { text: string }>;
  errorList: ErrorSummaryItem[];
}
export const noProblems = (): Problems => ({ errors: {}, errorList: [] });
