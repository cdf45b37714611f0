import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import {
  findVersionByNumber,
  listItems,
  listSigners,
  type CodeItem,
  type CodeVersion,
} from '../features/code-of-conduct/index.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { loadDemoCouncil } from './demo.js';

let database: TestDatabase;
let db: Db;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await loadDemoCouncil(db);
});

after(async () => {
  await database.drop();
});

async function version(slug: string, number: number): Promise<CodeVersion> {
  const found = await findVersionByNumber(db, slug, number);
  assert.ok(found, `${slug} has a version ${number}`);
  return found;
}

const paragraphs = (items: CodeItem[]) => items.filter((i) => i.kind === 'paragraph');
const byNumber = (items: CodeItem[], number: string) => {
  const item = items.find((i) => i.number === number);
  assert.ok(item, `an item numbered ${number}`);
  return item;
};

test('one version in force for each council that has adopted a code, none for Elderby-on-Wend', async () => {
  const rows = await db
    .selectFrom('authorities as a')
    .leftJoin('code_versions as v', (join) =>
      join.onRef('v.authority_id', '=', 'a.id').on('v.status', '=', 'in-force'),
    )
    .select(['a.slug', (eb) => eb.fn.count<number>('v.id').as('inForce')])
    .groupBy('a.slug')
    .orderBy('a.slug')
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.slug, Number(r.inForce)]),
    [
      ['demo-city', 1],
      ['elderby-on-wend', 0],
      ['hollinbrook', 1],
      ['marstow', 1],
    ],
  );
  const elderby = await db
    .selectFrom('code_versions as v')
    .innerJoin('authorities as a', 'a.id', 'v.authority_id')
    .select('v.id')
    .where('a.slug', '=', 'elderby-on-wend')
    .execute();
  assert.deepEqual(elderby, [], 'Elderby-on-Wend has no code at all');
});

test("Demo City's versions: the 2020 code superseded, the 2021 code in force, a draft out for consultation", async () => {
  const [first, second, third] = await Promise.all([1, 2, 3].map((n) => version('demo-city', n)));
  assert.ok(first && second && third);
  assert.equal(first.status, 'superseded');
  assert.equal(first.superseded_on, '2021-05-19');
  assert.equal(second.status, 'in-force');
  assert.equal(second.agreed_on, '2021-03-25');
  assert.equal(second.adopted_on, '2021-05-19');
  assert.equal(second.in_force_from, '2021-05-19');
  assert.ok(second.agreed_minute && second.adopted_minute);
  const committee = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', second.agreed_by_organisation_id ?? 0)
    .executeTakeFirstOrThrow();
  assert.equal(committee.name, 'Audit and Standards Committee');
  assert.equal(third.status, 'consultation');
  const comments = await db
    .selectFrom('code_consultation_comments')
    .select('comment')
    .where('version_id', '=', third.id)
    .execute();
  assert.equal(comments.length, 2);
});

test('the code in force has the model obligations as sections 1 to 10 and appendices A to D', async () => {
  const items = await listItems(db, (await version('demo-city', 2)).id);
  const headings = items
    .filter((i) => i.kind !== 'paragraph')
    .map((i) => `${i.number} ${i.heading}`);
  assert.deepEqual(headings, [
    '1 Respect',
    '2 Bullying, harassment and discrimination',
    '3 Impartiality of officers',
    '4 Confidentiality and access to information',
    '5 Disrepute',
    '6 Use of position',
    '7 Use of council resources and facilities',
    '8 Complying with the code of conduct',
    '9 Interests',
    '10 Gifts and hospitality',
    'A The seven principles of public life',
    'B Registering interests',
    'C The Committee on Standards in Public Life',
    'D Introduction, definitions and when this code applies',
  ]);
  assert.match(byNumber(items, '8.1').body ?? '', /training/);
  assert.ok(items.length >= 60 && items.length <= 80, `${items.length} items`);
  assert.ok(
    items.some((i) => i.depth === 2),
    'some sub-paragraphs, such as 2.2(a)',
  );
  const principles = paragraphs(items).filter((i) => i.number.startsWith('A.'));
  assert.deepEqual(
    principles.map((p) => p.body?.split(':')[0]),
    ['Selflessness', 'Integrity', 'Objectivity', 'Accountability', 'Openness', 'Honesty', 'Leadership'],
  ); // prettier-ignore
});

test('local additions, including the £10 gifts threshold instead of the model £50', async () => {
  const current = await version('demo-city', 2);
  assert.equal(current.gifts_threshold_pence, 1000);
  assert.equal(current.gifts_registration_days, 28);
  const items = await listItems(db, current.id);
  const local = items.filter((i) => i.origin === 'local');
  assert.ok(local.length >= 5 && local.length <= 8, `${local.length} local additions`);
  assert.ok(local.every((i) => i.kind === 'paragraph'));
  const threshold = byNumber(items, '10.2');
  assert.equal(threshold.origin, 'local');
  assert.match(threshold.body ?? '', /£10 or more/);
  assert.match(threshold.body ?? '', /28 days/);
  assert.ok(
    local.some((i) => /contract/.test(i.body ?? '')),
    'hospitality from bidders',
  );
  assert.ok(
    local.some((i) => /social media/.test(i.body ?? '')),
    'social media',
  );
  assert.ok(
    local.some((i) => /induction/.test(i.body ?? '')),
    'induction',
  );
});

test('version 2 shares lineage with version 1 for the paragraphs it carried over', async () => {
  const [first, second] = await Promise.all([1, 2].map((n) => version('demo-city', n)));
  const before = paragraphs(await listItems(db, first!.id));
  const afterwards = paragraphs(await listItems(db, second!.id));
  const lineages = new Map(afterwards.map((i) => [i.lineage, i]));
  const carried = before.filter((i) => lineages.has(i.lineage));
  assert.ok(carried.length >= 20, `${carried.length} carried over`);
  assert.ok(before.length - carried.length >= 1, 'some paragraphs were dropped');
  const reworded = carried.filter((i) => lineages.get(i.lineage)?.body !== i.body);
  const moved = carried.filter(
    (i) => i.number.split('.')[0] !== lineages.get(i.lineage)?.number.split('.')[0],
  );
  assert.ok(reworded.length >= 5, `${reworded.length} reworded`);
  assert.ok(moved.length >= 2, `${moved.length} moved to another section`);
  assert.ok(
    carried.some((i) => i.origin !== lineages.get(i.lineage)?.origin),
    'one paragraph changed from local addition to model text',
  );
  assert.equal(
    new Set(afterwards.map((i) => i.lineage)).size,
    afterwards.length,
    'no two paragraphs of a version share a lineage',
  );
});

test('the parishes: Hollinbrook copied the city code with a £25 threshold, Marstow the model code', async () => {
  const hollinbrook = await version('hollinbrook', 1);
  assert.equal(hollinbrook.status, 'in-force');
  assert.equal(hollinbrook.gifts_threshold_pence, 2500);
  const copied = await listItems(db, hollinbrook.id);
  assert.match(byNumber(copied, '10.2').body ?? '', /£25 or more/);
  const city = await listItems(db, (await version('demo-city', 2)).id);
  assert.deepEqual(
    copied.map((i) => i.lineage),
    city.map((i) => i.lineage),
  );
  const marstow = await version('marstow', 1);
  assert.equal(marstow.gifts_threshold_pence, 5000);
  const own = await listItems(db, marstow.id);
  assert.ok(own.every((i) => i.origin === 'model'));
  assert.match(byNumber(own, '10.2').body ?? '', /£50 or more/);
  assert.equal(byNumber(own, '8').heading, 'Complying with the code of conduct');
});

test('most members have signed the code in force; the demo councillor and whip have not', async () => {
  const current = await version('demo-city', 2);
  const signers = await listSigners(db, current.authority_id, todayInEngland(), false);
  const signOffs = await db
    .selectFrom('code_sign_offs')
    .select(['person_id', 'method', 'recorded_by', 'signed_on'])
    .where('version_id', '=', current.id)
    .execute();
  const signed = new Set(signOffs.map((s) => s.person_id));
  const signedSigners = signers.filter((s) => signed.has(s.personId));
  assert.equal(signedSigners.length, signOffs.length, 'only people who must sign have signed');
  assert.ok(signOffs.length >= signers.length * 0.85, `${signOffs.length} of ${signers.length}`);
  assert.ok(signOffs.length < signers.length, 'some are outstanding');
  for (const email of ['councillor@demo-city.example', 'whip@demo-city.example']) {
    const signer = signers.find((s) => s.email === email);
    assert.ok(signer, `${email} must sign`);
    assert.equal(signed.has(signer.personId), false, `${email} has not signed`);
  }
  const paper = signOffs.filter((s) => s.method === 'paper');
  assert.ok(paper.length > 0 && paper.length < signOffs.length / 2);
  const officer = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'democratic.services@demo-city.example')
    .executeTakeFirstOrThrow();
  assert.ok(paper.every((s) => s.recorded_by === officer.id));
  assert.ok(signOffs.every((s) => s.signed_on >= '2021-05-19' && s.signed_on <= todayInEngland()));
});

test("the city's last annual review was more than eleven months ago, so a review is due", async () => {
  const reviews = await db
    .selectFrom('code_reviews as r')
    .innerJoin('authorities as a', 'a.id', 'r.authority_id')
    .select(['a.slug', 'r.reviewed_on', 'r.outcome'])
    .orderBy('a.slug')
    .execute();
  assert.deepEqual(reviews, [
    { slug: 'demo-city', reviewed_on: '2025-10-15', outcome: 'no-change' },
    { slug: 'hollinbrook', reviewed_on: '2026-06-02', outcome: 'no-change' },
    { slug: 'marstow', reviewed_on: '2026-07-14', outcome: 'no-change' },
  ]);
  const elevenMonthsAgo = new Date(`${todayInEngland()}T00:00:00Z`);
  elevenMonthsAgo.setUTCMonth(elevenMonthsAgo.getUTCMonth() - 11);
  assert.ok(reviews[0]!.reviewed_on < elevenMonthsAgo.toISOString().slice(0, 10));
});
