import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { SCENARIO_TOPICS, idsNeedingReview } from '../features/learning/index.js';
import { authorityIdOf } from '../features/code-of-conduct/testing.js';
import { loadDemoCouncil } from './demo.js';
import { DEMO_SCENARIO_ANCHORS, seedDemoScenarios } from './demo-scenarios.js';

let database: TestDatabase;
let db: Db;
let city: number;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await loadDemoCouncil(db);
  city = await authorityIdOf(db, 'demo-city');
});
after(() => database.drop());

test('the demo scenarios: at least twelve, published, covering every topic, every anchor linked, with choices', async () => {
  // the demo seed may already have called it: either way, once only
  await seedDemoScenarios(db, city);
  assert.deepEqual(await seedDemoScenarios(db, city), [], 'a second run adds nothing');
  const rows = await db
    .selectFrom('scenarios')
    .select(['id', 'title', 'topics', 'status', 'next_step_kind'])
    .where('authority_id', '=', city)
    .execute();
  const ids = rows.map((r) => r.id);
  assert.equal(rows.length, DEMO_SCENARIO_ANCHORS.size);
  assert.ok(rows.length >= 12);
  assert.ok(rows.every((r) => r.status === 'published'));
  const topics = new Set(rows.flatMap((r) => r.topics));
  assert.deepEqual([...topics].sort(), SCENARIO_TOPICS.map((t) => t.value).sort());
  for (const row of rows) {
    const links = await db
      .selectFrom('scenario_paragraphs')
      .select('anchor')
      .where('scenario_id', '=', row.id)
      .execute();
    assert.deepEqual(
      links.map((l) => l.anchor).sort(),
      [...DEMO_SCENARIO_ANCHORS.get(row.title)!].sort(),
      `${row.title}: every anchor is in the code in force`,
    );
    if (row.next_step_kind === 'choice') {
      const choices = await db
        .selectFrom('scenario_choices')
        .select(['correct', 'feedback'])
        .where('scenario_id', '=', row.id)
        .execute();
      assert.ok(choices.length >= 2 && choices.some((c) => c.correct), row.title);
      assert.ok(
        choices.every((c) => c.feedback.length > 0),
        row.title,
      );
    }
  }
  assert.equal((await idsNeedingReview(db, city, 'scenario_paragraphs', ids)).size, 0);
});

test('two published sets, the first counting towards the code of conduct course', async () => {
  const sets = await db
    .selectFrom('scenario_sets as s')
    .leftJoin('courses as c', 'c.id', 's.counts_towards_course_id')
    .select(['s.id', 's.title', 's.published', 'c.title as course', 'c.topic'])
    .where('s.authority_id', '=', city)
    .orderBy('s.id')
    .execute();
  assert.deepEqual(
    sets.map((s) => [s.title, s.published, s.course]),
    [
      ['Code of conduct essentials', true, 'Our code of conduct, for each political group'],
      ['Officers, online and in public', true, null],
    ],
  );
  const items = await db
    .selectFrom('scenario_set_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(
      'set_id',
      'in',
      sets.map((s) => s.id),
    )
    .executeTakeFirstOrThrow();
  assert.equal(Number(items.n), 14);
});
