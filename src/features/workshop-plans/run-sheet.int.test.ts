import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkshopPlan } from '../learning/testing.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';
import { textOf, workshopTestApp } from './test-support.js';

let w: Awaited<ReturnType<typeof workshopTestApp>>;
let facilitator: { cookie: string; personId: number };
let course: number;
before(async () => {
  w = await workshopTestApp();
  facilitator = await w.t.signInAs(['facilitator']);
  const planId = await createWorkshopPlan(w.t.db, w.authorityId, {
    values: { title: 'Standards at night', purposes: 'Know the code', duration_minutes: 120 },
    agenda: [
      { title: 'Welcome', minutes: 30 },
      { title: 'The code in practice', minutes: 45 },
      { title: 'Scenarios', minutes: 45 },
    ],
  });
  await w.t.db
    .updateTable('workshop_agenda_items')
    .set({ facilitator_notes: 'Hand out the scenario cards\nKeep to time', materials: 'Cards' })
    .where('plan_id', '=', planId)
    .where('title', '=', 'Scenarios')
    .execute();
  const programme = await createProgramme(w.t.db, w.authorityId);
  course = await createCourse(w.t.db, programme, {
    title: 'Code of conduct refresher',
    duration_minutes: 120,
    workshop_plan_id: planId,
  });
});
after(() => w.t.close());

async function sessionOf(courseId: number, startsAt: Date | null) {
  const id = await createTrainingSession(w.t.db, courseId, {
    starts_at: startsAt,
    ends_at: startsAt ? new Date(startsAt.getTime() + 120 * 60_000) : null,
    venue: 'Committee Room 1',
  });
  await w.t.db
    .insertInto('session_facilitators')
    .values({ session_id: id, person_id: facilitator.personId, role: 'Member peer' })
    .execute();
  return id;
}

const runSheet = (id: number, cookie = facilitator.cookie) =>
  w.page(`/facilitating/sessions/${id}/run-sheet`, cookie);

test('the run sheet gives each item its clock time from the session’s start, in England’s time', async () => {
  const id = await sessionOf(course, new Date('2026-06-10T17:30:00Z')); // 6:30pm BST
  const response = await runSheet(id);
  assert.equal(response.statusCode, 200);
  const page = textOf(response.body);
  assert.match(
    page,
    /Run sheet Code of conduct refresher Wednesday,? 10 June 2026, Committee Room 1/,
  );
  assert.match(page, /6:30pm to 7:00pm Welcome 30 minutes/);
  assert.match(page, /7:00pm to 7:45pm The code in practice 45 minutes/);
  assert.match(
    page,
    /7:45pm to 8:30pm Scenarios Hand out the scenario cards Keep to time Materials: Cards 45 minutes/,
  );
  assert.match(page, /Ends at 8:30pm/);
  assert.doesNotMatch(page, /BST|GMT/, 'no clock names when the clocks do not change');
  assert.match(response.body, /probity-run-sheet-page/, 'the print stylesheet applies');
  // The Monitoring Officer of the council may read it too.
  assert.equal((await runSheet(id, w.admin.cookie)).statusCode, 200);
});

test('a run sheet across the autumn clock change names the clock of each time', async () => {
  const id = await sessionOf(course, new Date('2026-10-25T00:00:00Z')); // 1am BST
  const page = textOf((await runSheet(id)).body);
  assert.match(page, /The clocks change during this session/);
  assert.match(page, /1:00am BST to 1:30am BST Welcome/);
  assert.match(page, /1:30am BST to 1:15am GMT The code in practice/);
  assert.match(page, /1:15am GMT to 2:00am GMT Scenarios/);
});

test('a run sheet across the spring clock change skips the missing hour', async () => {
  const id = await sessionOf(course, new Date('2027-03-28T00:30:00Z')); // half past midnight GMT
  const page = textOf((await runSheet(id)).body);
  assert.match(page, /12:30am GMT to 2:00am BST Welcome/);
  assert.match(page, /2:00am BST to 2:45am BST The code in practice/);
});

test('a session without a date shows minutes from the start; a course without a plan says so', async () => {
  const undated = await sessionOf(course, null);
  let page = textOf((await runSheet(undated)).body);
  assert.match(page, /Date not agreed yet/);
  assert.match(
    page,
    /The session has no date or time yet, so the agenda shows minutes from the start/,
  );
  assert.match(page, /30 to 75 minutes The code in practice/);

  const programme = await createProgramme(w.t.db, w.authorityId, { title: 'Another programme' });
  const planless = await createCourse(w.t.db, programme, { title: 'Briefing without a plan' });
  const id = await sessionOf(planless, new Date('2026-12-01T18:00:00Z'));
  page = textOf((await runSheet(id)).body);
  assert.match(page, /The course does not follow a workshop plan yet, so there is no run sheet/);
  assert.doesNotMatch(page, /Choose the course’s workshop plan/, 'a facilitator cannot choose one');
  const asAdmin = (await runSheet(id, w.admin.cookie)).body;
  assert.match(asAdmin, new RegExp(`href="/admin/courses/${planless}/workshop"`));
});

test('only the session’s facilitators and its council’s administrators see the run sheet', async () => {
  const id = await sessionOf(course, new Date('2026-12-01T18:00:00Z'));
  const otherFacilitator = await w.t.signInAs(['facilitator']);
  const member = await w.t.signInAs(['member']);
  assert.equal((await runSheet(id, otherFacilitator.cookie)).statusCode, 404);
  assert.equal((await runSheet(id, member.cookie)).statusCode, 404);
  assert.equal(
    (await runSheet(w.other.session, w.admin.cookie)).statusCode,
    404,
    'another council',
  );
  assert.equal((await runSheet(w.other.session)).statusCode, 404);
  assert.equal((await w.page('/facilitating/sessions/abc/run-sheet')).statusCode, 404);
  assert.notEqual(
    (await w.t.app.inject({ url: `/facilitating/sessions/${id}/run-sheet` })).statusCode,
    200,
  );
});
