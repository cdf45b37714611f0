import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  findCourse,
  listComplementableSessions,
  listOrganisations,
  lockSession,
  type CourseRow,
} from './repository.js';
import type { SessionFormData } from './schemas.js';
import { sessionTimes } from './times.js';

/** A session as typed on its form; the date read from the date input. */
export interface SessionInput extends SessionFormData {
  date: string | undefined;
}

/** The session's columns from its form, after checking them against the course and council. */
async function resolve(
  trx: Trx,
  course: CourseRow,
  input: SessionInput,
  options: { sessionId: number | null; confirmed: boolean },
) {
  const isGroup = course.audience === 'political-group';
  const times = sessionTimes({
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    durationMinutes: course.duration_minutes,
    dateRequired: !isGroup || options.confirmed,
  });
  if (!times.ok) return refuse(times.field, times.message);
  let groupId: number | null = null;
  if (isGroup) {
    const groups = await listOrganisations(trx, course.authority_id, ['political-group']);
    if (!groups.some((g) => g.id === input.groupId))
      return refuse('groupId', 'Select the political group the session is for');
    groupId = input.groupId!;
    let other = trx
      .selectFrom('training_sessions')
      .select('id')
      .where('course_id', '=', course.id)
      .where('group_id', '=', groupId)
      .where('status', '<>', 'cancelled');
    if (options.sessionId !== null) other = other.where('id', '<>', options.sessionId);
    if (await other.executeTakeFirst())
      return refuse('groupId', 'This group already has a session of this course');
  }
  let complements: number | null = null;
  if (course.audience === 'officers' && input.complementsSessionId !== undefined) {
    const sessions = await listComplementableSessions(trx, course.authority_id);
    if (!sessions.some((s) => s.id === input.complementsSessionId))
      return refuse('complementsSessionId', 'Select one of the members’ sessions, or none');
    complements = input.complementsSessionId;
  }
  if (
    input.capacity !== undefined &&
    input.minimumNumbers !== undefined &&
    input.minimumNumbers > input.capacity
  )
    return refuse('minimumNumbers', 'The minimum numbers cannot be more than the capacity');
  return done({
    group_id: groupId,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    venue: input.venue,
    online_url: input.onlineUrl ?? null,
    capacity: input.capacity ?? null,
    minimum_numbers: input.minimumNumbers ?? null,
    complements_session_id: complements,
  });
}

export async function createSession(
  db: Db,
  courseId: number,
  input: SessionInput,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    // one session per group: sessions of a course are added one at a time
    await trx.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().execute();
    const course = await findCourse(trx, courseId);
    if (!course) return refuse('venue', 'That course no longer exists');
    if (course.programme_status === 'closed')
      return refuse('venue', 'The programme is closed, so no session can be added');
    const values = await resolve(trx, course, input, { sessionId: null, confirmed: false });
    if (!values.ok) return values;
    const row = { course_id: courseId, ...values.value };
    const { id } = await trx
      .insertInto('training_sessions')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: id,
      action: 'created',
      after: row,
    });
    return done(id);
  });
}

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Change a session. A confirmed session whose time or place changes gets a higher sequence,
 * so the invitations' dispatcher sends everyone invited the new version.
 */
export async function updateSession(
  db: Db,
  sessionId: number,
  input: SessionInput,
  actor: Actor,
): Promise<Outcome<{ resent: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session) return refuse('venue', 'That session no longer exists');
    if (session.status === 'cancelled' || session.status === 'held')
      return refuse('venue', `This session is ${session.status}, so it can no longer be changed`);
    await trx
      .selectFrom('courses')
      .select('id')
      .where('id', '=', session.course_id)
      .forUpdate()
      .execute();
    const course = await findCourse(trx, session.course_id);
    if (!course || course.programme_status === 'closed')
      return refuse('venue', 'The programme is closed, so its sessions can no longer be changed');
    const confirmed = session.status === 'confirmed';
    const values = await resolve(trx, course, input, { sessionId, confirmed });
    if (!values.ok) return values;
    const after = values.value;
    if (after.group_id !== session.group_id) {
      if (confirmed)
        return refuse('groupId', 'The session is confirmed, so its group cannot change');
      const proposed = await trx
        .selectFrom('session_date_proposals')
        .select('id')
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      if (proposed)
        return refuse(
          'groupId',
          'Dates have been proposed to this group, so the group cannot change: cancel the session and add one for the other group',
        );
    }
    // A group's date is agreed with its whip (training-scheduling): it is not changed here.
    if (
      confirmed &&
      session.group_id !== null &&
      (!same(after.starts_at, session.starts_at) || !same(after.ends_at, session.ends_at))
    ) {
      return refuse(
        'sessionDate',
        'The date and time of a group’s session are agreed with its whip, so they cannot be changed here: cancel the session and add a new one, then agree its date with the whip',
      );
    }
    const resent =
      confirmed &&
      (!same(after.starts_at, session.starts_at) ||
        !same(after.ends_at, session.ends_at) ||
        after.venue !== session.venue ||
        after.online_url !== session.online_url);
    const sequence = session.sequence + (resent ? 1 : 0);
    await trx
      .updateTable('training_sessions')
      .set({ ...after, sequence, updated_at: new Date() })
      .where('id', '=', sessionId)
      .execute();
    const before = Object.fromEntries(
      Object.keys(after).map((k) => [k, session[k as keyof typeof session]]),
    );
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: sessionId,
      action: 'updated',
      before: { ...before, sequence: session.sequence },
      after: { ...after, sequence },
    });
    return done({ resent });
  });
}

/** Cancel a session; a confirmed one gets a higher sequence so the cancellation is sent. */
export async function cancelSession(
  db: Db,
  sessionId: number,
  actor: Actor,
): Promise<Outcome<{ wasConfirmed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session) return refuse('confirm', 'That session no longer exists');
    if (session.status !== 'planned' && session.status !== 'confirmed')
      return refuse('confirm', `This session is ${session.status}, so it cannot be cancelled`);
    const wasConfirmed = session.status === 'confirmed';
    const sequence = session.sequence + (wasConfirmed ? 1 : 0);
    await trx
      .updateTable('training_sessions')
      .set({ status: 'cancelled', sequence, updated_at: new Date() })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: sessionId,
      action: 'cancelled',
      before: { status: session.status, sequence: session.sequence },
      after: { status: 'cancelled', sequence },
    });
    return done({ wasConfirmed });
  });
}
