import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { loadDemoCouncil } from './demo.js';
import { seedDemoEvaluations } from './demo-evaluations.js';
import { pendingEvaluations } from '../features/evaluations/index.js';

let database: TestDatabase;
let db: Db;
let authorityId: number;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await loadDemoCouncil(db);
  authorityId = (
    await db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow()
  ).id;
  // The lead may already call it from the demo seed; otherwise it is called here.
  const asked = await db.selectFrom('evaluation_questions').select('id').executeTakeFirst();
  if (!asked) await db.transaction().execute((trx) => seedDemoEvaluations(trx, authorityId));
});
after(() => database.drop());

test('every demo course asks questions, and held sessions have sent evaluations', async () => {
  const courses = await db
    .selectFrom('courses as c')
    .select((eb) => [
      'c.title',
      eb
        .selectFrom('evaluation_questions as q')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('q.course_id', '=', 'c.id')
        .as('questions'),
    ])
    .execute();
  assert.ok(courses.length >= 5);
  for (const c of courses) assert.ok(Number(c.questions) >= 5, c.title);

  const sent = await db
    .selectFrom('evaluation_responses as r')
    .innerJoin('attendance as a', (j) =>
      j.onRef('a.session_id', '=', 'r.session_id').onRef('a.person_id', '=', 'r.person_id'),
    )
    .select(['a.status', 'r.submitted_at'])
    .execute();
  assert.ok(sent.length > 20, String(sent.length));
  assert.ok(sent.every((s) => ['attended', 'late', 'left-early'].includes(s.status)));
  assert.ok(sent.every((s) => s.submitted_at !== null));
  const texts = await db
    .selectFrom('evaluation_answers')
    .select('text')
    .where('text', 'is not', null)
    .execute();
  assert.ok(texts.length > 5);
});

test('the demo accounts have not evaluated their sessions, so theirs are waiting', async () => {
  const accounts = await db
    .selectFrom('credentials as cr')
    .innerJoin('attendance as a', 'a.person_id', 'cr.person_id')
    .innerJoin('evaluation_responses as r', (j) =>
      j.onRef('r.session_id', '=', 'a.session_id').onRef('r.person_id', '=', 'a.person_id'),
    )
    .select('cr.person_id')
    .execute();
  assert.deepEqual(accounts, []);
  const councillor = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'councillor@demo-city.example')
    .executeTakeFirstOrThrow();
  const held = await db
    .selectFrom('attendance')
    .select('session_id')
    .where('person_id', '=', councillor.id)
    .where('status', 'in', ['attended', 'late', 'left-early'])
    .execute();
  // Sessions stay open for evaluation for six months after they end.
  const soon = new Date('2026-11-22T12:00:00Z');
  const pending = await pendingEvaluations(db, councillor.id, soon);
  assert.ok(held.length > 0, 'the demo councillor came to a held session');
  assert.ok(pending.length > 0, JSON.stringify({ held, pending }));
});
