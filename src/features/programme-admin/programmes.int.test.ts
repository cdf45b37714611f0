import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgramme } from '../member-development/testing.js';
import {
  dateFields,
  errorSummary,
  idFrom,
  programmeTestApp,
  type ProgrammeTest,
} from './int-test-support.js';

let s: ProgrammeTest;
before(async () => {
  s = await programmeTestApp();
});
after(() => s.t.close());

const programme = (id: number) =>
  s.t.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('a programme is created, listed, changed, approved with a reference, started and closed', async () => {
  const created = await s.submit('/admin/programmes/new', {
    title: 'Member development 2026 to 2027',
    ...dateFields('startsOnDate', '2026-05-20'),
    ...dateFields('endsOnDate', '2027-05-19'),
  });
  assert.equal(created.statusCode, 303);
  const id = idFrom(created.headers.location, 'programmes');
  const shown = await s.follow(created);
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Programme added/);
  assert.match(shown.body, /Not yet approved/);
  assert.match((await s.page('/admin/programmes')).body, /Member development 2026 to 2027/);
  assert.doesNotMatch((await s.page('/admin/programmes')).body, /Their programme/);

  const edit = await s.page(`/admin/programmes/${id}/edit`);
  assert.match(edit.body, /name="startsOnDate-year"[^>]*value="2026"/);
  const changed = await s.submit(`/admin/programmes/${id}/edit`, {
    title: 'Member development until May 2027',
    ...dateFields('startsOnDate', '2026-05-21'),
    ...dateFields('endsOnDate', '2027-05-19'),
  });
  assert.equal(changed.statusCode, 303);
  assert.equal((await programme(id)).title, 'Member development until May 2027');
  assert.equal((await programme(id)).starts_on, '2026-05-21');

  // starting a draft is refused: it must be approved first
  const early = await s.submit(`/admin/programmes/${id}`, {}, `/admin/programmes/${id}/start`);
  assert.equal(early.statusCode, 400);
  assert.deepEqual(errorSummary(early.body), ['Only an approved programme can be started']);

  const approved = await s.submit(`/admin/programmes/${id}/approve`, {
    ...dateFields('approvedOnDate', '2026-05-12'),
    reference: 'Standards Committee minute 14/26',
  });
  assert.equal(approved.statusCode, 303);
  const row = await programme(id);
  assert.equal(row.status, 'approved');
  assert.equal(row.approved_on, '2026-05-12');
  assert.equal(row.approval_reference, 'Standards Committee minute 14/26');
  assert.match((await s.page(`/admin/programmes/${id}`)).body, /minute 14\/26/);

  const started = await s.submit(`/admin/programmes/${id}`, {}, `/admin/programmes/${id}/start`);
  assert.equal(started.statusCode, 303);
  assert.equal((await programme(id)).status, 'running');
  const closed = await s.submit(`/admin/programmes/${id}`, {}, `/admin/programmes/${id}/close`);
  assert.equal(closed.statusCode, 303);
  assert.equal((await programme(id)).status, 'closed');
  // a closed programme can no longer be changed
  const late = await s.submit(`/admin/programmes/${id}/edit`, {
    title: 'Too late',
    ...dateFields('startsOnDate', '2026-05-21'),
    ...dateFields('endsOnDate', '2027-05-19'),
  });
  assert.equal(late.statusCode, 400);
  assert.deepEqual(errorSummary(late.body), [
    'This programme is closed, so it can no longer be changed',
  ]);

  const audit = await s.audits('programme', id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['created', 'updated', 'approved', 'started', 'closed'],
  );
  assert.ok(audit.every((a) => a.actor_person_id === s.admin.personId));
});

test('the programme forms refuse what is missing or wrong with a 400 and keep what was typed', async () => {
  const bad = await s.submit('/admin/programmes/new', {
    title: '',
    ...dateFields('startsOnDate', '2026-02-30'),
    ...dateFields('endsOnDate', ''),
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(errorSummary(bad.body), [
    'Enter the title of the programme',
    'The start of the programme must be a real date',
    'Enter the end of the programme',
  ]);
  const backwards = await s.submit('/admin/programmes/new', {
    title: 'Backwards',
    ...dateFields('startsOnDate', '2027-05-20'),
    ...dateFields('endsOnDate', '2026-05-19'),
  });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /value="Backwards"/);
  assert.deepEqual(errorSummary(backwards.body), [
    'The end of the programme must be on or after its start',
  ]);

  const id = await createProgramme(s.t.db, s.authorityId);
  const noReference = await s.submit(`/admin/programmes/${id}/approve`, {
    ...dateFields('approvedOnDate', '2099-01-01'),
    reference: '',
  });
  assert.equal(noReference.statusCode, 400);
  assert.deepEqual(errorSummary(noReference.body), ['Enter the reference of the approval']);
  const future = await s.submit(`/admin/programmes/${id}/approve`, {
    ...dateFields('approvedOnDate', '2099-01-01'),
    reference: 'MO decision 3',
  });
  assert.equal(future.statusCode, 400);
  assert.deepEqual(errorSummary(future.body), [
    'The date of the approval must be today or in the past',
  ]);
  assert.equal((await programme(id)).status, 'draft');
});

test('another council’s programme is a page that does not exist, and so is a bad id', async () => {
  const id = s.other.programme;
  for (const url of [
    `/admin/programmes/${id}`,
    `/admin/programmes/${id}/edit`,
    `/admin/programmes/${id}/approve`,
    `/admin/programmes/${id}/courses/new`,
    '/admin/programmes/abc',
    '/admin/programmes/99999999',
  ])
    assert.equal((await s.page(url)).statusCode, 404, url);
  const own = await createProgramme(s.t.db, s.authorityId);
  const posted = await s.submit(
    `/admin/programmes/${own}/edit`,
    {
      title: 'Taken over',
      ...dateFields('startsOnDate', '2026-01-01'),
      ...dateFields('endsOnDate', '2026-12-31'),
    },
    `/admin/programmes/${id}/edit`,
  );
  assert.equal(posted.statusCode, 404);
  const approve = await s.submit(
    `/admin/programmes/${own}/approve`,
    { ...dateFields('approvedOnDate', '2026-01-01'), reference: 'x' },
    `/admin/programmes/${id}/approve`,
  );
  assert.equal(approve.statusCode, 404);
  assert.equal((await programme(id)).status, 'draft');
  assert.equal((await programme(id)).title, 'Their programme');
});

test('only administrators reach the programme pages', async () => {
  const member = await s.t.signInAs(['member']);
  const response = await s.page('/admin/programmes', member.cookie);
  assert.ok([403, 404].includes(response.statusCode), String(response.statusCode));
});
