import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Insertable } from 'kysely';
import type { TrainingSessionsTable } from '../../db/schema.js';
import { inviteAudience } from '../member-development/index.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { createGroup, createPerson } from '../../testing/app.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';

let counter = 0;

/** A political group in the test council with members who can sign in, and a programme. */
export async function groupWithMembers(db: Db, size: number) {
  counter += 1;
  // The test council exists once someone is in it.
  await createPerson(db, { kind: 'officer' });
  const groupId = await createGroup(db, `Training Group ${counter}-${Date.now()}`);
  const { authority_id: authorityId } = await db
    .selectFrom('organisations')
    .select('authority_id')
    .where('id', '=', groupId)
    .executeTakeFirstOrThrow();
  const members: { personId: number; email: string; cookie: string }[] = [];
  for (let i = 0; i < size; i += 1) {
    const email = `trainee${counter}-${i}-${Date.now()}@test.example`;
    const personId = await createPerson(db, { kind: 'member', roles: ['member'], email });
    await db
      .insertInto('memberships')
      .values({ person_id: personId, organisation_id: groupId, start_date: '2024-05-01' })
      .execute();
    const token = await createSession(db, personId, { idleMinutes: 60, absoluteHours: 8 });
    members.push({ personId, email, cookie: `${SESSION_COOKIE}=${token}` });
  }
  const programmeId = await createProgramme(db, authorityId, {
    starts_on: '2026-05-20',
    ends_on: '2028-05-19',
  });
  return { groupId, authorityId, programmeId, members };
}

/** A course for political groups in a programme. */
export const groupCourse = (db: Db, programmeId: number, title: string, mandatory = true) =>
  createCourse(db, programmeId, {
    title,
    audience: 'political-group',
    mandatory,
    duration_minutes: 90,
  });

/** A session confirmed for a group at a time, with its audience invited, as a confirmation does. */
export async function confirmedSession(
  db: Db,
  courseId: number,
  groupId: number,
  startsAt: Date,
  values: Partial<Insertable<TrainingSessionsTable>> = {},
): Promise<number> {
  const id = await createTrainingSession(db, courseId, {
    group_id: groupId,
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 90 * 60_000),
    venue: 'Committee Room 2, Town Hall',
    status: 'confirmed',
    confirmed_at: new Date(),
    ...values,
  });
  await db.transaction().execute((trx) => inviteAudience(trx, id));
  return id;
}

/** A change to a confirmed session (new time or venue, or cancelled), raising its sequence. */
export async function changeSession(
  db: Db,
  id: number,
  values: Partial<Insertable<TrainingSessionsTable>>,
): Promise<void> {
  await db
    .updateTable('training_sessions')
    .set({ ...values, sequence: sql<number>`sequence + 1` })
    .where('id', '=', id)
    .execute();
}

/** Emails in the outbox to an address, oldest first, with their attachments' text. */
export async function emailsTo(db: Db, to: string) {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'subject', 'body_text'])
    .where('to_address', '=', to)
    .orderBy('id')
    .execute();
  const out = [];
  for (const row of rows) {
    const attachments = await db
      .selectFrom('outbox_attachments')
      .select(['file_name', 'content_type', 'content'])
      .where('outbox_id', '=', row.id)
      .orderBy('id')
      .execute();
    out.push({
      ...row,
      attachments: attachments.map((a) => ({
        fileName: a.file_name,
        contentType: a.content_type,
        text: a.content.toString('utf8'),
      })),
    });
  }
  return out;
}
