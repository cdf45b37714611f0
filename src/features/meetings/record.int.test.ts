import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readUntilCached } from '../../testing/app.js';
import { errorSummary, meetingsTestApp, type MeetingsTest } from './int-test-support.js';

let s: MeetingsTest;
before(async () => {
  s = await meetingsTestApp();
});
after(() => s.t.close());

const lastWeek = () => new Date(Date.now() - 7 * 86_400_000);

/** A meeting last week with a published agenda: an opening item and a report with two recommendations. */
async function pastMeeting() {
  const id = await s.makeMeeting(lastWeek(), {
    agenda_published_at: new Date(Date.now() - 14 * 86_400_000),
  });
  await s.addItem(id, 'Apologies');
  const r = await s.makeReport({
    recommendations: [{ text: 'Note the report.' }, { text: 'Agree the plan.' }],
  });
  const item = await s.addItem(id, 'The plan', r.id);
  return { id, item, recs: r.recIds, url: `/admin/meetings/${id}` };
}

test('attendance lists the members on the day; substitutes must be present and another member', async () => {
  const m = await pastMeeting();
  const [ann, bea, cal] = s.members as [number, number, number];
  const page = await s.page(`${m.url}/attendance`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`name="status-${cal}"`));

  const wrongSub = await s.submit(`${m.url}/attendance`, {
    [`status-${ann}`]: 'present',
    [`status-${cal}`]: 'apologies',
    [`substitute-${cal}`]: String(bea),
  });
  assert.equal(wrongSub.statusCode, 400);
  assert.deepEqual(errorSummary(wrongSub.body), ['Only someone present can be a substitute']);

  const saved = await s.submit(`${m.url}/attendance`, {
    [`status-${ann}`]: 'present',
    [`status-${bea}`]: 'apologies',
    [`status-${cal}`]: 'present',
    [`substitute-${cal}`]: String(bea),
  });
  assert.equal(saved.statusCode, 303);
  const rows = await s.t.db
    .selectFrom('meeting_attendance')
    .select(['person_id', 'status', 'substitute_for'])
    .where('meeting_id', '=', m.id)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(rows, [
    { person_id: ann, status: 'present', substitute_for: null },
    { person_id: bea, status: 'apologies', substitute_for: null },
    { person_id: cal, status: 'present', substitute_for: bea },
  ]);
  assert.ok((await s.audits('meeting', m.id)).some((a) => a.action === 'attendance-recorded'));

  const stranger = await s.t.signInAs(['member']);
  const outsider = await s.submit(`${m.url}/attendance`, {
    [`status-${stranger.personId}`]: 'present',
  });
  assert.equal(outsider.statusCode, 400);

  const later = await s.makeMeeting(new Date(Date.now() + 7 * 86_400_000), {
    agenda_published_at: new Date(),
  });
  const early = await s.submit(`/admin/meetings/${later}/attendance`, {
    [`status-${ann}`]: 'present',
  });
  assert.equal(early.statusCode, 400);
  assert.deepEqual(errorSummary(early.body), [
    'This can be recorded on or after the day of the meeting',
  ]);
});

test('declarations are made by someone present, optionally about an agenda item', async () => {
  const m = await pastMeeting();
  const [ann, bea] = s.members as [number, number, number];
  await s.submit(`${m.url}/attendance`, {
    [`status-${ann}`]: 'present',
    [`status-${bea}`]: 'absent',
  });
  const missing = await s.submit(`${m.url}/declarations`, { personId: '', declaration: '' });
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(errorSummary(missing.body), [
    'Select who made the declaration',
    'Enter what was declared',
  ]);
  const absent = await s.submit(`${m.url}/declarations`, {
    personId: String(bea),
    declaration: 'Owns land nearby',
  });
  assert.equal(absent.statusCode, 400);
  assert.deepEqual(errorSummary(absent.body), [
    'Select someone recorded as present at the meeting',
  ]);
  const ok = await s.submit(`${m.url}/declarations`, {
    personId: String(ann),
    agendaItemId: String(m.item),
    declaration: 'A registrable interest: employed by a firm named in the report',
  });
  assert.equal(ok.statusCode, 303);
  const minutes = await s.page(`${m.url}/minutes`);
  assert.match(minutes.body, /employed by a firm named in the report/);
});

test('resolutions need an outcome, amended text when amended, and a minute reference', async () => {
  const m = await pastMeeting();
  const [first, second] = m.recs as [number, number];
  const url = `${m.url}/items/${m.item}/resolutions`;
  const form = await s.page(url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Agree the plan\./);

  const nothing = await s.submit(url, { minuteReference: '' });
  assert.equal(nothing.statusCode, 400);
  assert.deepEqual(errorSummary(nothing.body), [
    'Select the resolution on at least one recommendation',
    'Enter the minute reference',
  ]);
  const amended = await s.submit(url, {
    [`outcome-${first}`]: 'agreed-as-amended',
    [`amended-${first}`]: '',
    minuteReference: 'SC 12/05/27 item 4',
  });
  assert.equal(amended.statusCode, 400);
  assert.deepEqual(errorSummary(amended.body), ['Enter recommendation 1 as amended']);
  assert.match(amended.body, /value="SC 12\/05\/27 item 4"/);

  const ok = await s.submit(url, {
    [`outcome-${first}`]: 'agreed-as-amended',
    [`amended-${first}`]: 'Note the report and thank the officers.',
    [`outcome-${second}`]: 'deferred',
    minuteReference: 'SC 12/05/27 item 4',
  });
  assert.equal(ok.statusCode, 303);
  const rows = await s.t.db
    .selectFrom('resolutions')
    .select(['recommendation_id', 'outcome', 'amended_text', 'minute_reference'])
    .where('agenda_item_id', '=', m.item)
    .orderBy('recommendation_id')
    .execute();
  assert.deepEqual(rows, [
    {
      recommendation_id: first,
      outcome: 'agreed-as-amended',
      amended_text: 'Note the report and thank the officers.',
      minute_reference: 'SC 12/05/27 item 4',
    },
    {
      recommendation_id: second,
      outcome: 'deferred',
      amended_text: null,
      minute_reference: 'SC 12/05/27 item 4',
    },
  ]);
  // a resolution that moved nothing can be changed, and the change is audited
  const changed = await s.submit(url, {
    [`outcome-${second}`]: 'agreed',
    minuteReference: 'SC 12/05/27 item 4',
  });
  assert.equal(changed.statusCode, 303);
  const resolution = await s.t.db
    .selectFrom('resolutions')
    .select(['id', 'outcome'])
    .where('recommendation_id', '=', second)
    .executeTakeFirstOrThrow();
  assert.equal(resolution.outcome, 'agreed');
  assert.deepEqual(
    (await s.audits('resolution', resolution.id)).map((a) => a.action),
    ['recorded', 'changed'],
  );
});

test('the minutes are published only once the meeting is held and every recommendation decided', async () => {
  const m = await pastMeeting();
  const [first, second] = m.recs as [number, number];
  const notHeld = await s.submit(m.url, {}, `${m.url}/publish-minutes`);
  assert.equal(notHeld.statusCode, 400);
  assert.deepEqual(errorSummary(notHeld.body), [
    'Mark the meeting as held before publishing its minutes',
  ]);
  assert.equal((await s.submit(m.url, {}, `${m.url}/held`)).statusCode, 303);
  assert.equal((await s.meeting(m.id)).status, 'held');

  await s.submit(`${m.url}/items/${m.item}/resolutions`, {
    [`outcome-${first}`]: 'agreed',
    minuteReference: 'M1',
  });
  const undecided = await s.submit(m.url, {}, `${m.url}/publish-minutes`);
  assert.equal(undecided.statusCode, 400);
  assert.match(errorSummary(undecided.body)[0] ?? '', /record a resolution for recommendation 2/);
  assert.equal((await s.meeting(m.id)).minutes_published_at, null);

  await s.submit(`${m.url}/items/${m.item}/resolutions`, {
    [`outcome-${second}`]: 'not-agreed',
    minuteReference: 'M1',
  });
  const published = await s.submit(m.url, {}, `${m.url}/publish-minutes`);
  assert.equal(published.statusCode, 303);
  assert.ok((await s.meeting(m.id)).minutes_published_at);
  const minutes = await s.page(`${m.url}/minutes`);
  assert.match(minutes.body, /Not agreed/);
  assert.doesNotMatch(minutes.body, /not published yet/);
  // after publication the record is fixed
  const late = await s.submit(`${m.url}/items/${m.item}/resolutions`, {
    [`outcome-${second}`]: 'agreed',
    minuteReference: 'M1',
  });
  assert.equal(late.statusCode, 400);
});

test('nothing is recorded for a cancelled meeting or before its agenda is published', async () => {
  const unpublished = await s.makeMeeting(lastWeek());
  const early = await s.submit(
    `/admin/meetings/${unpublished}`,
    {},
    `/admin/meetings/${unpublished}/held`,
  );
  assert.equal(early.statusCode, 400);
  assert.deepEqual(errorSummary(early.body), [
    'Publish the agenda before recording what happened at the meeting',
  ]);
  const m = await pastMeeting();
  await s.t.db
    .updateTable('meetings')
    .set({ status: 'cancelled' })
    .where('id', '=', m.id)
    .execute();
  const cancelled = await s.submit(m.url, {}, `${m.url}/held`);
  assert.equal(cancelled.statusCode, 400);
  assert.deepEqual(errorSummary(cancelled.body), [
    'This meeting was cancelled, so nothing can be recorded for it',
  ]);
});

test('the attendance, declarations and minutes pages are kept; a change made from a kept form shows at once', async () => {
  const m = await pastMeeting();
  const [ann] = s.members as [number, number, number];
  for (const page of ['attendance', 'declarations', 'minutes']) {
    const url = `${m.url}/${page}`;
    assert.equal((await s.page(url)).statusCode, 200, url);
    const kept = await readUntilCached(() => s.page(url), url);
    assert.equal(kept.statusCode, 200, url);
    assert.doesNotMatch(kept.body, /placeholder/, url);
  }
  const saved = await s.submit(`${m.url}/attendance`, { [`status-${ann}`]: 'present' });
  assert.equal(saved.statusCode, 303);
  const minutes = await s.page(`${m.url}/minutes`);
  assert.notEqual(minutes.headers['x-probity-cache'], 'hit');
  assert.equal(minutes.statusCode, 200);
});
