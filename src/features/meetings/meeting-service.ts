import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { listMeetingBodies, lockMeeting } from './repository.js';
import { londonToInstant } from './times.js';

/** A meeting as typed on the form, in England's local time. */
export interface MeetingInput {
  /** the administrator's council: only its bodies may be chosen */
  authorityId: number;
  organisationId: number;
  date: string;
  startTime: string;
  endTime?: string | undefined;
  venue: string;
}

async function resolveTimes(db: Db, input: MeetingInput) {
  const bodies = await listMeetingBodies(db, input.authorityId);
  if (!bodies.some((b) => b.id === input.organisationId))
    return refuse('organisationId', 'Select the council, committee or sub-committee that meets');
  const startsAt = londonToInstant(input.date, input.startTime);
  const endsAt = input.endTime ? londonToInstant(input.date, input.endTime) : null;
  if (endsAt && endsAt <= startsAt)
    return refuse('endTime', 'The end time must be after the start time');
  return done({ startsAt, endsAt });
}

export async function createMeeting(
  db: Db,
  input: MeetingInput,
  actor: Actor,
): Promise<Outcome<number>> {
  const times = await resolveTimes(db, input);
  if (!times.ok) return times;
  return db.transaction().execute(async (trx) => {
    const values = {
      organisation_id: input.organisationId,
      starts_at: times.value.startsAt,
      ends_at: times.value.endsAt,
      venue: input.venue,
      created_by: actor.actorPersonId,
    };
    const { id } = await trx
      .insertInto('meetings')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: id,
      action: 'created',
      after: values,
    });
    return done(id);
  });
}

export async function updateMeeting(
  db: Db,
  meetingId: number,
  input: MeetingInput,
  actor: Actor,
): Promise<Outcome> {
  const times = await resolveTimes(db, input);
  if (!times.ok) return times;
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    if (!meeting) return refuse('organisationId', 'That meeting no longer exists');
    if (meeting.status !== 'scheduled')
      return refuse(
        'organisationId',
        `This meeting is ${meeting.status}, so it can no longer be changed`,
      );
    if (meeting.agendaPublishedAt && meeting.organisationId !== input.organisationId)
      return refuse(
        'organisationId',
        'The agenda has been published, so the meeting cannot move to another body',
      );
    const after = {
      organisation_id: input.organisationId,
      starts_at: times.value.startsAt,
      ends_at: times.value.endsAt,
      venue: input.venue,
    };
    await trx.updateTable('meetings').set(after).where('id', '=', meetingId).execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meetingId,
      action: 'updated',
      before: {
        organisation_id: meeting.organisationId,
        starts_at: meeting.startsAt,
        ends_at: meeting.endsAt,
        venue: meeting.venue,
      },
      after,
    });
    return done(undefined);
  });
}

/** A cancelled meeting is kept (its agenda may have been published) but nothing more happens. */
export async function cancelMeeting(db: Db, meetingId: number, actor: Actor): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    if (!meeting) return refuse('confirm', 'That meeting no longer exists');
    if (meeting.status !== 'scheduled')
      return refuse('confirm', `This meeting is ${meeting.status}, so it cannot be cancelled`);
    await trx
      .updateTable('meetings')
      .set({ status: 'cancelled' })
      .where('id', '=', meetingId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meetingId,
      action: 'cancelled',
      before: { status: 'scheduled' },
      after: { status: 'cancelled' },
    });
    return done(undefined);
  });
}
