import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { linksForAnchors, linkableParagraphs } from '../features/learning/index.js';
import { loadDemoCouncil } from './demo.js';
import { DEMO_WORKSHOPS } from './demo-workshops.js';

let database: TestDatabase;
let db: Db;
let city: number;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await loadDemoCouncil(db);
  city = (
    await db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow()
  ).id;
});
after(() => database.drop());

test('four demo plans, each agenda adding up to its length', async () => {
  const plans = await db
    .selectFrom('workshop_plans as w')
    .select((eb) => [
      'w.title',
      'w.duration_minutes',
      eb
        .selectFrom('workshop_agenda_items as i')
        .select((e) => e.fn.sum<number>('i.minutes').as('t'))
        .whereRef('i.plan_id', '=', 'w.id')
        .as('total'),
    ])
    .where('w.authority_id', '=', city)
    .orderBy('w.id')
    .execute();
  assert.deepEqual(
    plans.map((p) => [p.title, p.duration_minutes, Number(p.total)]),
    [
      ['Standards and Probity for Elected Members', 120, 120],
      ['Effective Member/Officer Relations', 120, 120],
      ['Our code of conduct: a session for a political group', 90, 90],
      ['Deciding locally: making decisions at area committees', 90, 90],
    ],
  );
});

test('every anchor is a paragraph of the demo code in force, on the topic meant', async () => {
  for (const plan of DEMO_WORKSHOPS) {
    const { unknown } = await linksForAnchors(db, city, plan.anchors);
    assert.deepEqual(unknown, [], plan.title);
  }
  const { paragraphs } = await linkableParagraphs(db, city);
  const text = (anchor: string) => paragraphs.find((p) => p.anchor === anchor)?.text ?? '';
  assert.match(text('para-3-1'), /political neutrality/);
  assert.match(text('para-3-2'), /Protocol on Member and Officer Relations/);
  assert.match(text('para-10-2'), /register with the Monitoring Officer any gift/);
  assert.match(text('para-8-1'), /code of conduct training/);
  const linked = await db
    .selectFrom('workshop_paragraphs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(
    Number(linked.n),
    DEMO_WORKSHOPS.reduce((n, p) => n + p.anchors.length, 0),
  );
});

test('plans are attached to the demo courses with the closest titles', async () => {
  const courses = await db
    .selectFrom('courses as c')
    .innerJoin('workshop_plans as w', 'w.id', 'c.workshop_plan_id')
    .select(['c.title as course', 'w.title as plan'])
    .orderBy('c.title')
    .execute();
  assert.deepEqual(courses, [
    {
      course: 'Deciding locally: the new area committees',
      plan: 'Deciding locally: making decisions at area committees',
    },
    {
      course: 'Members and officers working well together',
      plan: 'Effective Member/Officer Relations',
    },
    {
      course: 'Our code of conduct, for each political group',
      plan: 'Our code of conduct: a session for a political group',
    },
  ]);
});
