import type { Db, Trx } from '../../db/database.js';
import type { AttendanceStatus } from '../../db/schema.js';
import { recordAudit, recordAudits, type AuditRecord } from '../../platform/audit.js';
import { formatDateTime } from '../../platform/views.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  codeInUse,
  findPerson,
  findSessionsByCode,
  listAttendance,
  listRoster,
  lockSession,
  saveAttendance,
  setAttendanceCode,
  type SessionRow,
} from './repository.js';
import { STATUSES } from './schemas.js';
import { attendanceWindow, newAttendanceCode } from './window.js';

export interface AttendanceEntry {
  personId: number;
  status: AttendanceStatus;
}

const entityId = (sessionId: number, personId: number) => `${sessionId}:${personId}`;

/** Why a session cannot take attendance now, or null when it can. */
function closedReason(session: SessionRow, now: Date): string | null {
  if (session.status === 'cancelled')
    return 'This session was cancelled, so it takes no attendance';
  const window = attendanceWindow(session);
  if (!window || session.status === 'planned')
    return 'Attendance can be taken once the session is confirmed with a date';
  if (now < window.opens)
    return `Attendance can be taken from ${formatDateTime(window.opens)}, half an hour before the session starts`;
  return null;
}

async function lockOpenSession(trx: Trx, sessionId: number, now: Date, field: string) {
  const session = await lockSession(trx, sessionId);
  if (!session) return refuse(field, 'This session no longer exists');
  const reason = closedReason(session, now);
  return reason ? refuse(field, reason) : done(session);
}

/**
 * Record or correct the attendance of people on a session's register (those invited, and those
 * already recorded). Only what changes is written, each change audited with its before and
 * after. Someone left unmarked keeps what they had, unless `restAbsent` asks that everyone
 * never marked be recorded as absent.
 */
export async function recordAttendance(
  db: Db,
  sessionId: number,
  entries: AttendanceEntry[],
  actor: Actor,
  options: { restAbsent?: boolean; now?: Date } = {},
): Promise<Outcome<{ changed: number }>> {
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenSession(trx, sessionId, options.now ?? new Date(), 'attendance');
    if (!open.ok) return open;
    const roster = await listRoster(trx, sessionId);
    const onRegister = new Set(roster.map((r) => r.personId));
    const unknown = entries.find((e) => !onRegister.has(e.personId));
    if (unknown)
      return refuse(
        'attendance',
        'Only people on this session’s register can be marked: add anyone else first',
      );
    const before = new Map((await listAttendance(trx, sessionId)).map((r) => [r.personId, r]));
    const all = [...entries];
    if (options.restAbsent) {
      const marked = new Set(entries.map((e) => e.personId));
      for (const r of roster)
        if (!marked.has(r.personId) && !before.has(r.personId))
          all.push({ personId: r.personId, status: 'absent' });
    }
    const audits: AuditRecord[] = [];
    for (const entry of all) {
      const was = before.get(entry.personId);
      if (was?.status === entry.status) continue;
      await saveAttendance(trx, {
        sessionId,
        personId: entry.personId,
        status: entry.status,
        selfRegistered: false,
        recordedBy: actor.actorPersonId,
      });
      audits.push({
        entity: 'attendance',
        entityId: entityId(sessionId, entry.personId),
        action: was ? 'corrected' : 'recorded',
        before: was
          ? { status: was.status, self_registered: was.selfRegistered, recorded_by: was.recordedBy }
          : null,
        after: { status: entry.status, self_registered: false, recorded_by: actor.actorPersonId },
      });
    }
    await recordAudits(trx, actor, audits);
    return done({ changed: audits.length });
  });
}

/** Add to the register, with their attendance, someone of the council who was not invited. */
export async function addAttendee(
  db: Db,
  sessionId: number,
  input: AttendanceEntry,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome<{ name: string }>> {
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenSession(trx, sessionId, now, 'personId');
    if (!open.ok) return open;
    const person = await findPerson(trx, input.personId);
    const ofCouncil =
      person?.authorityId === open.value.authorityId ||
      person?.parentAuthorityId === open.value.authorityId;
    if (
      !person ||
      !ofCouncil ||
      person.kind === 'independent-person' ||
      person.kind === 'facilitator'
    )
      return refuse('personId', 'Choose someone of this council or one of its parishes');
    const roster = await listRoster(trx, sessionId);
    if (roster.some((r) => r.personId === input.personId))
      return refuse('personId', 'That person is already on the register: mark them in the list');
    await saveAttendance(trx, {
      sessionId,
      personId: input.personId,
      status: input.status,
      selfRegistered: false,
      recordedBy: actor.actorPersonId,
    });
    await recordAudit(trx, {
      ...actor,
      entity: 'attendance',
      entityId: entityId(sessionId, input.personId),
      action: 'added',
      after: { status: input.status, invited: false, recorded_by: actor.actorPersonId },
    });
    return done({ name: `${person.givenName} ${person.familyName}` });
  });
}

/** Give the session a new attendance code (any earlier one stops working). */
export async function regenerateCode(
  db: Db,
  sessionId: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome<{ code: string }>> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session) return refuse('code', 'This session no longer exists');
    if (session.status === 'cancelled')
      return refuse('code', 'This session was cancelled, so it needs no attendance code');
    let code = newAttendanceCode();
    while (await codeInUse(trx, code, sessionId, now)) code = newAttendanceCode();
    await setAttendanceCode(trx, sessionId, code);
    await recordAudit(trx, {
      ...actor,
      entity: 'training_session',
      entityId: sessionId,
      action: session.attendanceCode ? 'attendance-code-regenerated' : 'attendance-code-created',
      before: { attendance_code: session.attendanceCode },
      after: { attendance_code: code },
    });
    return done({ code });
  });
}

export interface SelfRegistration {
  session: SessionRow;
  /** what was already recorded, when it was (then nothing changes) */
  already: AttendanceStatus | null;
}

/**
 * A signed-in person registers their own attendance with the code the facilitator shows,
 * while the session is on (give or take half an hour). What a facilitator already recorded
 * for them stands.
 */
export async function registerWithCode(
  db: Db,
  code: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome<SelfRegistration>> {
  const candidates = await findSessionsByCode(db, code);
  if (candidates.length === 0)
    return refuse('code', 'That code does not match a session: check it and type it again');
  const current = candidates.find((s) => {
    const window = attendanceWindow(s);
    return window !== null && window.opens <= now && now <= window.closes;
  });
  if (!current) {
    const window = attendanceWindow(candidates[0]!);
    const when = window
      ? ` (for this session, from ${formatDateTime(window.opens)} to ${formatDateTime(window.closes)})`
      : '';
    return refuse(
      'code',
      `That code works only from half an hour before the session starts until half an hour after it ends${when}`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, current.id);
    if (!session || session.status === 'cancelled')
      return refuse('code', 'That code does not match a session: check it and type it again');
    const existing = (await listAttendance(trx, session.id)).find(
      (r) => r.personId === actor.actorPersonId,
    );
    if (existing) return done({ session, already: existing.status });
    await saveAttendance(trx, {
      sessionId: session.id,
      personId: actor.actorPersonId,
      status: 'attended',
      selfRegistered: true,
      recordedBy: actor.actorPersonId,
    });
    await recordAudit(trx, {
      ...actor,
      entity: 'attendance',
      entityId: entityId(session.id, actor.actorPersonId),
      action: 'self-registered',
      after: { status: 'attended', self_registered: true },
    });
    return done({ session, already: null });
  });
}

export const statusLabel = (status: AttendanceStatus) => STATUSES[status];
