import type { Db, Trx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome, type Refusal } from '../../platform/outcome.js';
import { listAgendaItems, lockMeeting } from './repository.js';
import {
  listAttendance,
  listMembersOn,
  listRecommendations,
  listResolutions,
} from './record-repository.js';
import { londonParts } from './times.js';

/** Attendance, declarations, marking the meeting held and publishing its minutes. */

/** A meeting that can be recorded: not cancelled, its agenda published, its day come. */
export async function recordableMeeting(trx: Trx, meetingId: number, field: string, today: string) {
  const meeting = await lockMeeting(trx, meetingId);
  if (!meeting) return refuse(field, 'That meeting no longer exists');
  if (meeting.status === 'cancelled')
    return refuse(field, 'This meeting was cancelled, so nothing can be recorded for it');
  if (!meeting.agendaPublishedAt)
    return refuse(field, 'Publish the agenda before recording what happened at the meeting');
  const date = londonParts(meeting.startsAt).date;
  if (date > today) return refuse(field, 'This can be recorded on or after the day of the meeting');
  if (meeting.minutesPublishedAt)
    return refuse(field, 'The minutes have been published, so the record can no longer change');
  return done({ ...meeting, date });
}

export interface AttendanceEntry {
  personId: number;
  status: 'present' | 'apologies' | 'absent';
  substituteFor?: number | undefined;
}

export async function recordAttendance(
  db: Db,
  meetingId: number,
  entries: AttendanceEntry[],
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await recordableMeeting(trx, meetingId, 'attendance', today);
    if (!found.ok) return found;
    const members = await listMembersOn(trx, found.value.organisationId, found.value.date);
    const ids = new Set(members.map((m) => m.personId));
    for (const entry of entries) {
      const field = `status-${entry.personId}`;
      if (!ids.has(entry.personId))
        return refuse(field, 'Everyone listed must be a member on the day of the meeting');
      if (entry.substituteFor !== undefined) {
        if (entry.substituteFor === entry.personId || !ids.has(entry.substituteFor))
          return refuse(`substitute-${entry.personId}`, 'Select another member of the body');
        if (entry.status !== 'present')
          return refuse(`substitute-${entry.personId}`, 'Only someone present can be a substitute');
      }
    }
    const before = await listAttendance(trx, meetingId);
    await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).execute();
    if (entries.length > 0)
      await trx
        .insertInto('meeting_attendance')
        .values(
          entries.map((e) => ({
            meeting_id: meetingId,
            person_id: e.personId,
            status: e.status,
            substitute_for: e.substituteFor ?? null,
          })),
        )
        .execute();
    const summary = (
      rows: { personId: number; status: string; substituteFor?: number | null | undefined }[],
    ) =>
      rows
        .map((r) => `${r.personId}:${r.status}${r.substituteFor ? `>${r.substituteFor}` : ''}`)
        .join(' ');
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meetingId,
      action: 'attendance-recorded',
      before: { attendance: summary(before) },
      after: { attendance: summary(entries) },
    });
    return done(undefined);
  });
}

export async function recordDeclaration(
  db: Db,
  meetingId: number,
  input: { personId: number; agendaItemId?: number | undefined; declaration: string },
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await recordableMeeting(trx, meetingId, 'personId', today);
    if (!found.ok) return found;
    const present = (await listAttendance(trx, meetingId)).filter((a) => a.status === 'present');
    if (!present.some((a) => a.personId === input.personId))
      return refuse('personId', 'Select someone recorded as present at the meeting');
    if (input.agendaItemId) {
      const items = await listAgendaItems(trx, meetingId);
      if (!items.some((i) => i.id === input.agendaItemId))
        return refuse('agendaItemId', 'Select an item on this meeting’s agenda');
    }
    const values = {
      meeting_id: meetingId,
      agenda_item_id: input.agendaItemId ?? null,
      person_id: input.personId,
      declaration: input.declaration,
      recorded_by: actor.actorPersonId,
    };
    const { id } = await trx
      .insertInto('meeting_declarations')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting_declaration',
      entityId: id,
      action: 'recorded',
      after: values,
    });
    return done(undefined);
  });
}

export async function markHeld(
  db: Db,
  meetingId: number,
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await recordableMeeting(trx, meetingId, 'held', today);
    if (!found.ok) return found;
    if (found.value.status === 'held')
      return refuse('held', 'This meeting is already marked as held');
    await trx.updateTable('meetings').set({ status: 'held' }).where('id', '=', meetingId).execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meetingId,
      action: 'held',
      before: { status: 'scheduled' },
      after: { status: 'held' },
    });
    return done(undefined);
  });
}

/** What stops the minutes being published (empty when nothing does). */
export async function minutesProblems(db: Db | Trx, meetingId: number): Promise<Refusal[]> {
  const items = await listAgendaItems(db, meetingId);
  const withReports = items.filter((i) => i.reportId !== null);
  const recs = await listRecommendations(
    db,
    withReports.map((i) => i.reportId!),
  );
  const resolved = new Set(
    (await listResolutions(db, meetingId)).map((r) => `${r.agendaItemId}:${r.recommendationId}`),
  );
  const problems: Refusal[] = [];
  for (const item of withReports) {
    const missing = recs.filter(
      (r) => r.reportId === item.reportId && !resolved.has(`${item.id}:${r.id}`),
    );
    if (missing.length > 0)
      problems.push({
        field: 'minutes',
        message: `Item ${item.position + 1}, ${item.title}: record a resolution for recommendation ${missing.map((m) => m.position + 1).join(', ')}`,
        link: {
          href: `/admin/meetings/${meetingId}/items/${item.id}/resolutions`,
          text: 'Record resolutions',
        },
      });
  }
  return problems;
}

export async function publishMinutes(
  db: Db,
  meetingId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    if (!meeting) return refuse('minutes', 'That meeting no longer exists');
    if (meeting.minutesPublishedAt) return refuse('minutes', 'The minutes are already published');
    if (meeting.status !== 'held')
      return refuse('minutes', 'Mark the meeting as held before publishing its minutes');
    const problems = await minutesProblems(trx, meetingId);
    if (problems.length > 0) return { ok: false, refusal: problems[0]! };
    await trx
      .updateTable('meetings')
      .set({ minutes_published_at: now })
      .where('id', '=', meetingId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meetingId,
      action: 'minutes-published',
      after: { minutes_published_at: now },
    });
    return done(undefined);
  });
}
