import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { attend, authorityOf, evaluatedSession, questionIds } from './test-support.js';

let t: TestApp;
let mo: { cookie: string; personId: number };
let authorityId: number;
let people: { personId: number; name: string }[] = [];
let ids: { programmeId: number; courseId: number; sessionId: number; second: number };

const page = (url: string, cookie = mo.cookie) => t.app.inject({ url, headers: { cookie } });

/** A sent (or unsent) response with these answers, straight in the database. */
async function respond(
  sessionId: number,
  personId: number,
  answers: (number | string | null)[],
  sent = true,
) {
  const { courseId } = await t.db
    .selectFrom('training_sessions')
    .select('course_id as courseId')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const qs = await questionIds(t.db, courseId);
  const r = await t.db
    .insertInto('evaluation_responses')
    .values({ session_id: sessionId, person_id: personId, submitted_at: sent ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, a] of answers.entries()) {
    if (a === null) continue;
    await t.db
      .insertInto('evaluation_answers')
      .values({
        response_id: r.id,
        question_id: qs[i]!,
        rating: typeof a === 'number' ? a : null,
        text: typeof a === 'string' ? a : null,
      })
      .execute();
  }
}

before(async () => {
  t = await buildTestApp();
  mo = await t.signInAs(['monitoring-officer']);
  authorityId = await authorityOf(t.db, mo.personId);
  const first = await evaluatedSession(t.db, authorityId, { courseTitle: 'Probity in planning' });
  const second = await evaluatedSession(t.db, authorityId, {
    courseId: first.courseId,
    programmeId: first.programmeId,
  });
  ids = { ...first, second: second.sessionId };
  for (let i = 0; i < 5; i += 1) {
    const p = await t.signInAs(['member']);
    const row = await t.db
      .selectFrom('people')
      .select(['given_name', 'family_name'])
      .where('id', '=', p.personId)
      .executeTakeFirstOrThrow();
    people.push({ personId: p.personId, name: `${row.given_name} ${row.family_name}` });
    await attend(t.db, i < 4 ? first.sessionId : second.sessionId, p.personId);
  }
  people = people.slice();
  // Answers in an order that is not alphabetical, to see that the page does not keep it.
  await respond(first.sessionId, people[0]!.personId, [
    5,
    4,
    3,
    'Zebra crossings were a good example',
    null,
  ]);
  await respond(first.sessionId, people[1]!.personId, [
    4,
    4,
    null,
    'Apt examples from our own council',
    'More on gifts',
  ]);
  await respond(first.sessionId, people[2]!.personId, [2, 1, null, null, 'Start on time'], false);
  await respond(second.sessionId, people[4]!.personId, [3, 5, 5, 'Middle of the road', null]);
});
after(() => t.close());

test('a session’s results: counts, averages, a chart and sorted free text, without names', async () => {
  const response = await page(`/admin/sessions/${ids.sessionId}/evaluations`);
  assert.equal(response.statusCode, 200);
  const body = response.body;
  assert.match(body, /2 responses from 4 attendees \(50%\)/, 'the unsent one does not count');
  assert.match(body, /Average <strong>4\.5<\/strong> out of 5, from 2 answers/);
  assert.match(body, /<svg[^>]+role="img"/);
  assert.ok(body.indexOf('Apt examples') < body.indexOf('Zebra crossings'), 'sorted, not in order');
  assert.doesNotMatch(body, /Start on time/, 'unsent answers are not shown');
  assert.doesNotMatch(body, /Middle of the road/, 'another session’s answers are not shown');
  for (const p of people) assert.ok(!body.includes(p.name), `${p.name} is not on the page`);
  assert.doesNotMatch(
    body,
    new RegExp(`/admin/people/(${people.map((p) => p.personId).join('|')})\\b`),
  );
});

test('a course’s and a programme’s results add up their sessions; the CSV has no names', async () => {
  const course = await page(`/admin/courses/${ids.courseId}/evaluations`);
  assert.equal(course.statusCode, 200);
  assert.match(course.body, /3 responses from 5 attendees \(60%\)/);
  assert.match(course.body, /Average <strong>4\.0<\/strong> out of 5, from 3 answers/);
  assert.match(course.body, /Middle of the road/);
  // Each session with its attendees and evaluations sent, linking to its own results.
  assert.match(
    course.body,
    new RegExp(
      `href="/admin/sessions/${ids.sessionId}/evaluations">[^<]+</a></th>\\s*<td[^>]*>\\s*4\\s*</td>\\s*<td[^>]*>\\s*2\\s*</td>`,
    ),
  );

  const programme = await page(`/admin/programmes/${ids.programmeId}/evaluations`);
  assert.equal(programme.statusCode, 200);
  assert.match(programme.body, /<h2 class="govuk-heading-l"[^>]*>Probity in planning<\/h2>/);
  assert.match(programme.body, /3 responses from 5 attendees/);

  const csv = await page(`/admin/courses/${ids.courseId}/evaluations.csv`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(
    lines[0],
    'Course,Kind,Question,Answers,Average,Rated 1,Rated 2,Rated 3,Rated 4,Rated 5,Text',
  );
  assert.ok(
    lines.includes(
      'Probity in planning,Rating,"Overall, how would you rate the session?",3,4.0,0,0,1,1,1,',
    ),
    lines.join('\n'),
  );
  const texts = lines.filter((l) => l.includes('Free text')).map((l) => l.split(',').at(-1));
  // Question by question, each one's answers in alphabetical order.
  assert.deepEqual(texts, [
    'Apt examples from our own council',
    'Middle of the road',
    'Zebra crossings were a good example',
    'More on gifts',
  ]);
  for (const p of people) assert.ok(!csv.body.includes(p.name));
  assert.equal(lines.filter((l) => l !== '').length, 9, 'a heading, a count, 3 ratings, 4 texts');
});

test('a session’s facilitator sees its results; other people and other councils get a 404', async () => {
  const facilitator = await t.signInAs(['facilitator']);
  await t.db
    .insertInto('session_facilitators')
    .values({ session_id: ids.sessionId, person_id: facilitator.personId })
    .execute();
  const facilitated = await page(
    `/admin/sessions/${ids.sessionId}/evaluations`,
    facilitator.cookie,
  );
  assert.equal(facilitated.statusCode, 200);
  assert.match(
    facilitated.body,
    /href="\/facilitating" class="govuk-back-link">Back to the sessions you facilitate/,
  );
  assert.doesNotMatch(facilitated.body, /Results of every session of the course/);
  assert.equal(
    (await page(`/admin/sessions/${ids.sessionId}/evaluations.csv`, facilitator.cookie)).statusCode,
    200,
  );
  assert.equal(
    (await page(`/admin/sessions/${ids.second}/evaluations`, facilitator.cookie)).statusCode,
    404,
  );
  const member = await t.signInAs(['member']);
  assert.equal(
    (await page(`/admin/sessions/${ids.sessionId}/evaluations`, member.cookie)).statusCode,
    404,
  );
  assert.notEqual(
    (await page(`/admin/courses/${ids.courseId}/evaluations`, facilitator.cookie)).statusCode,
    200,
  );

  const other = await t.db
    .insertInto('authorities')
    .values({
      slug: 'other-place',
      name: 'Other Place Council',
      kind: 'principal',
      parent_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theirs = await evaluatedSession(t.db, other.id);
  assert.equal((await page(`/admin/sessions/${theirs.sessionId}/evaluations`)).statusCode, 404);
  assert.equal((await page(`/admin/courses/${theirs.courseId}/evaluations`)).statusCode, 404);
  assert.equal(
    (await page(`/admin/programmes/${theirs.programmeId}/evaluations.csv`)).statusCode,
    404,
  );
});
