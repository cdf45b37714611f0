import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrainingSession } from '../member-development/testing.js';
import { dateFields, errorSummary, type ProgrammeTest } from './int-test-support.js';
import { blankSession as blank, sessionTestApp, type SessionTest } from './session-test-support.js';

/** Changing and cancelling sessions, and their facilitators. */
let s: ProgrammeTest;
let groupCourse: number;
let allCourse: number;
let session: SessionTest['session'];
let confirmed: SessionTest['confirmed'];
let close: () => Promise<void>;
before(async () => {
  const f = await sessionTestApp();
  ({ s, groupCourse, allCourse, session, confirmed } = f);
  close = () => f.s.t.close();
});
after(() => close());

test('changing a confirmed session’s time or venue raises its sequence; other changes do not', async () => {
  const id = await confirmed(allCourse);
  const edit = await s.page(`/admin/sessions/${id}/edit`);
  assert.match(edit.body, /value="18:00"/);
  const same = {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: '18:00',
    endTime: '19:30',
    venue: 'Committee Room 1',
  };
  const capacityOnly = await s.submit(`/admin/sessions/${id}/edit`, { ...same, capacity: '25' });
  assert.equal(capacityOnly.statusCode, 303);
  assert.equal((await session(id)).sequence, 2);
  assert.equal((await session(id)).capacity, 25);

  const moved = await s.submit(`/admin/sessions/${id}/edit`, { ...same, venue: 'Council Chamber' });
  assert.equal(moved.statusCode, 303);
  assert.match(
    (await s.follow(moved)).body,
    /Everyone invited will be sent the new time and place/,
  );
  assert.equal((await session(id)).sequence, 3);
  const later = await s.submit(`/admin/sessions/${id}/edit`, {
    ...same,
    startTime: '18:30',
    endTime: '',
  });
  assert.equal(later.statusCode, 303);
  const row = await session(id);
  assert.equal(row.sequence, 4);
  assert.equal(row.starts_at?.toISOString(), '2026-10-14T17:30:00.000Z');
  assert.equal(row.status, 'confirmed');
  // a confirmed session cannot lose its date
  const undated = await s.submit(`/admin/sessions/${id}/edit`, {
    ...same,
    ...dateFields('sessionDate', ''),
    startTime: '',
    endTime: '',
  });
  assert.equal(undated.statusCode, 400);
  assert.deepEqual(errorSummary(undated.body), ['Enter the date of the session']);

  // a planned session's changes are not sent anywhere
  const planned = await createTrainingSession(s.t.db, groupCourse, { group_id: s.groupB });
  const dated = await s.submit(`/admin/sessions/${planned}/edit`, {
    ...same,
    groupId: String(s.groupB),
  });
  assert.equal(dated.statusCode, 303);
  assert.equal((await session(planned)).sequence, 0);
  // a group whose whip has been sent dates stays the session's group
  await s.t.db
    .insertInto('session_date_proposals')
    .values({
      session_id: planned,
      starts_at: new Date('2026-10-21T17:00:00Z'),
      ends_at: new Date('2026-10-21T18:30:00Z'),
      proposed_by: s.admin.personId,
      by_whip: false,
    })
    .execute();
  const regrouped = await s.submit(`/admin/sessions/${planned}/edit`, {
    ...same,
    groupId: String(s.groupA),
  });
  assert.equal(regrouped.statusCode, 400);
  assert.deepEqual(errorSummary(regrouped.body), [
    'Dates have been proposed to this group, so the group cannot change: cancel the session and add one for the other group',
  ]);
  assert.equal((await session(planned)).group_id, s.groupB);
  const audit = await s.audits('training-session', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['updated', 'updated', 'updated'],
  );
  assert.deepEqual(audit[1]?.changes.venue, {
    before: 'Committee Room 1',
    after: 'Council Chamber',
  });
});

test('cancelling a confirmed session raises its sequence; a cancelled session cannot change', async () => {
  const id = await confirmed(allCourse, { sequence: 0 });
  const page = await s.page(`/admin/sessions/${id}/cancel`);
  assert.match(page.body, /will be sent the cancellation/);
  const cancelled = await s.submit(`/admin/sessions/${id}/cancel`, {});
  assert.equal(cancelled.statusCode, 303);
  const row = await session(id);
  assert.equal(row.status, 'cancelled');
  assert.equal(row.sequence, 1);
  const again = await s.submit(`/admin/sessions/${id}`, {}, `/admin/sessions/${id}/cancel`);
  assert.equal(again.statusCode, 400);
  assert.deepEqual(errorSummary(again.body), [
    'This session is cancelled, so it cannot be cancelled',
  ]);
  const edit = await s.submit(`/admin/sessions/${id}/edit`, {
    ...blank,
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: '18:00',
  });
  assert.equal(edit.statusCode, 400);
  assert.deepEqual(errorSummary(edit.body), [
    'This session is cancelled, so it can no longer be changed',
  ]);
  assert.equal((await session(id)).sequence, 1);
  assert.deepEqual(
    (await s.audits('training-session', id)).map((a) => a.action),
    ['cancelled'],
  );
  // a planned session is cancelled without raising its sequence
  const planned = await createTrainingSession(s.t.db, allCourse);
  assert.equal((await s.submit(`/admin/sessions/${planned}/cancel`, {})).statusCode, 303);
  assert.equal((await session(planned)).sequence, 0);
});

test('facilitators are added and removed; nobody twice, nobody from another council', async () => {
  const id = await createTrainingSession(s.t.db, groupCourse, { group_id: s.groupB });
  const peer = (
    await s.t.db
      .insertInto('people')
      .values({
        authority_id: s.authorityId,
        given_name: 'Pat',
        family_name: 'Peer',
        email: null,
        kind: 'facilitator',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const stranger = (
    await s.t.db
      .insertInto('people')
      .values({
        authority_id: s.other.authority,
        given_name: 'Sam',
        family_name: 'Stranger',
        email: null,
        kind: 'facilitator',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const councillor = async (family: string, endDate: string | null) => {
    const person = (
      await s.t.db
        .insertInto('people')
        .values({
          authority_id: s.authorityId,
          given_name: 'Cllr',
          family_name: family,
          email: null,
          kind: 'member',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await s.t.db
      .insertInto('memberships')
      .values({
        person_id: person,
        organisation_id: s.council,
        start_date: '2022-05-05',
        end_date: endDate,
      })
      .execute();
    return person;
  };
  await councillor('Sitting', null);
  await councillor('Former', '2024-05-01');
  const pageUrl = `/admin/sessions/${id}`;
  const action = `/admin/sessions/${id}/facilitators`;
  assert.match((await s.page(pageUrl)).body, /Pat Peer \(facilitator\)/);
  assert.doesNotMatch((await s.page(pageUrl)).body, /Sam Stranger/);
  assert.match((await s.page(pageUrl)).body, /Cllr Sitting \(councillor\)/);
  assert.doesNotMatch((await s.page(pageUrl)).body, /Cllr Former/);
  const empty = await s.submit(pageUrl, { personId: '', role: '' }, action);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), ['Select the facilitator']);
  const added = await s.submit(pageUrl, { personId: String(peer), role: 'Member peer' }, action);
  assert.equal(added.statusCode, 303);
  assert.match((await s.follow(added)).body, /Member peer/);
  const twice = await s.submit(pageUrl, { personId: String(peer), role: '' }, action);
  assert.equal(twice.statusCode, 400);
  assert.deepEqual(errorSummary(twice.body), ['That person already facilitates this session']);
  const foreign = await s.submit(pageUrl, { personId: String(stranger), role: '' }, action);
  assert.equal(foreign.statusCode, 400);
  assert.deepEqual(errorSummary(foreign.body), [
    'Select a facilitator, officer or member of the council',
  ]);
  const facilitators = () =>
    s.t.db
      .selectFrom('session_facilitators')
      .select(['person_id', 'role'])
      .where('session_id', '=', id)
      .execute();
  assert.deepEqual(await facilitators(), [{ person_id: peer, role: 'Member peer' }]);

  const removed = await s.submit(pageUrl, {}, `/admin/sessions/${id}/facilitators/${peer}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(await facilitators(), []);
  assert.deepEqual(
    (await s.audits('training-session', id)).map((a) => a.action),
    ['facilitator-added', 'facilitator-removed'],
  );
});

test("a confirmed group session's date is agreed with its whip, so it cannot be moved here", async () => {
  const id = await confirmed(groupCourse, { group_id: s.groupA });
  const same = {
    ...blank,
    groupId: String(s.groupA),
    ...dateFields('sessionDate', '2026-10-14'),
    startTime: '18:00',
    endTime: '19:30',
    venue: 'Committee Room 1',
  };
  const moved = await s.submit(`/admin/sessions/${id}/edit`, {
    ...same,
    startTime: '19:00',
    endTime: '',
  });
  assert.equal(moved.statusCode, 400);
  assert.match(errorSummary(moved.body).join(' '), /agreed with its whip/);
  assert.equal((await session(id)).starts_at?.toISOString(), '2026-10-14T17:00:00.000Z');
  const venue = await s.submit(`/admin/sessions/${id}/edit`, { ...same, venue: 'Council Chamber' });
  assert.equal(venue.statusCode, 303, 'the place may still change');
});
