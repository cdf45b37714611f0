import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInEngland } from '../../db/current.js';
import { getForm, postForm } from '../../testing/app.js';
import { ensureImplicationTypes } from './index.js';
import { checklistTestApp, createAuthority, createReport } from './test-support.js';

let s: Awaited<ReturnType<typeof checklistTestApp>>;
before(async () => {
  s = await checklistTestApp();
});
after(() => s.t.close());

const typesOf = (authorityId: number) =>
  s.t.db
    .selectFrom('implication_types')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('position')
    .execute();

const auditOf = (entity: string, id: number | string) =>
  s.t.db
    .selectFrom('audit_events')
    .select(['action', 'changes', 'actor_person_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

test('an authority gets the default checklist once, even when two requests ask at once', async () => {
  const authorityId = await createAuthority(s.t.db, 'defaults-council');
  const added = await Promise.all(
    [1, 2, 3].map(() =>
      s.t.db.transaction().execute((trx) => ensureImplicationTypes(trx, authorityId)),
    ),
  );
  assert.deepEqual(added.sort(), [0, 0, 10]);
  const again = await s.t.db
    .transaction()
    .execute((trx) => ensureImplicationTypes(trx, authorityId));
  assert.equal(again, 0);
  const types = await typesOf(authorityId);
  assert.deepEqual(
    types.map((t) => t.key),
    [
      'financial',
      'legal',
      'equality',
      'health-inequalities',
      'human-rights',
      'environment',
      'economic',
      'community-safety',
      'human-resources',
      'property',
    ],
  );
  assert.deepEqual(
    types.filter((t) => t.needs_clearance).map((t) => t.key),
    ['financial', 'legal', 'equality'],
  );
  assert.deepEqual(
    types.map((t) => t.position),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
});

test('the checklist page shows the defaults with clearance and position', async () => {
  const response = await s.page('/admin/implication-types');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Financial implications/);
  assert.match(response.body, /Property implications/);
  assert.equal((await typesOf(s.authorityId)).length, 10);
});

test('adding a type puts it at the end with a key from its name; a duplicate name is refused', async () => {
  const url = '/admin/implication-types';
  const fields = {
    authorityId: String(s.authorityId),
    label: 'Climate change implications',
    needsClearance: 'no',
  };
  const response = await s.submit(url, url, fields);
  assert.equal(response.statusCode, 303);
  const added = (await typesOf(s.authorityId)).at(-1)!;
  assert.equal(added.key, 'climate-change-implications');
  assert.equal(added.position, 11);
  assert.equal((await auditOf('implication-type', added.id))[0]?.action, 'created');

  const twice = await s.submit(url, url, { ...fields, label: 'climate change IMPLICATIONS' });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /already has Climate change implications/);
  const blank = await s.submit(url, url, { authorityId: String(s.authorityId), label: ' ' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Enter a name for the implication/);
  assert.match(blank.body, /Select whether a named officer must clear it/);
});

test('rename, toggle clearance and move are audited with before and after', async () => {
  const [first, second] = await typesOf(s.authorityId);
  const list = '/admin/implication-types';
  const renamed = await s.submit(
    `/admin/implication-types/${second!.id}`,
    `/admin/implication-types/${second!.id}`,
    { label: 'Legal and governance implications' },
  );
  assert.equal(renamed.statusCode, 303);
  await s.submit(list, `/admin/implication-types/${second!.id}/clearance`, {});
  await s.submit(list, `/admin/implication-types/${second!.id}/move`, { direction: 'up' });
  const types = await typesOf(s.authorityId);
  assert.equal(types[0]?.id, second!.id);
  assert.equal(types[1]?.id, first!.id);
  assert.equal(types[0]?.label, 'Legal and governance implications');
  assert.equal(types[0]?.needs_clearance, false);
  const audit = await auditOf('implication-type', second!.id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['renamed', 'clearance-changed', 'moved'],
  );
  assert.deepEqual(audit[0]?.changes.label, {
    before: 'Legal implications',
    after: 'Legal and governance implications',
  });
  // the first cannot move further up: nothing changes
  await s.submit(list, `/admin/implication-types/${second!.id}/move`, { direction: 'up' });
  assert.equal((await typesOf(s.authorityId))[0]?.id, second!.id);
});

test('a retired type stays on reports that answered it, is not offered to others, and can be restored', async () => {
  const property = (await typesOf(s.authorityId)).find((t) => t.key === 'property')!;
  const answered = await createReport(s.t.db, s.authorityId, 'Answered before');
  await s.t.db
    .insertInto('report_implications')
    .values({
      report_id: answered,
      implication_type_id: property.id,
      answer: 'no',
      statement: 'No land or buildings are involved.',
    })
    .execute();
  const fresh = await createReport(s.t.db, s.authorityId, 'Drafted after');
  // a row made when the report was created, never answered, does not keep a retired type
  await s.t.db
    .insertInto('report_implications')
    .values({ report_id: fresh, implication_type_id: property.id })
    .execute();

  const retire = await s.submit(
    '/admin/implication-types',
    `/admin/implication-types/${property.id}/retire`,
    {},
  );
  assert.equal(retire.statusCode, 303);
  assert.equal(
    (await typesOf(s.authorityId)).find((t) => t.id === property.id)?.retired_on,
    todayInEngland(),
  );
  assert.match(
    (await s.page(`/admin/reports/${answered}/implications`)).body,
    /Property implications/,
  );
  assert.doesNotMatch(
    (await s.page(`/admin/reports/${fresh}/implications`)).body,
    /Property implications/,
  );

  await s.submit('/admin/implication-types', `/admin/implication-types/${property.id}/restore`, {});
  assert.equal((await typesOf(s.authorityId)).find((t) => t.id === property.id)?.retired_on, null);
  assert.match(
    (await s.page(`/admin/reports/${fresh}/implications`)).body,
    /Property implications/,
  );
  assert.deepEqual(
    (await auditOf('implication-type', property.id)).map((a) => a.action),
    ['retired', 'restored'],
  );
});

test('answers are saved together, audited with before and after, and blanks are allowed', async () => {
  const reportId = await createReport(s.t.db, s.authorityId, 'Checklist answers');
  const url = `/admin/reports/${reportId}/implications`;
  const types = await typesOf(s.authorityId);
  const financial = types.find((t) => t.key === 'financial');
  const legal = types.find((t) => t.key === 'legal');
  const response = await s.submit(url, url, {
    [`answer-${financial!.id}`]: 'no',
    [`statement-${financial!.id}`]: '  No cost beyond existing budgets.  ',
    [`answer-${legal!.id}`]: 'yes',
    [`statement-${legal!.id}`]: '',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/admin/reports/${reportId}`);
  const rows = await s.t.db
    .selectFrom('report_implications')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('implication_type_id')
    .execute();
  const byType = new Map(rows.map((r) => [r.implication_type_id, r]));
  assert.deepEqual(
    [byType.get(financial!.id)?.answer, byType.get(financial!.id)?.statement],
    ['no', 'No cost beyond existing budgets.'],
  );
  assert.equal(byType.get(legal!.id)?.answer, 'yes');

  const changed = await s.submit(url, url, {
    [`answer-${financial!.id}`]: 'yes',
    [`statement-${financial!.id}`]: 'A one-off cost of £2,000.',
    [`answer-${legal!.id}`]: 'yes',
  });
  assert.equal(changed.statusCode, 303);
  const audit = await auditOf('report', reportId);
  assert.equal(audit.length, 2);
  assert.deepEqual(audit[1]?.changes.financial, {
    before: { answer: 'no', statement: 'No cost beyond existing budgets.' },
    after: { answer: 'yes', statement: 'A one-off cost of £2,000.' },
  });
  assert.equal(audit[1]?.actor_person_id, s.admin.personId);
});

test('a statement over 5,000 characters is refused and what was typed is kept', async () => {
  const reportId = await createReport(s.t.db, s.authorityId, 'Long statement');
  const url = `/admin/reports/${reportId}/implications`;
  const financial = (await typesOf(s.authorityId)).find((t) => t.key === 'financial')!;
  const response = await s.submit(url, url, {
    [`answer-${financial.id}`]: 'no',
    [`statement-${financial.id}`]: 'x'.repeat(5001),
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /must be 5,000 characters or fewer/);
  assert.match(response.body, new RegExp(`href="#statement-${financial.id}"`));
  const saved = await s.t.db
    .selectFrom('report_implications')
    .select('id')
    .where('report_id', '=', reportId)
    .execute();
  assert.equal(saved.length, 0);
});

test('a published report’s checklist cannot be changed', async () => {
  const reportId = await createReport(s.t.db, s.authorityId, 'Published already', 'published');
  const url = `/admin/reports/${reportId}/implications`;
  const page = await s.page(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /no longer a draft/);
  assert.doesNotMatch(page.body, /Save checklist/);
  // a form opened while it was a draft, sent after publication
  const draftId = await createReport(s.t.db, s.authorityId, 'Published while open');
  const form = await getForm(s.t.app, `/admin/reports/${draftId}/implications`, s.admin.cookie);
  await s.t.db
    .updateTable('reports')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', draftId)
    .execute();
  const financial = (await typesOf(s.authorityId)).find((t) => t.key === 'financial')!;
  const refused = await postForm(
    s.t.app,
    `/admin/reports/${draftId}/implications`,
    { [`answer-${financial.id}`]: 'no' },
    form,
  );
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /no longer a draft/);
  const saved = await s.t.db
    .selectFrom('report_implications')
    .select('id')
    .where('report_id', '=', draftId)
    .execute();
  assert.equal(saved.length, 0);
});

test('only administrators reach these pages; another council’s report and types are not found', async () => {
  const officer = await s.t.signInAs(['officer']);
  const reportId = await createReport(s.t.db, s.authorityId, 'Access');
  for (const url of [
    '/admin/implication-types',
    '/admin/house-style',
    `/admin/reports/${reportId}/implications`,
    `/admin/reports/${reportId}/appendices`,
  ]) {
    assert.equal((await s.page(url, officer.cookie)).statusCode, 403, url);
  }
  const elsewhere = await createAuthority(s.t.db, 'elsewhere-council');
  const theirs = await createReport(s.t.db, elsewhere, 'Not yours');
  await s.t.db.transaction().execute((trx) => ensureImplicationTypes(trx, elsewhere));
  const theirType = (await typesOf(elsewhere))[0]!;
  assert.equal((await s.page(`/admin/reports/${theirs}/implications`)).statusCode, 404);
  assert.equal((await s.page(`/admin/reports/${theirs}/appendices`)).statusCode, 404);
  assert.equal((await s.page(`/admin/implication-types/${theirType.id}`)).statusCode, 404);
  assert.equal((await s.page(`/admin/implication-types?authority=${elsewhere}`)).statusCode, 404);
  assert.equal((await s.page('/admin/reports/abc/implications')).statusCode, 404);
});
