import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateFields,
  errorSummary,
  meetingsTestApp,
  type MeetingsTest,
} from './int-test-support.js';

let s: MeetingsTest;
before(async () => {
  s = await meetingsTestApp();
});
after(() => s.t.close());

const idFrom = (location: unknown) =>
  Number(/\/admin\/meetings\/(\d+)$/.exec(String(location))?.[1]);

test('a summer meeting is stored in BST and a winter one in GMT, and shown at the typed time', async () => {
  const summer = await s.submit('/admin/meetings/new', {
    organisationId: String(s.committee),
    ...dateFields('date', '2027-07-06'),
    startTime: '6:30pm',
    endTime: '20:45',
    venue: 'Committee Room 2',
  });
  assert.equal(summer.statusCode, 303);
  const summerId = idFrom(summer.headers.location);
  const stored = await s.meeting(summerId);
  assert.equal(stored.starts_at.toISOString(), '2027-07-06T17:30:00.000Z');
  assert.equal(stored.ends_at?.toISOString(), '2027-07-06T19:45:00.000Z');
  const page = await s.page(`/admin/meetings/${summerId}`);
  assert.match(page.body, /Tuesday, 6 July 2027/);
  assert.match(page.body, /6:30pm to 8:45pm/);

  const winter = await s.submit('/admin/meetings/new', {
    organisationId: String(s.council),
    ...dateFields('date', '2027-01-12'),
    startTime: '18:30',
    venue: 'Council Chamber',
  });
  const winterId = idFrom(winter.headers.location);
  assert.equal((await s.meeting(winterId)).starts_at.toISOString(), '2027-01-12T18:30:00.000Z');
  assert.match((await s.page(`/admin/meetings/${winterId}`)).body, /Full Council/);
  const audit = await s.audits('meeting', winterId);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['created'],
  );

  // changing it keeps the local time across the clock change
  const edit = await s.page(`/admin/meetings/${winterId}/edit`);
  assert.match(edit.body, /value="18:30"/);
  const moved = await s.submit(`/admin/meetings/${winterId}/edit`, {
    organisationId: String(s.council),
    ...dateFields('date', '2027-04-13'),
    startTime: '18:30',
    venue: 'Council Chamber',
  });
  assert.equal(moved.statusCode, 303);
  assert.equal((await s.meeting(winterId)).starts_at.toISOString(), '2027-04-13T17:30:00.000Z');
});

test('the new-meeting form refuses what is missing or wrong, keeping what was typed', async () => {
  const response = await s.submit('/admin/meetings/new', {
    organisationId: '',
    ...dateFields('date', '2027-02-30'),
    startTime: 'evening',
    endTime: '',
    venue: 'Town Hall',
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorSummary(response.body), [
    'Select the council, committee or sub-committee that meets',
    'The date of the meeting must be a real date',
    'Enter a time like 18:30 or 6:30pm',
  ]);
  assert.match(response.body, /value="Town Hall"/);

  const backwards = await s.submit('/admin/meetings/new', {
    organisationId: String(s.committee),
    ...dateFields('date', '2027-02-03'),
    startTime: '19:00',
    endTime: '18:00',
    venue: 'Town Hall',
  });
  assert.equal(backwards.statusCode, 400);
  assert.deepEqual(errorSummary(backwards.body), ['The end time must be after the start time']);
});

test('the list shows upcoming and past meetings, filtered by body; a cancelled meeting is kept', async () => {
  const soon = await s.makeMeeting(new Date(Date.now() + 7 * 86_400_000));
  const gone = await s.makeMeeting(new Date(Date.now() - 7 * 86_400_000));
  const other = await s.makeMeeting(new Date(Date.now() + 8 * 86_400_000), {
    organisation_id: s.council,
  });
  const upcoming = await s.page(`/admin/meetings?organisation=${s.committee}&when=upcoming`);
  assert.equal(upcoming.statusCode, 200);
  assert.match(upcoming.body, new RegExp(`/admin/meetings/${soon}"`));
  assert.doesNotMatch(upcoming.body, new RegExp(`/admin/meetings/${gone}"`));
  assert.doesNotMatch(upcoming.body, new RegExp(`/admin/meetings/${other}"`));
  const past = await s.page(`/admin/meetings?organisation=${s.committee}&when=past`);
  assert.match(past.body, new RegExp(`/admin/meetings/${gone}"`));
  assert.doesNotMatch(past.body, new RegExp(`/admin/meetings/${soon}"`));
  // nonsense filters are ignored, not an error
  assert.equal((await s.page('/admin/meetings?organisation=abc&when=never')).statusCode, 200);

  const cancelled = await s.submit(`/admin/meetings/${soon}/cancel`, {});
  assert.equal(cancelled.statusCode, 303);
  assert.equal((await s.meeting(soon)).status, 'cancelled');
  const again = await s.submit(`/admin/meetings/${other}/cancel`, {});
  assert.equal(again.statusCode, 303);
  const list = await s.page(`/admin/meetings?organisation=${s.committee}`);
  assert.match(list.body, /Cancelled/);
  const edit = await s.submit(`/admin/meetings/${soon}/edit`, {
    organisationId: String(s.committee),
    ...dateFields('date', '2027-02-03'),
    startTime: '19:00',
    venue: 'Town Hall',
  });
  assert.equal(edit.statusCode, 400);
  assert.match(edit.body, /This meeting is cancelled/);
});

test('only administrators may use the meeting pages; unknown and other councils’ meetings are not found', async () => {
  const id = await s.makeMeeting(new Date('2027-05-05T17:00:00Z'));
  const member = await s.t.signInAs(['member']);
  const officer = await s.t.signInAs(['officer']);
  for (const url of [
    '/admin/meetings',
    '/admin/meetings/new',
    `/admin/meetings/${id}`,
    `/admin/meetings/${id}/minutes`,
  ]) {
    assert.equal((await s.page(url, member.cookie)).statusCode, 403, url);
    assert.equal((await s.page(url, officer.cookie)).statusCode, 403, url);
  }
  const anonymous = await s.t.app.inject({ url: `/admin/meetings/${id}` });
  assert.notEqual(anonymous.statusCode, 200);
  const ds = await s.t.signInAs(['democratic-services']);
  assert.equal((await s.page(`/admin/meetings/${id}`, ds.cookie)).statusCode, 200);
  assert.equal((await s.page('/admin/meetings/999999999')).statusCode, 404);

  // another council's meetings and bodies are not this administrator's to see
  const other = await s.t.db
    .insertInto('authorities')
    .values({ slug: `other-${s.tag}`, name: 'Other Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theirs = await s.t.db
    .insertInto('organisations')
    .values({
      authority_id: other.id,
      parent_id: null,
      name: 'Their Committee',
      classification: 'committee',
      committee_type: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const theirMeeting = await s.makeMeeting(new Date(Date.now() + 86_400_000), {
    organisation_id: theirs.id,
  });
  assert.equal((await s.page(`/admin/meetings/${theirMeeting}`)).statusCode, 404);
  assert.equal((await s.page(`/admin/meetings/${theirMeeting}/minutes`)).statusCode, 404);
  const list = await s.page('/admin/meetings');
  assert.doesNotMatch(list.body, /Their Committee/);
  const form = await s.page('/admin/meetings/new');
  assert.doesNotMatch(form.body, /Their Committee/);
  const refused = await s.submit('/admin/meetings/new', {
    organisationId: String(theirs.id),
    ...dateFields('date', '2027-02-03'),
    startTime: '19:00',
    venue: 'Town Hall',
  });
  assert.equal(refused.statusCode, 400);
  assert.equal((await s.page('/admin/meetings/nope')).statusCode, 404);
});
