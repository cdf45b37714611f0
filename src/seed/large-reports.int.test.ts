import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { checkReadiness } from '../features/report-readiness/index.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { LARGE_SLUG, generateLargeDataset } from './large.js';
import { ensureLargeReports, LARGE_REPORT_TITLE } from './large-reports.js';

/** A small large council: the reports do not depend on the size, and this generates in seconds. */
const OPTIONS = { parishes: 4, members: 300, officers: 40, years: 1 };

let database: TestDatabase;
let db: Db;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await generateLargeDataset(db, OPTIONS);
});

after(async () => {
  await database.drop();
});

async function largeReport() {
  return db
    .selectFrom('reports as r')
    .innerJoin('authorities as a', 'a.id', 'r.authority_id')
    .select(['r.id', 'r.status'])
    .where('a.slug', '=', LARGE_SLUG)
    .where('r.title', '=', LARGE_REPORT_TITLE)
    .executeTakeFirstOrThrow();
}

test('the large council has a 60-paragraph draft, ready but for one clearance', async () => {
  const report = await largeReport();
  assert.equal(report.status, 'draft');
  const items = await db
    .selectFrom('report_items')
    .select(['depth', 'number'])
    .where('report_id', '=', report.id)
    .orderBy('position')
    .execute();
  assert.equal(items.filter((i) => i.depth > 0).length, 60);
  assert.equal(items.at(-1)?.number, '6.3');
  const problems = await checkReadiness(db, report.id);
  assert.deepEqual(
    problems.map((p) => [p.rule, p.message]),
    [
      [
        'clearance-pending',
        'Equality of opportunity implications: waiting for the officer to clear it',
      ],
    ],
  );
  const cleared = await db
    .selectFrom('clearances as c')
    .innerJoin('report_implications as ri', 'ri.id', 'c.report_implication_id')
    .select('c.status')
    .where('ri.report_id', '=', report.id)
    .where('c.status', '=', 'cleared')
    .execute();
  assert.equal(cleared.length, 2);
});

test('a few meetings: held ones published, the next committee has the draft on its agenda', async () => {
  const meetings = await db
    .selectFrom('meetings as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select(['m.id', 'm.status', 'm.agenda_published_at', 'm.minutes_published_at'])
    .where('a.slug', '=', LARGE_SLUG)
    .execute();
  assert.equal(meetings.length, 10);
  for (const m of meetings) {
    const held = m.status === 'held';
    assert.equal(m.agenda_published_at !== null, held);
    assert.equal(m.minutes_published_at !== null, held);
  }
  const { id } = await largeReport();
  const onAgenda = await db
    .selectFrom('agenda_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select('m.status')
    .where('i.report_id', '=', id)
    .execute();
  assert.deepEqual(onAgenda, [{ status: 'scheduled' }]);
});

test('ensureLargeReports adds nothing twice, and tops up a dataset made without reports', async () => {
  assert.deepEqual(await ensureLargeReports(db, LARGE_SLUG), { added: false });
  assert.deepEqual(await ensureLargeReports(db, 'no-such-council'), { added: false });

  // Take the reports and meetings away, as a dataset generated before them would be.
  await sql`
    delete from resolutions; delete from meeting_declarations; delete from meeting_attendance;
    delete from report_appendices; delete from report_files;
    delete from clearances where report_implication_id in (select id from report_implications);
    delete from report_implications; delete from report_items;
    delete from report_recommendations; delete from report_authors;
    delete from agenda_items; delete from meetings; delete from reports;
  `.execute(db);
  const added = await ensureLargeReports(db, LARGE_SLUG);
  assert.deepEqual(added, { added: true, reports: 1, paragraphs: 60, meetings: 10 });
  const types = await db
    .selectFrom('implication_types as t')
    .innerJoin('authorities as a', 'a.id', 't.authority_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.slug', '=', LARGE_SLUG)
    .executeTakeFirstOrThrow();
  assert.equal(Number(types.n), 10);
  const audit = await db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'large-dataset')
    .where('action', '=', 'reports-added')
    .execute();
  assert.equal(audit.length, 1);
  await largeReport();
});
