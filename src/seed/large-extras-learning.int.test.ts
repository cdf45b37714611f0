import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { findLearningTargets } from '../bench/pages-learning.js';
import { LARGE_ACCOUNTS, LARGE_SLUG, generateLargeDataset } from './large.js';
import { writeLargeLearningExtras } from './large-extras-learning.js';

/** A small large council: the shape does not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let database: TestDatabase;
let db: Db;
let authorityId: number;
let councillorId: number;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await generateLargeDataset(db, OPTIONS);
  ({ id: authorityId } = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', LARGE_SLUG)
    .executeTakeFirstOrThrow());
  ({ id: councillorId } = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', LARGE_ACCOUNTS.councillor)
    .executeTakeFirstOrThrow());
});
after(() => database.drop());

const unsent = async () => {
  const { rows } = await sql<{ session_id: number; answers: number }>`
    select r.session_id, (select count(*)::int from evaluation_answers a
                           where a.response_id = r.id) as answers
      from evaluation_responses r
     where r.person_id = ${councillorId} and r.submitted_at is null`.execute(db);
  return rows;
};

test('the councillor the benchmark signs in as has a scenario answered and an evaluation unsent', async () => {
  const targets = await findLearningTargets(db);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from self_study_answers
     where person_id = ${councillorId} and set_id = ${targets.studySetId}
       and scenario_id = ${targets.answeredScenarioId}`.execute(db);
  assert.equal(rows[0]?.n, 1);
  const started = await unsent();
  assert.ok(started.some((r) => r.session_id === targets.evaluationSessionId && r.answers > 0));
});

test('with every evaluation sent, the councillor is found present at a session they were asked to', async () => {
  await db.transaction().execute(async (trx) => {
    await sql`update evaluation_responses set submitted_at = now()
               where person_id = ${councillorId} and submitted_at is null`.execute(trx);
    await sql`update attendance set status = 'absent'
               where person_id = ${councillorId}
                 and status in ('attended', 'late', 'left-early')
                 and not exists (select 1 from evaluation_responses r
                                  where r.session_id = attendance.session_id
                                    and r.person_id = attendance.person_id)`.execute(trx);
    const counts = await writeLargeLearningExtras(trx, authorityId);
    assert.equal(counts['self-study answers for the councillor'], 0);
    assert.equal(counts['unfinished evaluations for the councillor'], 1);
  });
  assert.equal((await unsent()).length, 1);
  await findLearningTargets(db);
});
