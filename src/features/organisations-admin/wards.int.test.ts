import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { organisationsTestApp } from './int-test-support.js';

let s: Awaited<ReturnType<typeof organisationsTestApp>>;
before(async () => {
  s = await organisationsTestApp();
});
after(() => s.t.close());

async function addWard(fields: Record<string, string>) {
  const form = await getForm(s.t.app, '/admin/wards/new', s.admin.cookie);
  return postForm(s.t.app, '/admin/wards', fields, form);
}

const ward = (name: string, authorityId: number) =>
  s.t.db
    .selectFrom('areas')
    .selectAll()
    .where('name', '=', name)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();

const auditOf = (entity: string, id: number) =>
  s.t.db
    .selectFrom('audit_events')
    .select(['action', 'changes', 'actor_person_id'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

test('a ward with two seats creates the ward and its posts on the council, audited', async () => {
  const response = await addWard({
    authorityId: String(s.city),
    name: 'Riverside',
    gssCode: ' e05012345 ',
    seats: '2',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/admin/organisations?authority=${s.city}`);
  const area = await ward('Riverside', s.city);
  assert.ok(area);
  assert.equal(area.gss_code, 'E05012345', 'a GSS code is kept in capitals');
  assert.equal(area.kind, 'ward');
  const posts = await s.t.db
    .selectFrom('posts as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.label', 'o.classification', 'o.name'])
    .where('p.area_id', '=', area.id)
    .orderBy('p.label')
    .execute();
  assert.deepEqual(
    posts.map((p) => [p.label, p.classification, p.name]),
    [
      ['Seat 1', 'council', 'Demo City Council'],
      ['Seat 2', 'council', 'Demo City Council'],
    ],
  );
  const [created] = await auditOf('ward', area.id);
  assert.equal(created?.action, 'created');
  assert.equal(created?.actor_person_id, s.admin.personId);
  assert.deepEqual(created?.changes.name, { after: 'Riverside' });
  assert.deepEqual(created?.changes.seats, { after: 2 });
  for (const post of posts) assert.equal((await auditOf('post', post.id)).length, 1);
  const list = await s.page(`/admin/organisations?authority=${s.city}`);
  assert.match(list.body, /29 wards, 86 seats, 2 vacant/);
});

test('a council without its full council gets one, named after it, with its first ward', async () => {
  const other = (await s.authority('test-council'))!;
  const before = await s.t.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', other.id)
    .where('classification', '=', 'council')
    .execute();
  assert.deepEqual(before, []);
  const response = await addWard({ authorityId: String(other.id), name: 'Riverside', seats: '3' });
  assert.equal(response.statusCode, 303, 'a ward name is unique per council, not everywhere');
  const council = await s.t.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', other.id)
    .where('classification', '=', 'council')
    .execute();
  assert.deepEqual(
    council.map((c) => c.name),
    ['Test Council'],
  );
  assert.equal((await auditOf('organisation', council[0]!.id))[0]?.action, 'created');
  const area = await ward('Riverside', other.id);
  const seats = await s.t.db
    .selectFrom('posts')
    .select('label')
    .where('area_id', '=', area!.id)
    .where('organisation_id', '=', council[0]!.id)
    .execute();
  assert.equal(seats.length, 3);
  const second = await addWard({ authorityId: String(other.id), name: 'Hillside', seats: '1' });
  assert.equal(second.statusCode, 303);
  const councils = await s.t.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', other.id)
    .where('classification', '=', 'council')
    .execute();
  assert.equal(councils.length, 1, 'the second ward uses the same council');
});

test('ward names are unique per council and GSS codes must look like E05012345', async () => {
  const clash = await addWard({ authorityId: String(s.city), name: 'eastgate', seats: '3' });
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, /href="#name">Demo City Council already has a ward called Eastgate</);
  assert.match(clash.body, /value="eastgate"/);
  for (const code of ['E0501234', 'E050123456', '505012345', 'EE5012345', 'E05-12345']) {
    const bad = await addWard({
      authorityId: String(s.city),
      name: 'Newtown',
      gssCode: code,
      seats: '1',
    });
    assert.equal(bad.statusCode, 400, code);
    assert.match(
      bad.body,
      /href="#gssCode">Enter a GSS code in the correct format, like E05012345</,
      code,
    );
    assert.match(bad.body, new RegExp(`value="${code}"`), `${code} is kept`);
  }
  const taken = await addWard({
    authorityId: String(s.city),
    name: 'Newtown',
    gssCode: 'E05099001',
    seats: '1',
  });
  assert.match(
    taken.body,
    /href="#gssCode">Alderbrook \(Demo City Council\) already has the GSS code E05099001</,
  );
  const nothing = await addWard({ seats: '4' });
  const order = [...nothing.body.matchAll(/<a href="(#[A-Za-z-]+)">/g)].map((m) => m[1]);
  assert.deepEqual(order, ['#authorityId', '#name', '#seats']);
  assert.match(nothing.body, /Select how many councillors the ward elects/);
  assert.equal(await ward('Newtown', s.city), undefined, 'nothing was saved');
});

test('editing a ward is audited field by field; unknown and malformed ids are 404', async () => {
  const eastgate = (await ward('Eastgate', s.city))!;
  const url = `/admin/wards/${eastgate.id}/edit`;
  const form = await getForm(s.t.app, url, s.admin.cookie);
  assert.match(form.body, /value="Eastgate"/);
  const bad = await postForm(s.t.app, url, { name: '', gssCode: 'nonsense' }, form);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the name of the ward/);
  const clash = await postForm(s.t.app, url, { name: 'Westbrook Fields', gssCode: '' }, form);
  assert.match(clash.body, /already has a ward called Westbrook Fields/);
  const ok = await postForm(
    s.t.app,
    url,
    { name: 'Eastgate and Docks', gssCode: 'E05099111' },
    form,
  );
  assert.equal(ok.statusCode, 303);
  const [audit] = await auditOf('ward', eastgate.id);
  assert.equal(audit?.action, 'updated');
  assert.deepEqual(audit?.changes, {
    name: { before: 'Eastgate', after: 'Eastgate and Docks' },
    gss_code: { before: eastgate.gss_code, after: 'E05099111' },
  });
  const unchanged = await postForm(
    s.t.app,
    url,
    { name: 'Eastgate and Docks', gssCode: 'E05099111' },
    form,
  );
  assert.equal(unchanged.statusCode, 303);
  assert.equal((await auditOf('ward', eastgate.id)).length, 1, 'no change, no audit row');

  for (const bad of [
    '/admin/wards/999999/edit',
    '/admin/wards/abc/edit',
    '/admin/wards/new?authority=999999',
  ]) {
    assert.equal((await s.page(bad)).statusCode, 404, bad);
  }
  assert.equal(
    (await postForm(s.t.app, '/admin/wards/999999/edit', { name: 'X' }, form)).statusCode,
    404,
  );
  const member = await s.t.signInAs(['member']);
  assert.equal((await s.page('/admin/wards/new', member.cookie)).statusCode, 403);
  assert.equal((await s.page(url, member.cookie)).statusCode, 403);
});
