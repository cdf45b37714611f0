import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createGroup, readUntilCached, type TestApp } from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import type { AttendanceStatus } from '../../db/schema.js';
import { complianceRows } from './repository.js';
import { createCodeVersion } from '../code-of-conduct/testing.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';

let t: TestApp;
let authorityId: number;
let councilOrg: number;
let groupA: number;
let groupB: number;
let planning: number;
let codeCourse: number;
let planningCourse: number;
const ids: Record<string, number> = {};
const ELECTION = '2026-05-07';

before(async () => {
  t = await buildTestApp();
  const whip = await t.signInAs(['group-whip']); // makes the test council and a first group
  ids.whip = whip.personId;
  ({ authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', whip.personId)
    .executeTakeFirstOrThrow());
  const org = async (name: string, classification: 'council' | 'committee') =>
    (
      await t.db
        .insertInto('organisations')
        .values({
          authority_id: authorityId,
          name,
          classification,
          parent_id: null,
          committee_type: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  councilOrg = await org('Test Council', 'council');
  planning = await org('Planning Committee', 'committee');
  groupA = (
    await t.db
      .selectFrom('memberships')
      .select('organisation_id')
      .where('person_id', '=', whip.personId)
      .executeTakeFirstOrThrow()
  ).organisation_id;
  groupB = await createGroup(t.db, 'Other Group');
  const member = async (key: string, group: number, start = ELECTION) => {
    const { id } = await t.db
      .insertInto('people')
      .values({ authority_id: authorityId, given_name: key, family_name: 'Member', kind: 'member' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = id;
    await t.db
      .insertInto('memberships')
      .values([
        { person_id: id, organisation_id: councilOrg, start_date: start },
        { person_id: id, organisation_id: group, start_date: start },
      ])
      .execute();
  };
  for (const key of ['Ada', 'Ben', 'Cai', 'Dee', 'Eve']) await member(key, groupA);
  await member('Fay', groupB);
  await t.db
    .insertInto('memberships')
    .values([
      { person_id: ids.Dee!, organisation_id: planning, start_date: ELECTION },
      { person_id: ids.Eve!, organisation_id: planning, start_date: ELECTION },
    ])
    .execute();
  await t.db
    .insertInto('compliance_rules')
    .values([
      {
        authority_id: authorityId,
        name: 'Code training within 6 months',
        topic: 'code-of-conduct',
        kind: 'within-months',
        within_months: 6,
      },
      {
        authority_id: authorityId,
        name: 'Planning training before sitting',
        topic: 'planning',
        kind: 'before-sitting',
        committee_id: planning,
      },
    ])
    .execute();
  const programme = await createProgramme(t.db, authorityId);
  codeCourse = await createCourse(t.db, programme, {
    topic: 'code-of-conduct',
    audience: 'all-members',
  });
  planningCourse = await createCourse(t.db, programme, {
    topic: 'planning',
    audience: 'committee',
    audience_organisation_id: planning,
  });
});
after(() => t.close());

async function held(
  course: number,
  startsAt: string,
  attendance: Record<string, AttendanceStatus>,
) {
  const id = await createTrainingSession(t.db, course, {
    starts_at: new Date(startsAt),
    status: 'held',
    confirmed_at: new Date(startsAt),
  });
  await t.db
    .insertInto('attendance')
    .values(
      Object.entries(attendance).map(([key, status]) => ({
        session_id: id,
        person_id: ids[key]!,
        status,
      })),
    )
    .execute();
  return id;
}

const statusOf = async (on: string, key: string, topic = 'code-of-conduct') => {
  const rows = await complianceRows(t.db, authorityId, on);
  const rules = await t.db.selectFrom('compliance_rules').select(['id', 'topic']).execute();
  const rule = rules.find((r) => r.topic === topic)!;
  return rows.find((r) => r.personId === ids[key] && r.ruleId === rule.id);
};

test('within six months of election: due on the last day, overdue the day after', async () => {
  assert.equal((await statusOf('2026-11-07', 'Ada'))?.status, 'due');
  assert.equal((await statusOf('2026-11-07', 'Ada'))?.dueOn, '2026-11-07');
  assert.equal((await statusOf('2026-11-08', 'Ada'))?.status, 'overdue');
});

test('attending or coming late counts; leaving early, or training before the election, does not', async () => {
  await held(codeCourse, '2026-03-10T18:00:00Z', { Ben: 'attended' }); // before the election
  await held(codeCourse, '2026-05-07T17:00:00Z', { Cai: 'late', Eve: 'left-early' }); // election day
  assert.equal((await statusOf('2026-11-08', 'Ben'))?.status, 'overdue');
  const cai = await statusOf('2026-11-08', 'Cai');
  assert.equal(cai?.status, 'complete');
  assert.equal(cai?.completedOn, '2026-05-07');
  assert.equal((await statusOf('2026-11-08', 'Eve'))?.status, 'overdue');
});

test('a new code in force restarts the clock for code training', async () => {
  const version = await createCodeVersion(t.db, {
    authorityId,
    status: 'in-force',
    inForceFrom: '2026-09-01',
  });
  const cai = await statusOf('2026-11-08', 'Cai');
  assert.equal(cai?.status, 'due', 'trained on the old code');
  assert.equal(cai?.dueOn, '2027-03-01');
  await t.db
    .updateTable('code_versions')
    .set({ status: 'withdrawn' })
    .where('id', '=', version.id)
    .execute();
  assert.equal((await statusOf('2026-11-08', 'Cai'))?.status, 'complete', 'no code in force');
});

test('booked on a session to come, unless they said they cannot attend', async () => {
  const future = await createTrainingSession(t.db, codeCourse, {
    starts_at: new Date('2026-11-05T18:00:00Z'),
    status: 'confirmed',
    confirmed_at: new Date('2026-10-01T09:00:00Z'),
  });
  await t.db
    .insertInto('session_invitations')
    .values([
      { session_id: future, person_id: ids.Dee!, required: true },
      {
        session_id: future,
        person_id: ids.Ada!,
        required: true,
        response: 'not-attending',
        responded_at: new Date(),
      },
    ])
    .execute();
  const dee = await statusOf('2026-11-01', 'Dee');
  assert.equal(dee?.status, 'booked');
  assert.equal(dee?.bookedOn, '2026-11-05');
  assert.equal((await statusOf('2026-11-01', 'Ada'))?.status, 'due');
});

test('sitting on the Planning Committee without its training is overdue and warned about', async () => {
  await held(planningCourse, '2026-06-01T17:00:00Z', { Eve: 'attended' });
  assert.equal((await statusOf('2026-11-01', 'Dee', 'planning'))?.status, 'overdue');
  assert.equal((await statusOf('2026-11-01', 'Eve', 'planning'))?.status, 'complete');
  assert.equal(await statusOf('2026-11-01', 'Ada', 'planning'), undefined, 'not on the committee');

  const { cookie } = await t.signInAs(['monitoring-officer']);
  const page = await t.app.inject({ url: '/admin/training/compliance', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /Dee Member sits on the Planning Committee without the training it requires/,
  );
  assert.match(page.body, /<svg[^>]+role="img"/);
  assert.match(page.body, /<title id="completion-chart-title">/);
  assert.match(page.body, /Other Group/, 'administrators see every group');
});

test('a whip sees only their own group; others may not see the page at all', async () => {
  const { cookie } = await t.signInAs(['group-whip'], { whipOf: groupA });
  const page = await t.app.inject({ url: '/group-training/compliance', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ada Member/);
  assert.doesNotMatch(page.body, /Fay Member/, "another group's member");
  assert.doesNotMatch(page.body, /Other Group/);
  const csv = await t.app.inject({ url: '/group-training/compliance.csv', headers: { cookie } });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /Ada Member/);
  assert.doesNotMatch(csv.body, /Fay Member/);
  // Kept for the whip until the data changes; the headers are kept with it.
  const kept = await readUntilCached(
    () => t.app.inject({ url: '/group-training/compliance.csv', headers: { cookie } }),
    'the whip’s CSV',
  );
  assert.equal(kept.body, csv.body);
  assert.match(String(kept.headers['content-disposition']), /training-compliance-.*\.csv/);

  const member = await t.signInAs(['member']);
  for (const url of [
    '/group-training/compliance',
    '/admin/training/compliance',
    '/admin/training/compliance.csv',
  ]) {
    const response = await t.app.inject({ url, headers: { cookie: member.cookie } });
    assert.notEqual(response.statusCode, 200, url);
  }
});

test("a member's training record says where they stand against each rule that applies to them", async () => {
  const token = await createSession(t.db, ids.Dee!, { idleMinutes: 30, absoluteHours: 12 });
  const page = await t.app.inject({
    url: '/my/training/record',
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
  });
  assert.equal(page.statusCode, 200);
  const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Against the council’s training rules/);
  assert.match(text, /Planning training before sitting Overdue Sitting without this training/);
  assert.match(text, /Code training within 6 months (Booked|Due|Overdue)/);
  const { cookie } = await t.signInAs(['monitoring-officer']);
  const admin = await t.app.inject({
    url: `/admin/people/${ids.Ada!}/training`,
    headers: { cookie },
  });
  assert.equal(admin.statusCode, 200);
  assert.doesNotMatch(
    admin.body,
    /Planning training before sitting/,
    'Ada is not on the committee',
  );
});

test('the page breaks each rule down by committee, and the CSV says which committees each member sits on', async () => {
  await held(planningCourse, '2026-06-03T17:00:00Z', { Eve: 'attended' });
  const { cookie } = await t.signInAs(['monitoring-officer']);
  const planningRule = (
    await t.db
      .selectFrom('compliance_rules')
      .select('id')
      .where('authority_id', '=', authorityId)
      .where('topic', '=', 'planning')
      .executeTakeFirstOrThrow()
  ).id;
  const page = await t.app.inject({
    url: `/admin/training/compliance?rule=${planningRule}`,
    headers: { cookie },
  });
  assert.equal(page.statusCode, 200);
  const table = /<table[^>]*id="committees"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
  const cells = table
    .replace(/<[^>]+>/g, '|')
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
  // Dee and Eve sit on the committee: Eve has done its training, Dee has not
  const row = cells.slice(
    cells.indexOf('Planning Committee'),
    cells.indexOf('Planning Committee') + 6,
  );
  assert.deepEqual(row, ['Planning Committee', '1', '0', '0', '1', '50%']);

  const csv = await t.app.inject({ url: '/admin/training/compliance.csv', headers: { cookie } });
  const lines = csv.body.split(/\r?\n/);
  assert.equal(
    lines[0]?.replace(/^\uFEFF/, ''),
    'Member,Group,Committees,Rule,Status,Due by,Done on,Booked for',
  );
  assert.ok(
    lines.some((l) => l.startsWith('Dee Member,') && l.includes(',Planning Committee,')),
    'Dee sits on the Planning Committee',
  );
  assert.ok(
    lines.some((l) => /^Ada Member,[^,]*,,/.test(l)),
    'Ada sits on no committee',
  );
});

test('finishing a self-study scenario set that counts towards a course on the topic completes the rule', async () => {
  const { id: gus } = await t.db
    .insertInto('people')
    .values({ authority_id: authorityId, given_name: 'Gus', family_name: 'Member', kind: 'member' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.Gus = gus;
  await t.db
    .insertInto('memberships')
    .values([
      { person_id: gus, organisation_id: councilOrg, start_date: ELECTION },
      { person_id: gus, organisation_id: groupA, start_date: ELECTION },
    ])
    .execute();
  const set = async (counts: number | null) =>
    (
      await t.db
        .insertInto('scenario_sets')
        .values({ authority_id: authorityId, title: 'Scenarios', counts_towards_course_id: counts })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const plain = await set(null);
  const counting = await set(codeCourse);
  const complete = (setId: number, at: string) =>
    t.db
      .insertInto('scenario_set_completions')
      .values({ set_id: setId, person_id: gus, completed_at: new Date(at) })
      .execute();

  await complete(plain, '2026-06-10T10:00:00Z');
  assert.equal(
    (await statusOf('2026-11-08', 'Gus'))?.status,
    'overdue',
    'a set that counts for nothing',
  );
  await complete(counting, '2026-05-06T22:30:00Z'); // 23:30 on 6 May in England: before his election
  assert.equal(
    (await statusOf('2026-11-08', 'Gus'))?.status,
    'overdue',
    'done before the rule began',
  );
  await t.db.deleteFrom('scenario_set_completions').where('set_id', '=', counting).execute();
  await complete(counting, '2026-06-10T23:30:00Z'); // 00:30 on 11 June in England
  const gusNow = await statusOf('2026-11-08', 'Gus');
  assert.equal(gusNow?.status, 'complete');
  assert.equal(gusNow?.completedOn, '2026-06-11');
});
