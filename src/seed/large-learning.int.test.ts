import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { paragraphDigest } from '../features/learning/paragraphs.js';
import { LARGE_SLUG, generateLargeDataset } from './large.js';
import { ensureLargeLearning } from './large-learning.js';

/** A small large council: the shape does not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let database: TestDatabase;
let db: Db;
let authorityId: number;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await generateLargeDataset(db, OPTIONS);
  ({ id: authorityId } = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', LARGE_SLUG)
    .executeTakeFirstOrThrow());
});
after(() => database.drop());

test('every course carries the plan of its topic, and every agenda adds up to its plan', async () => {
  const { rows: courses } = await sql<{ topic: string; plan: string | null }>`
    select c.topic, w.title as plan from courses c
      join programmes p on p.id = c.programme_id
      left join workshop_plans w on w.id = c.workshop_plan_id
     where p.authority_id = ${authorityId}`.execute(db);
  assert.ok(courses.length > 0);
  assert.ok(courses.every((c) => c.plan !== null));
  assert.equal(new Set(courses.map((c) => c.plan)).size, new Set(courses.map((c) => c.topic)).size);
  const { rows: plans } = await sql<{ duration: number; total: number; examples: number }>`
    select w.duration_minutes as duration,
           (select sum(minutes) from workshop_agenda_items where plan_id = w.id)::int as total,
           (select count(*) from workshop_examples where plan_id = w.id)::int as examples
      from workshop_plans w where w.authority_id = ${authorityId}`.execute(db);
  assert.equal(plans.length, 11);
  for (const plan of plans) {
    assert.equal(plan.total, plan.duration);
    assert.equal(plan.examples, 6);
  }
});

test('links to the code start current: their digests are of the text in force', async () => {
  const links = await db
    .selectFrom('scenario_paragraphs as l')
    .innerJoin('code_items as i', (join) =>
      join.onRef('i.version_id', '=', 'l.code_version_id').onRef('i.lineage', '=', 'l.lineage'),
    )
    .innerJoin('code_versions as v', 'v.id', 'i.version_id')
    .select(['l.digest', 'i.heading', 'i.body', 'v.status'])
    .execute();
  assert.ok(links.length >= 240);
  for (const link of links) {
    assert.equal(link.status, 'in-force');
    assert.equal(link.digest, paragraphDigest(link));
  }
});

test('sets of twelve published scenarios, completed only by those who answered all twelve', async () => {
  const { rows: sets } = await sql<{ n: number; published: number }>`
    select count(*)::int as n, count(*) filter (where sc.status = 'published')::int as published
      from scenario_sets s join scenario_set_items i on i.set_id = s.id
      join scenarios sc on sc.id = i.scenario_id
     where s.authority_id = ${authorityId} group by s.id`.execute(db);
  assert.equal(sets.length, 12);
  assert.ok(sets.every((s) => s.n === 12 && s.published === 12));
  const { rows: wrong } = await sql<{ n: number }>`
    select count(*)::int as n from scenario_set_completions c
     where (select count(*) from self_study_answers a
             where a.set_id = c.set_id and a.person_id = c.person_id) <> 12`.execute(db);
  assert.equal(wrong[0]?.n, 0);
  const completions = await db
    .selectFrom('scenario_set_completions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.ok(Number(completions.n) > 0);
});

test('evaluations only from those who came, each answering every rating question', async () => {
  const { rows: strays } = await sql<{ n: number }>`
    select count(*)::int as n from evaluation_responses r
     where not exists (select 1 from attendance a where a.session_id = r.session_id
                         and a.person_id = r.person_id and a.evaluation_requested_at is not null
                         and a.status in ('attended', 'late', 'left-early'))`.execute(db);
  assert.equal(strays[0]?.n, 0);
  const { rows } = await sql<{ responses: number; short: number }>`
    select count(*)::int as responses,
           count(*) filter (where (select count(*) from evaluation_answers e
                                     join evaluation_questions q on q.id = e.question_id
                                    where e.response_id = r.id and q.kind = 'rating') <> 3)::int as short
      from evaluation_responses r`.execute(db);
  assert.ok((rows[0]?.responses ?? 0) > 0);
  assert.equal(rows[0]?.short, 0);
  assert.deepEqual(await ensureLargeLearning(db, LARGE_SLUG), { added: false });
});
