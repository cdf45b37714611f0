import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { loadDemoCouncil } from './demo.js';

let database: TestDatabase;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await loadDemoCouncil(db);
});
after(() => database.drop());

const sessions = () =>
  db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      's.id',
      's.status',
      's.starts_at',
      's.complements_session_id',
      'c.topic',
      'g.name as group',
    ])
    .orderBy('s.id')
    .execute();

test('the seed programme: induction, planning, a code session per group, all members and officers', async () => {
  const programme = await db
    .selectFrom('programmes')
    .selectAll()
    .where('title', '=', 'Member Development Programme 2026/27')
    .executeTakeFirstOrThrow();
  assert.equal(programme.status, 'running');
  assert.equal(programme.ends_on, '2027-05-19', 'it runs until May, a municipal year');
  const courses = await db
    .selectFrom('courses')
    .selectAll()
    .where('programme_id', '=', programme.id)
    .orderBy('position')
    .execute();
  assert.deepEqual(
    courses.map((c) => [c.topic, c.audience, c.mandatory]),
    [
      ['induction', 'all-members', true],
      ['planning', 'committee', true],
      ['code-of-conduct', 'political-group', true],
      ['local-decision-making', 'all-members', false],
      ['member-officer-relations', 'officers', false],
    ],
  );
  const code = courses.find((c) => c.topic === 'code-of-conduct')!;
  assert.equal(code.duration_minutes, 90);
  assert.equal(code.provider, 'Local Government Association');

  const all = await sessions();
  const groups = await db
    .selectFrom('organisations')
    .select('name')
    .where('classification', '=', 'political-group')
    .execute();
  const codeSessions = all.filter((s) => s.topic === 'code-of-conduct');
  assert.deepEqual(
    codeSessions.map((s) => s.group).sort(),
    groups.map((g) => g.name).sort(),
    'one code of conduct session for each political group',
  );
  const officers = all.find((s) => s.topic === 'member-officer-relations')!;
  const members = all.find((s) => s.topic === 'local-decision-making')!;
  assert.equal(officers.complements_session_id, members.id, "the officers' matching session");
  const repeat = all.filter((s) => s.topic === 'local-decision-making' && s.status === 'planned');
  assert.equal(repeat.length, 1, 'a second all-members evening, dated but not confirmed yet');
  assert.ok(repeat[0]!.starts_at);
});

test("the demo whip's group has two dates waiting for the whip; another whip accepted one", async () => {
  const whip = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'whip@demo-city.example')
    .executeTakeFirstOrThrow();
  const proposals = await db
    .selectFrom('session_date_proposals as p')
    .innerJoin('training_sessions as s', 's.id', 'p.session_id')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.organisation_id', '=', 's.group_id').on('m.role', '=', 'whip'),
    )
    .select(['p.status', 'm.person_id as whip', 's.status as session'])
    .execute();
  const mine = proposals.filter((p) => p.whip === whip.id);
  assert.deepEqual(
    mine.map((p) => p.status),
    ['open', 'open'],
  );
  assert.ok(
    mine.every((p) => p.session === 'planned'),
    'nothing confirmed without the whip',
  );
  assert.ok(proposals.some((p) => p.whip !== whip.id && p.status === 'accepted'));
});

test('held sessions have attendance, kept apart from invitations; confirmed ones have invitations', async () => {
  for (const s of await sessions()) {
    const invited = await db
      .selectFrom('session_invitations')
      .select(['person_id', 'required'])
      .where('session_id', '=', s.id)
      .execute();
    const attendance = await db
      .selectFrom('attendance')
      .select(['status'])
      .where('session_id', '=', s.id)
      .execute();
    if (s.status === 'planned') {
      assert.equal(invited.length, 0, 'a planned session invites nobody yet');
    } else {
      assert.ok(invited.length > 0, `session ${s.id} (${s.topic}) has invitations`);
    }
    if (s.status === 'held') {
      assert.equal(attendance.length, invited.length);
      const came = attendance.filter((a) => ['attended', 'late', 'left-early'].includes(a.status));
      assert.ok(came.length > 0 && came.length < attendance.length, 'most, not all, came');
    } else {
      assert.equal(attendance.length, 0, 'no attendance before a session is held');
    }
  }
});

test('topic proposals, a standards meeting with the whips, and two compliance rules', async () => {
  const topics = await db.selectFrom('topic_proposals').select(['status']).orderBy('id').execute();
  assert.deepEqual(
    topics.map((t) => t.status),
    ['open', 'merged'],
  );
  const attendees = await db.selectFrom('liaison_meeting_attendees').select('person_id').execute();
  assert.equal(attendees.length, 6, 'the Monitoring Officer and the five whips');
  const rules = await db
    .selectFrom('compliance_rules')
    .select(['topic', 'kind'])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    rules.map((r) => [r.topic, r.kind]),
    [
      ['code-of-conduct', 'within-months'],
      ['planning', 'before-sitting'],
    ],
  );
});

test("next year's programme is a draft that the December committee report asks the committee to approve", async () => {
  const next = await db
    .selectFrom('programmes')
    .selectAll()
    .where('title', '=', 'Member Development Training Programme 2027/28')
    .executeTakeFirstOrThrow();
  assert.equal(next.status, 'draft');
  const linked = await db
    .selectFrom('report_recommendations as r')
    .innerJoin('reports as rep', 'rep.id', 'r.report_id')
    .select(['rep.status', 'r.position', 'r.code_version_id'])
    .where('r.programme_id', '=', next.id)
    .execute();
  assert.deepEqual(linked, [{ status: 'draft', position: 1, code_version_id: null }]);
  const courses = await db
    .selectFrom('courses')
    .select('audience')
    .where('programme_id', '=', next.id)
    .execute();
  assert.equal(courses.length, 4);
});
