import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { createScenario, createScenarioSet, createWorkshopPlan } from '../learning/testing.js';

/** What each role's dashboard says about training: what waits for them, and where to go. */
let t: TestApp;
let authorityId: number;
let course: number;

before(async () => {
  t = await buildTestApp();
  const first = await t.signInAs(['officer']);
  ({ authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', first.personId)
    .executeTakeFirstOrThrow());
  course = await createCourse(t.db, await createProgramme(t.db, authorityId), {
    audience: 'political-group',
  });
});
after(() => t.close());

const text = async (cookie: string) => {
  const page = await t.app.inject({ url: '/dashboard', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  return page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};
const soon = () => new Date(Date.now() + 7 * 86_400_000);

test('a member is told of the invitations waiting for their reply', async () => {
  const { cookie, personId } = await t.signInAs(['member']);
  assert.match(await text(cookie), /No training invitation waits for your reply\./);
  const session = await createTrainingSession(t.db, course, {
    status: 'confirmed',
    starts_at: soon(),
    confirmed_at: new Date(),
  });
  await t.db
    .insertInto('session_invitations')
    .values({ session_id: session, person_id: personId, required: true })
    .execute();
  assert.match(await text(cookie), /1 training invitation waits for your reply\./);
});

test("a whip is told of the dates proposed for their group's sessions", async () => {
  const { cookie, personId } = await t.signInAs(['group-whip']);
  const { organisation_id: group } = await t.db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const session = await createTrainingSession(t.db, course, { group_id: group });
  const officer = await t.signInAs(['monitoring-officer']);
  for (const days of [10, 11]) {
    const startsAt = new Date(Date.now() + days * 86_400_000);
    await t.db
      .insertInto('session_date_proposals')
      .values({
        session_id: session,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 5_400_000),
        proposed_by: officer.personId,
        by_whip: false,
      })
      .execute();
  }
  const page = await text(cookie);
  assert.match(page, /2 proposed training dates wait for your answer\./);
  assert.match(page, /Your group’s training: dates and topics/);
});

test('a facilitator is told of the sessions they run; an administrator of overdue training', async () => {
  const facilitator = await t.signInAs(['facilitator']);
  const session = await createTrainingSession(t.db, course, {
    status: 'confirmed',
    starts_at: soon(),
    confirmed_at: new Date(),
  });
  await t.db
    .insertInto('session_facilitators')
    .values({ session_id: session, person_id: facilitator.personId })
    .execute();
  assert.match(await text(facilitator.cookie), /1 session you facilitate is coming up\./);

  const admin = await t.signInAs(['monitoring-officer']);
  assert.match(await text(admin.cookie), /No councillor is overdue/);
  const { id: council } = await t.db
    .insertInto('organisations')
    .values({
      authority_id: authorityId,
      name: 'Test Council',
      classification: 'council',
      parent_id: null,
      committee_type: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: councillor } = await t.db
    .insertInto('people')
    .values({
      authority_id: authorityId,
      given_name: 'Late',
      family_name: 'Learner',
      kind: 'member',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('memberships')
    .values({ person_id: councillor, organisation_id: council, start_date: '2024-05-02' })
    .execute();
  await t.db
    .insertInto('compliance_rules')
    .values({
      authority_id: authorityId,
      name: 'Code training',
      topic: 'code-of-conduct',
      kind: 'within-months',
      within_months: 6,
    })
    .execute();
  assert.match(
    await text(admin.cookie),
    /1 councillor is overdue with training the council’s rules require\./,
  );
});

test('attendees are asked to evaluate, members to practise scenarios; administrators hear of plans to fix', async () => {
  const member = await t.signInAs(['member']);
  const officer = await t.signInAs(['officer']);
  const held = await createTrainingSession(t.db, course, {
    status: 'confirmed',
    starts_at: new Date(Date.now() - 3 * 86_400_000),
    ends_at: new Date(Date.now() - 3 * 86_400_000 + 90 * 60_000),
    confirmed_at: new Date(Date.now() - 9 * 86_400_000),
  });
  await t.db
    .insertInto('evaluation_questions')
    .values({ course_id: course, position: 0, kind: 'rating', prompt: 'How useful was it?' })
    .execute();
  await t.db
    .insertInto('attendance')
    .values([
      { session_id: held, person_id: member.personId, status: 'attended' },
      { session_id: held, person_id: officer.personId, status: 'late' },
    ])
    .execute();
  const scenario = await createScenario(t.db, authorityId);
  await createScenarioSet(t.db, authorityId, [scenario], { title: 'Practice set' });

  const memberText = await text(member.cookie);
  assert.match(memberText, /1 session you attended waits for your evaluation\./);
  assert.match(memberText, /1 set of practice scenarios is waiting for you\./);
  const officerText = await text(officer.cookie);
  assert.match(officerText, /Your training 1 session you attended waits for your evaluation\./);
  assert.doesNotMatch(officerText, /practice scenarios/, 'scenario sets are for councillors');

  const admin = await t.signInAs(['democratic-services']);
  assert.doesNotMatch(await text(admin.cookie), /workshop plan/);
  await createWorkshopPlan(t.db, authorityId, {
    values: { duration_minutes: 120 },
    agenda: [{ title: 'Welcome', minutes: 30 }],
  });
  assert.match(
    await text(admin.cookie),
    /1 workshop plan’s agenda does not add up to the workshop’s length\./,
  );
});
