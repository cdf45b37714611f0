import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorSummary, meetingsTestApp, type MeetingsTest } from './int-test-support.js';

let s: MeetingsTest;
before(async () => {
  s = await meetingsTestApp();
});
after(() => s.t.close());

const future = () => new Date(Date.now() + 14 * 86_400_000);
const agenda = (meetingId: number) =>
  s.t.db
    .selectFrom('agenda_items')
    .select(['title', 'report_id'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
const itemIds = async (meetingId: number) =>
  (
    await s.t.db
      .selectFrom('agenda_items')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute()
  ).map((r) => r.id);
const report = (id: number) =>
  s.t.db
    .selectFrom('reports')
    .select(['status', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test('items are added (with or without a report), moved and removed while the agenda is unpublished', async () => {
  const id = await s.makeMeeting(future());
  const r = await s.makeReport({ title: 'Annual standards report' });
  const url = `/admin/meetings/${id}`;
  assert.equal(
    (await s.submit(url, { title: 'Apologies for absence' }, `${url}/agenda`)).statusCode,
    303,
  );
  assert.equal(
    (await s.submit(url, { title: '', reportId: String(r.id) }, `${url}/agenda`)).statusCode,
    303,
  );
  assert.equal(
    (await s.submit(url, { title: 'Any other business' }, `${url}/agenda`)).statusCode,
    303,
  );
  assert.deepEqual(
    (await agenda(id)).map((i) => i.title),
    ['Apologies for absence', 'Annual standards report', 'Any other business'],
  );
  const [first, second, third] = await itemIds(id);
  assert.equal(
    (await s.submit(url, { direction: 'up' }, `${url}/agenda/${third}/move`)).statusCode,
    303,
  );
  assert.deepEqual(await itemIds(id), [first, third, second]);
  const refused = await s.submit(url, { direction: 'up' }, `${url}/agenda/${first}/move`);
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), ['That item is already first']);
  assert.equal((await s.submit(url, {}, `${url}/agenda/${third}/remove`)).statusCode, 303);
  assert.deepEqual(
    (await agenda(id)).map((i) => i.title),
    ['Apologies for absence', 'Annual standards report'],
  );
  const actions = await s.t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'agenda_item')
    .where('entity_id', 'in', [String(first), String(second), String(third)])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['added', 'added', 'added', 'moved', 'removed'],
  );

  const empty = await s.submit(url, { title: '' }, `${url}/agenda`);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), ['Enter a title, or select a report']);

  // another council's report cannot be attached
  const otherAuthority = await s.t.db
    .insertInto('authorities')
    .values({ slug: `elsewhere-${s.tag}`, name: 'Elsewhere', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const foreign = await s.t.db
    .insertInto('reports')
    .values({ authority_id: otherAuthority.id, title: 'Not ours' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const wrong = await s.submit(url, { title: 'x', reportId: String(foreign.id) }, `${url}/agenda`);
  assert.equal(wrong.statusCode, 400);
  assert.match(
    errorSummary(wrong.body)[0] ?? '',
    /Select a draft or published report of Test Council/,
  );
});

test('publishing is refused, with each problem linked, while a report on the agenda is not ready', async () => {
  const id = await s.makeMeeting(future());
  const ready = await s.makeReport();
  const notReady = await s.makeReport({ title: 'Half-written report', summary: 'Costs are TBC.' });
  await s.addItem(id, 'Ready one', ready.id);
  await s.addItem(id, 'Unfinished one', notReady.id);
  const url = `/admin/meetings/${id}`;
  const response = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.equal(response.statusCode, 400);
  const summary = errorSummary(response.body);
  assert.equal(summary[0], 'The agenda cannot be published until every report on it is ready');
  assert.ok(
    summary.some((t) => t.startsWith('Half-written report:') && t.includes('TBC')),
    summary.join(' | '),
  );
  assert.match(response.body, new RegExp(`href="/admin/reports/${notReady.id}[^"]*"`));
  assert.equal((await s.meeting(id)).agenda_published_at, null);
  assert.equal((await report(ready.id)).status, 'draft', 'nothing is published');

  // an unanswered checklist question stops it too
  await s.t.db
    .insertInto('implication_types')
    .values({ authority_id: s.authority.id, key: `legal-${s.tag}`, label: 'Legal', position: 1 })
    .execute();
  const again = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.ok(errorSummary(again.body).some((t) => t.includes('Legal: answer yes or no')));
  await s.t.db.deleteFrom('implication_types').where('authority_id', '=', s.authority.id).execute();
});

test('publishing the agenda publishes its open draft reports, not its exempt ones, in one go', async () => {
  const id = await s.makeMeeting(future());
  const open = await s.makeReport({ title: 'Open report' });
  const exempt = await s.makeReport({ title: 'Exempt report', category: 'exempt' });
  await s.addItem(id, 'Apologies');
  await s.addItem(id, 'Open report', open.id);
  await s.addItem(id, 'Exempt report', exempt.id);
  const url = `/admin/meetings/${id}`;
  const response = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.equal(response.statusCode, 303);
  const meeting = await s.meeting(id);
  assert.ok(meeting.agenda_published_at);
  const published = await report(open.id);
  assert.equal(published.status, 'published');
  assert.equal(published.published_at?.getTime(), meeting.agenda_published_at.getTime());
  assert.equal((await report(exempt.id)).status, 'draft');
  assert.deepEqual(
    (await s.audits('report', open.id)).map((a) => a.action),
    ['published'],
  );
  assert.deepEqual(
    (await s.audits('report', exempt.id)).map((a) => a.action),
    [],
  );
  assert.ok((await s.audits('meeting', id)).some((a) => a.action === 'agenda-published'));

  // once published the agenda is fixed
  const page = await s.page(url);
  assert.doesNotMatch(page.body, /Add the item/);
  assert.match(page.body, /exempt under paragraph 3/);
  const [firstItem] = await itemIds(id);
  const remove = await s.submit(url, {}, `${url}/agenda/${firstItem}/remove`);
  assert.equal(remove.statusCode, 400);
  assert.deepEqual(errorSummary(remove.body), [
    'The agenda has been published, so it can no longer change',
  ]);
  const twice = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.equal(twice.statusCode, 400);
});

test('an empty agenda, or one with a withdrawn report, cannot be published', async () => {
  const id = await s.makeMeeting(future());
  const url = `/admin/meetings/${id}`;
  const response = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorSummary(response.body), [
    'Add at least one item before publishing the agenda',
  ]);

  const r = await s.makeReport({ title: 'Dropped report' });
  await s.addItem(id, 'Dropped report', r.id);
  await s.t.db.updateTable('reports').set({ status: 'withdrawn' }).where('id', '=', r.id).execute();
  const withdrawn = await s.submit(url, {}, `${url}/publish-agenda`);
  assert.equal(withdrawn.statusCode, 400);
  assert.deepEqual(errorSummary(withdrawn.body), [
    'The report on item 1, Dropped report, has been withdrawn: remove the item first',
  ]);
});
