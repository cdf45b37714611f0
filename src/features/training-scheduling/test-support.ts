import type { Db } from '../../db/database.js';
import { createPerson, getForm, postForm, type TestApp } from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';

/** The test council's id (made by the first signed-in person). */
export async function testAuthorityId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'test-council')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The political group a whip (made by signInAs(['group-whip'])) whips. */
export async function groupOfWhip(db: Db, whipId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('person_id', '=', whipId)
    .where('role', '=', 'whip')
    .executeTakeFirstOrThrow();
  return row.organisation_id;
}

/** A member of a group, from the given day. */
export async function addGroupMember(db: Db, groupId: number, since = '2024-05-01') {
  const personId = await createPerson(db, { kind: 'member', roles: ['member'] });
  await db
    .insertInto('memberships')
    .values({ person_id: personId, organisation_id: groupId, role: 'member', start_date: since })
    .execute();
  return personId;
}

/** A running programme with a mandatory group course, and one planned session per group. */
export async function groupSessions(db: Db, authorityId: number, groupIds: number[]) {
  const programmeId = await createProgramme(db, authorityId, {
    status: 'running',
    approved_on: '2026-05-01',
    approval_reference: 'MO decision 2026/1',
  });
  const courseId = await createCourse(db, programmeId, {
    audience: 'political-group',
    mandatory: true,
    topic: 'code-of-conduct',
  });
  const sessionIds: number[] = [];
  for (const groupId of groupIds) {
    sessionIds.push(await createTrainingSession(db, courseId, { group_id: groupId }));
  }
  return { programmeId, courseId, sessionIds };
}

/** A day next year, so that proposals are always in the future. */
export const nextYear = () => new Date().getFullYear() + 1;

/** The date form's fields for 16 March next year, with times. */
export const dateFields = (start: string, end: string, note = '', day = '16', month = '3') => ({
  'date-day': day,
  'date-month': month,
  'date-year': String(nextYear()),
  startTime: start,
  endTime: end,
  note,
});

/** Requests and reads that the dates tests share. */
export function dateHelpers(t: TestApp, admin: { cookie: string }) {
  return {
    adminPropose: async (sessionId: number, fields: Record<string, string>) => {
      const form = await getForm(t.app, `/admin/sessions/${sessionId}/dates`, admin.cookie);
      return postForm(t.app, `/admin/sessions/${sessionId}/dates`, fields, form);
    },
    adminConfirm: async (sessionId: number, fields: Record<string, string>) => {
      const form = await getForm(t.app, `/admin/sessions/${sessionId}/dates`, admin.cookie);
      return postForm(t.app, `/admin/sessions/${sessionId}/dates/confirm`, fields, form);
    },
    proposals: (sessionId: number) =>
      t.db
        .selectFrom('session_date_proposals')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('id')
        .execute(),
    session: (id: number) =>
      t.db
        .selectFrom('training_sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    audits: (entity: string, entityId: number) =>
      t.db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_id', '=', String(entityId))
        .orderBy('id')
        .execute(),
    whipForm: (who: { cookie: string }, sessionId: number) =>
      getForm(t.app, `/group-training/sessions/${sessionId}`, who.cookie),
  };
}
