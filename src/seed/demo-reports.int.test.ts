import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { checkReadiness } from '../features/report-readiness/index.js';
import {
  clearanceSnapshot,
  loadReportDocument,
  snapshotDigest,
} from '../features/reports/index.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { loadDemoCouncil } from './demo.js';
import { ADOPTION_REPORT, DRAFT_REPORT } from './demo-reports-text.js';

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

async function reportId(title: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

const cityMeetings = () =>
  db
    .selectFrom('meetings as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select([
      'm.id',
      'o.name',
      'o.classification',
      'm.status',
      'm.starts_at',
      'm.agenda_published_at',
      'm.minutes_published_at',
    ])
    .where('a.slug', '=', 'demo-city')
    .orderBy('m.starts_at')
    .execute();

test('the city has its checklist, its own house-style words, two reports and six meetings', async () => {
  const types = await db
    .selectFrom('implication_types as t')
    .innerJoin('authorities as a', 'a.id', 't.authority_id')
    .select('t.key')
    .where('a.slug', '=', 'demo-city')
    .orderBy('t.position')
    .execute();
  assert.equal(types.length, 10);
  assert.deepEqual(
    types.slice(0, 3).map((t) => t.key),
    ['financial', 'legal', 'equality'],
  );
  const words = await db.selectFrom('house_style_words').select('pattern').execute();
  assert.ok(words.length >= 2 && words.length <= 3);

  const reports = await db
    .selectFrom('reports')
    .select(['title', 'status'])
    .orderBy('id')
    .execute();
  assert.deepEqual(reports, [
    { title: ADOPTION_REPORT.title, status: 'published' },
    { title: DRAFT_REPORT.title, status: 'draft' },
  ]);

  const meetings = await cityMeetings();
  assert.deepEqual(
    meetings.map((m) => [m.classification, m.status, m.starts_at.toISOString().slice(0, 10)]),
    [
      ['committee', 'held', '2021-03-25'],
      ['council', 'held', '2021-05-19'],
      ['committee', 'held', '2026-09-24'],
      ['committee', 'scheduled', '2026-12-03'],
      ['committee', 'scheduled', '2026-12-17'],
      ['council', 'scheduled', '2027-01-20'],
    ],
  );
  for (const held of meetings.filter((m) => m.status === 'held')) {
    assert.ok(
      held.agenda_published_at && held.minutes_published_at,
      'agenda and minutes published',
    );
  }
  // Of the meetings ahead only the Planning Committee's agenda is out.
  assert.deepEqual(
    meetings.filter((m) => m.status === 'scheduled').map((m) => m.agenda_published_at !== null),
    [true, false, false],
  );
});

test('code version 2 points at the committee’s and full Council’s resolutions', async () => {
  const version = await db
    .selectFrom('code_versions as v')
    .innerJoin('authorities as a', 'a.id', 'v.authority_id')
    .select([
      'v.agreed_resolution_id',
      'v.adopted_resolution_id',
      'v.agreed_minute',
      'v.adopted_minute',
    ])
    .where('a.slug', '=', 'demo-city')
    .where('v.number', '=', 2)
    .executeTakeFirstOrThrow();
  const resolution = (id: number | null) =>
    db
      .selectFrom('resolutions as r')
      .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('report_recommendations as rec', 'rec.id', 'r.recommendation_id')
      .innerJoin('code_versions as v', 'v.id', 'rec.code_version_id')
      .select(['r.outcome', 'r.minute_reference', 'o.classification', 'i.position', 'v.number'])
      .where('r.id', '=', id ?? -1)
      .executeTakeFirstOrThrow();
  const agreed = await resolution(version.agreed_resolution_id);
  assert.deepEqual(agreed, {
    outcome: 'agreed',
    minute_reference: version.agreed_minute,
    classification: 'committee',
    position: 6,
    number: 2,
  });
  const adopted = await resolution(version.adopted_resolution_id);
  assert.equal(adopted.outcome, 'agreed');
  assert.equal(adopted.minute_reference, version.adopted_minute);
  assert.equal(adopted.classification, 'council');
  assert.equal(adopted.number, 2);
});

test('the 2021 committee meeting has attendance and one declaration on the report’s item', async () => {
  const [committee] = await cityMeetings();
  const present = await db
    .selectFrom('meeting_attendance')
    .select('status')
    .where('meeting_id', '=', committee!.id)
    .execute();
  assert.ok(present.filter((p) => p.status === 'present').length >= 5);
  const declarations = await db
    .selectFrom('meeting_declarations as d')
    .innerJoin('agenda_items as i', 'i.id', 'd.agenda_item_id')
    .select(['i.report_id'])
    .where('d.meeting_id', '=', committee!.id)
    .execute();
  assert.deepEqual(declarations, [{ report_id: await reportId(ADOPTION_REPORT.title) }]);
});

test('the 2021 report is ready: all answered, cleared and not stale', async () => {
  const id = await reportId(ADOPTION_REPORT.title);
  const doc = await loadReportDocument(db, id);
  assert.ok(doc);
  assert.ok(doc.implications.every((i) => i.answer !== null));
  const clearances = await db
    .selectFrom('clearances as c')
    .innerJoin('report_implications as ri', 'ri.id', 'c.report_implication_id')
    .select(['c.status', 'c.snapshot_digest', 'ri.id as implicationId'])
    .where('ri.report_id', '=', id)
    .execute();
  assert.equal(clearances.length, 3);
  for (const c of clearances) {
    assert.equal(c.status, 'cleared');
    assert.equal(c.snapshot_digest, snapshotDigest(clearanceSnapshot(doc, c.implicationId)!));
  }
  assert.deepEqual(await checkReadiness(db, id), []);
});

test('the draft’s readiness check lists what is left to do', async () => {
  const id = await reportId(DRAFT_REPORT.title);
  const problems = await checkReadiness(db, id);
  const rules = problems.map((p) => p.rule);
  const messages = problems.map((p) => p.message).join('\n');
  assert.ok(rules.includes('implication-unanswered'));
  assert.match(messages, /Property implications: answer yes or no/);
  assert.equal(rules.filter((r) => r === 'clearance-pending').length, 2);
  assert.match(messages, /Legal implications: waiting for the officer/);
  assert.match(messages, /Paragraph 2\.2: fill in “\(October\/November 2025\?\)”/);
  assert.match(messages, /Human rights implications: statement: fill in “YES\/NO”/);
  assert.match(messages, /Paragraph 4\.2 does not say the same as recommendation 2/);
  assert.doesNotMatch(messages, /Paragraph 4\.1 does not say/);
  assert.match(messages, /Paragraph 1\.2: “best practise”/);
  assert.match(messages, /Paragraph 3\.2\.5: “complimentary training”/);
  assert.ok(!rules.includes('clearance-stale'), 'the equality clearance is of the draft as it is');
  assert.ok(!rules.includes('numbering'));

  const body = await db
    .selectFrom('report_items')
    .select('number')
    .where('report_id', '=', id)
    .orderBy('position')
    .execute();
  assert.deepEqual(
    body.map((b) => b.number),
    ['1.0', '1.1', '1.2', '2.0', '2.1', '2.2', '2.3', '3.0', '3.1', '3.2', '3.2.1', '3.2.2',
      '3.2.3', '3.2.4', '3.2.5', '3.2.6', '4.0', '4.1', '4.2'], // prettier-ignore
  );
  const recommendation = await db
    .selectFrom('report_recommendations as r')
    .innerJoin('code_versions as v', 'v.id', 'r.code_version_id')
    .select(['r.position', 'v.number', 'v.status'])
    .where('r.report_id', '=', id)
    .execute();
  assert.deepEqual(recommendation, [{ position: 0, number: 3, status: 'consultation' }]);
  const onAgenda = await db
    .selectFrom('agenda_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['m.status', 'm.agenda_published_at'])
    .where('i.report_id', '=', id)
    .execute();
  assert.deepEqual(onAgenda, [{ status: 'scheduled', agenda_published_at: null }]);
});

test('the demo officer has a clearance waiting for them', async () => {
  const waiting = await db
    .selectFrom('clearances as c')
    .innerJoin('people as p', 'p.id', 'c.officer_id')
    .innerJoin('report_implications as ri', 'ri.id', 'c.report_implication_id')
    .innerJoin('reports as r', 'r.id', 'ri.report_id')
    .select(['r.title', 'r.status'])
    .where('p.email', '=', 'officer@demo-city.example')
    .where('c.status', '=', 'pending')
    .execute();
  assert.deepEqual(waiting, [{ title: DRAFT_REPORT.title, status: 'draft' }]);
});
