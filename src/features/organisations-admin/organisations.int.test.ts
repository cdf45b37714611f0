import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, mergeCookies, postForm } from '../../testing/app.js';
import { committee, organisationsTestApp } from './int-test-support.js';

let s: Awaited<ReturnType<typeof organisationsTestApp>>;
before(async () => {
  s = await organisationsTestApp();
});
after(() => s.t.close());

test('the list shows the council, its groups, committees with sub-committees, and its wards', async () => {
  const response = await s.page('/admin/organisations');
  assert.equal(response.statusCode, 200);
  const body = response.body;
  assert.match(
    body,
    /<span class="govuk-caption-l">Demo City Council<\/span>/,
    'first principal council by default',
  );
  for (const group of ['Civic Renewal Group', 'Neighbourhood Voice'])
    assert.match(body, new RegExp(group));
  assert.match(body, /Training required before sitting/);
  const planning = await s.organisation('Planning Committee');
  assert.match(
    body,
    new RegExp(`href="/admin/people\\?committee=${planning.id}">12<`),
    'members link to the people list',
  );
  const standards = body.indexOf('Audit and Standards Committee');
  const hearing = body.indexOf('Standards Hearing Sub-Committee');
  const licensing = body.indexOf('Licensing Committee');
  assert.ok(
    standards > 0 && standards < hearing && hearing < licensing,
    'the sub-committee sits under its parent',
  );
  assert.match(body, /Sub-committee of Audit and Standards Committee/);
  assert.match(body, /28 wards, 84 seats, 0 vacant/);
  assert.match(body, /E05099001/);

  const parish = await s.t.db
    .selectFrom('authorities')
    .select(['id', 'name'])
    .where('kind', '=', 'town')
    .executeTakeFirstOrThrow();
  const switched = await s.page(`/admin/organisations?authority=${parish.id}`);
  assert.equal(switched.statusCode, 200);
  assert.match(switched.body, new RegExp(`<span class="govuk-caption-l">${parish.name}</span>`));
  assert.match(switched.body, /No wards\./);
  assert.match(
    switched.body,
    /<form method="get" action="\/admin\/organisations"/,
    'switching works without JavaScript',
  );
});

test('only administrators may see or change organisations', async () => {
  const member = await s.t.signInAs(['member']);
  const planning = await s.organisation('Planning Committee');
  for (const url of [
    '/admin/organisations',
    '/admin/organisations/new',
    `/admin/organisations/${planning.id}/edit`,
    `/admin/organisations/${planning.id}/dissolve`,
  ]) {
    const response = await s.page(url, member.cookie);
    assert.equal(response.statusCode, 403, url);
  }
  const anonymous = await s.t.app.inject({ url: '/admin/organisations' });
  assert.equal(anonymous.statusCode, 303);
  const mo = await s.t.signInAs(['monitoring-officer']);
  assert.equal((await s.page('/admin/organisations', mo.cookie)).statusCode, 200);
});

test('unknown and malformed ids answer 404', async () => {
  for (const url of [
    '/admin/organisations?authority=999999',
    '/admin/organisations?authority=abc',
    '/admin/organisations/new?authority=-3',
    '/admin/organisations/999999/edit',
    '/admin/organisations/12abc/edit',
    '/admin/organisations/0/dissolve',
    '/admin/organisations/99999999999999999999/dissolve',
  ]) {
    assert.equal((await s.page(url)).statusCode, 404, url);
  }
  const form = await getForm(s.t.app, '/admin/organisations/new', s.admin.cookie);
  for (const url of ['/admin/organisations/999999/edit', '/admin/organisations/x/dissolve']) {
    const response = await postForm(s.t.app, url, { name: 'Anything' }, form);
    assert.equal(response.statusCode, 404, url);
  }
  const badAuthority = await postForm(
    s.t.app,
    '/admin/organisations',
    { authorityId: '999999', ...committee('Nowhere') },
    form,
  );
  assert.equal(badAuthority.statusCode, 404);
});

test('adding a committee records it, audits it and shows it on the list', async () => {
  const response = await s.add({
    ...committee('Appeals Committee'),
    'foundedOn-day': '1',
    'foundedOn-month': '6',
    'foundedOn-year': '2025',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/admin/organisations?authority=${s.city}`);
  const row = await s.organisation('Appeals Committee');
  assert.deepEqual(
    { ...row, id: 0 },
    {
      id: 0,
      authority_id: s.city,
      parent_id: null,
      name: 'Appeals Committee',
      classification: 'committee',
      committee_type: 'licensing',
      training_required: true,
      founded_on: '2025-06-01',
      dissolved_on: null,
    },
  );
  const audit = await s.t.db
    .selectFrom('audit_events')
    .select(['actor_person_id', 'action', 'changes'])
    .where('entity', '=', 'organisation')
    .where('entity_id', '=', String(row.id))
    .executeTakeFirstOrThrow();
  assert.equal(audit.action, 'created');
  assert.equal(audit.actor_person_id, s.admin.personId);
  assert.deepEqual(audit.changes.name, { after: 'Appeals Committee' });
  const list = await s.page(
    `/admin/organisations?authority=${s.city}`,
    mergeCookies(s.admin.cookie, response),
  );
  assert.match(list.body, /Organisation added/);
  assert.match(list.body, /Appeals Committee/);
});

test('a name is unique among the council’s live organisations of the same kind', async () => {
  const clash = await s.add(committee('planning committee', { committeeType: 'planning' }));
  assert.equal(clash.statusCode, 400);
  assert.match(
    clash.body,
    /href="#name">Demo City Council already has a committee called Planning Committee</,
  );
  assert.match(clash.body, /value="planning committee"/, 'what was typed is kept');
  const otherKind = await s.add({ name: 'Planning Committee', classification: 'outside-body' });
  assert.equal(otherKind.statusCode, 303, 'an outside body may share a committee’s name');
});

test('a council has exactly one full council', async () => {
  const second = await s.add({ name: 'Demo City Council (again)', classification: 'council' });
  assert.equal(second.statusCode, 400);
  assert.match(
    second.body,
    /href="#classification">Demo City Council already has its full council/,
  );
  const other = (await s.authority('test-council'))!;
  assert.equal(
    (await s.add({ name: 'Test Council', classification: 'council' }, other.id)).statusCode,
    303,
  );
  const again = await s.add({ name: 'Test Full Council', classification: 'council' }, other.id);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Test Council already has its full council \(Test Council\)/);
});

test('a sub-committee needs a live committee of the same council as its parent', async () => {
  const standards = await s.organisation('Audit and Standards Committee');
  const group = await s.organisation('Forward Together');
  const sub = (parentId: string) => ({
    ...committee('Assessment Sub-Committee', { committeeType: 'audit-and-standards' }),
    classification: 'sub-committee',
    parentId,
  });
  const none = await s.add(sub(''));
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /href="#parentId">Select the committee it reports to</);
  const notCommittee = await s.add(sub(String(group.id)));
  assert.match(notCommittee.body, /href="#parentId">Select a committee of Demo City Council</);
  const other = (await s.authority('test-council'))!;
  assert.equal((await s.add(committee('Test Licensing'), other.id)).statusCode, 303);
  const elsewhere = await s.add(sub(String((await s.organisation('Test Licensing')).id)));
  assert.match(elsewhere.body, /Select a committee of Demo City Council/);
  const hearing = await s.organisation('Standards Hearing Sub-Committee');
  assert.match(
    (await s.add(sub(String(hearing.id)))).body,
    /Select a committee of Demo City Council/,
    'not under another sub-committee',
  );
  const parentOfCommittee = await s.add(
    committee('Parented Committee', { parentId: String(standards.id) }),
  );
  assert.match(
    parentOfCommittee.body,
    /href="#parentId">Only a sub-committee has a parent committee</,
  );
  const ok = await s.add(sub(String(standards.id)));
  assert.equal(ok.statusCode, 303);
  assert.equal((await s.organisation('Assessment Sub-Committee')).parent_id, standards.id);
});

test('committee type and training belong to committees; bad input is listed in page order', async () => {
  const missing = await s.add({ name: 'Scrutiny Panel', classification: 'committee' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#committeeType">Select the type of committee</);
  const typedGroup = await s.add({
    name: 'New Group',
    classification: 'political-group',
    committeeType: 'planning',
  });
  assert.match(
    typedGroup.body,
    /href="#committeeType">Only a committee or sub-committee has a committee type</,
  );
  const empty = await s.add({
    name: '  ',
    'foundedOn-day': '31',
    'foundedOn-month': '2',
    'foundedOn-year': '2025',
  });
  const order = [...empty.body.matchAll(/<a href="(#[A-Za-z-]+)">/g)].map((m) => m[1]);
  assert.deepEqual(order, ['#name', '#classification', '#foundedOn-day']);
  assert.match(empty.body, /The date it was founded must be a real date/);
  assert.match(empty.body, /name="foundedOn-day" type="text" value="31"|value="31"/);
});

test('editing an organisation is audited field by field', async () => {
  const licensing = await s.organisation('Licensing Committee');
  const url = `/admin/organisations/${licensing.id}/edit`;
  const form = await getForm(s.t.app, url, s.admin.cookie);
  assert.match(form.body, /value="Licensing Committee"/);
  const clash = await postForm(
    s.t.app,
    url,
    { name: 'Planning Committee', committeeType: 'licensing', trainingRequired: 'yes' },
    form,
  );
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, /already has a committee called Planning Committee/);
  const ok = await postForm(
    s.t.app,
    url,
    {
      name: 'Licensing and Regulatory Committee',
      committeeType: 'licensing',
      trainingRequired: 'no',
    },
    form,
  );
  assert.equal(ok.statusCode, 303);
  const audit = await s.t.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('entity', '=', 'organisation')
    .where('entity_id', '=', String(licensing.id))
    .executeTakeFirstOrThrow();
  assert.equal(audit.action, 'updated');
  assert.deepEqual(audit.changes, {
    name: { before: 'Licensing Committee', after: 'Licensing and Regulatory Committee' },
    training_required: { before: true, after: false },
  });
  const hearing = await s.organisation('Standards Hearing Sub-Committee');
  const keep = await getForm(s.t.app, `/admin/organisations/${hearing.id}/edit`, s.admin.cookie);
  assert.match(
    keep.body,
    /<option value="standards-hearing" selected>Standards hearing \(its current type\)/,
  );
  const same = await postForm(
    s.t.app,
    `/admin/organisations/${hearing.id}/edit`,
    { name: hearing.name, committeeType: 'standards-hearing', trainingRequired: 'yes' },
    keep,
  );
  assert.equal(same.statusCode, 303, 'an older committee type can be kept');
});
