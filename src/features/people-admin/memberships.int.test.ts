import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { createSession, loadSessionUser } from '../../platform/session.js';

let t: TestApp;
let admin: { cookie: string; personId: number };

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  admin = await t.signInAs(['democratic-services']);
  // an administrator of the demo council (another principal council's people answer 404)
  const city = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('name', '=', 'Demo City Council')
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('people')
    .set({ authority_id: city.id })
    .where('id', '=', admin.personId)
    .execute();
});
after(() => t.close());

const dateFields = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};

async function whip() {
  return t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'p.id as person_id',
      'm.id as membership_id',
      'o.id as group_id',
      'o.name',
      'p.authority_id',
    ])
    .where('m.role', '=', 'whip')
    .where('m.end_date', 'is', null)
    .orderBy('o.name')
    .executeTakeFirstOrThrow();
}

async function whipOf(personId: number) {
  const settings = { idleMinutes: 30, absoluteHours: 1 };
  const user = await loadSessionUser(t.db, await createSession(t.db, personId, settings), settings);
  return user!.whipOf;
}

test('moving a whip to another group ends the old membership and starts the new one together', async () => {
  const current = await whip();
  assert.deepEqual(
    await whipOf(current.person_id),
    [current.group_id],
    'the whip starts as whip of their group',
  );
  const other = await t.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('classification', '=', 'political-group')
    .where('id', '<>', current.group_id)
    .where('authority_id', '=', current.authority_id)
    .executeTakeFirstOrThrow();
  const form = await getForm(t.app, `/admin/people/${current.person_id}/move-group`, admin.cookie);
  const response = await postForm(
    t.app,
    `/admin/people/${current.person_id}/move-group`,
    { groupId: String(other.id), ...dateFields('startDate', '2026-06-01') },
    form,
  );
  assert.equal(response.statusCode, 303);
  const memberships = await t.db
    .selectFrom('memberships')
    .select(['organisation_id', 'role', 'start_date', 'end_date', 'end_reason'])
    .where('person_id', '=', current.person_id)
    .where('organisation_id', 'in', [current.group_id, other.id])
    .orderBy('start_date')
    .execute();
  assert.equal(memberships.length, 2, 'the old membership is kept as history');
  assert.deepEqual(memberships[0], {
    organisation_id: current.group_id,
    role: 'whip',
    start_date: memberships[0]!.start_date,
    end_date: '2026-05-31',
    end_reason: `Moved to ${other.name}`,
  });
  assert.equal(memberships[1]!.organisation_id, other.id);
  assert.equal(memberships[1]!.role, 'member');
  assert.equal(memberships[1]!.end_date, null);
  assert.deepEqual(await whipOf(current.person_id), [], 'no longer whip of the old group');

  const page = await t.app.inject({
    url: `/admin/people/${current.person_id}`,
    headers: { cookie: mergeCookies(form.cookie, response) },
  });
  assert.match(page.body, /Group changed/);
  assert.match(page.body, new RegExp(`Moved to ${other.name}`));
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action'])
    .where('entity', '=', 'membership')
    .where('actor_person_id', '=', admin.personId)
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['created', 'ended']);
});

test('a move to the same group or before they joined is refused with a message on the field', async () => {
  const current = await whip();
  const form = await getForm(t.app, `/admin/people/${current.person_id}/move-group`, admin.cookie);
  const same = await postForm(
    t.app,
    `/admin/people/${current.person_id}/move-group`,
    { groupId: String(current.group_id), ...dateFields('startDate', '2026-07-01') },
    form,
  );
  assert.equal(same.statusCode, 400);
  assert.match(same.body, /href="#groupId"[^>]*>They are already in/);
  const early = await postForm(
    t.app,
    `/admin/people/${current.person_id}/move-group`,
    { groupId: '', 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2026' },
    form,
  );
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Select the group they are joining/);
  assert.match(early.body, /The date they join must be a real date/);
});

test('ending a membership keeps it with its date and reason; ending before it began is refused', async () => {
  const committee = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id', 'm.person_id', 'm.start_date', 'o.name'])
    .where('o.classification', '=', 'committee')
    .where('m.end_date', 'is', null)
    .executeTakeFirstOrThrow();
  const url = `/admin/people/${committee.person_id}/memberships/${committee.id}/end`;
  const form = await getForm(t.app, url, admin.cookie);
  assert.match(form.body, new RegExp(`End membership of ${committee.name}`));
  const tooEarly = await postForm(
    t.app,
    url,
    { reason: 'Left', ...dateFields('endDate', '2001-01-01') },
    form,
  );
  assert.equal(tooEarly.statusCode, 400);
  assert.match(tooEarly.body, /The end date must be on or after the day the membership started/);
  const noReason = await postForm(
    t.app,
    url,
    { reason: '  ', ...dateFields('endDate', '2026-09-30') },
    form,
  );
  assert.match(noReason.body, /Enter why the membership ended/);
  const ok = await postForm(
    t.app,
    url,
    { reason: 'Stood down from the committee', ...dateFields('endDate', '2026-09-30') },
    form,
  );
  assert.equal(ok.statusCode, 303);
  const row = await t.db
    .selectFrom('memberships')
    .select(['end_date', 'end_reason'])
    .where('id', '=', committee.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { end_date: '2026-09-30', end_reason: 'Stood down from the committee' });
  const unknown = await t.app.inject({
    url: `/admin/people/${committee.person_id}/memberships/999999/end`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(unknown.statusCode, 404);
});

test('adding a council seat needs a free seat of that council; group members must move instead', async () => {
  const councillor = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.person_id', 'm.post_id', 'o.id as council_id'])
    .where('o.classification', '=', 'council')
    .where('m.post_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const url = `/admin/people/${councillor.person_id}/memberships`;
  const form = await getForm(t.app, `${url}/new`, admin.cookie);
  const taken = await postForm(
    t.app,
    url,
    {
      organisationId: String(councillor.council_id),
      role: 'member',
      postId: String(councillor.post_id),
      voting: 'yes',
      ...dateFields('startDate', '2026-05-07'),
    },
    form,
  );
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /Someone holds that seat on that date/);
  const noSeat = await postForm(
    t.app,
    url,
    {
      organisationId: String(councillor.council_id),
      role: 'member',
      voting: 'yes',
      ...dateFields('startDate', '2026-05-07'),
    },
    form,
  );
  assert.match(noSeat.body, /Select the seat they hold/);
  const group = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('classification', '=', 'political-group')
    .executeTakeFirstOrThrow();
  const second = await postForm(
    t.app,
    url,
    {
      organisationId: String(group.id),
      role: 'member',
      voting: 'yes',
      ...dateFields('startDate', '2026-05-07'),
    },
    form,
  );
  assert.match(
    second.body,
    /use &quot;Move to another group&quot; instead|use "Move to another group" instead/,
  );
});

test('a co-opted member is added to a committee without a vote', async () => {
  const coopted = await t.db
    .selectFrom('people')
    .select(['id', 'authority_id'])
    .where('kind', '=', 'co-opted-member')
    .executeTakeFirstOrThrow();
  const committee = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('classification', '=', 'committee')
    .where('name', 'like', 'Licensing%')
    .executeTakeFirstOrThrow();
  const url = `/admin/people/${coopted.id}/memberships`;
  const form = await getForm(t.app, `${url}/new`, admin.cookie);
  const response = await postForm(
    t.app,
    url,
    {
      organisationId: String(committee.id),
      role: 'member',
      voting: 'no',
      ...dateFields('startDate', '2026-06-01'),
      ...dateFields('termEndsOn', '2027-05-31'),
    },
    form,
  );
  assert.equal(response.statusCode, 303);
  const row = await t.db
    .selectFrom('memberships')
    .select(['voting', 'term_ends_on'])
    .where('person_id', '=', coopted.id)
    .where('organisation_id', '=', committee.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { voting: false, term_ends_on: '2027-05-31' });
});

test('correcting details is audited field by field, and a clashing email is refused', async () => {
  const person = await t.db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('kind', '=', 'member')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const url = `/admin/people/${person.id}/edit`;
  const form = await getForm(t.app, url, admin.cookie);
  const clash = await postForm(
    t.app,
    url,
    {
      givenName: person.given_name,
      familyName: person.family_name,
      email: 'mo@demo-city.example',
      publishEmail: 'no',
    },
    form,
  );
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, /Someone else in Probity has that email address/);
  const ok = await postForm(
    t.app,
    url,
    {
      givenName: person.given_name,
      familyName: 'Corrected-Name',
      email: person.email ?? '',
      publishEmail: 'yes',
    },
    form,
  );
  assert.equal(ok.statusCode, 303);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('changes')
    .where('entity', '=', 'person')
    .where('entity_id', '=', String(person.id))
    .where('action', '=', 'corrected')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit.changes.family_name, {
    before: person.family_name,
    after: 'Corrected-Name',
  });
  assert.deepEqual(audit.changes.publish_email, { before: false, after: true });
  assert.equal(audit.changes.given_name, undefined, 'unchanged fields are not recorded');
});

test('an Independent Person appointment needs the declaration of no connection', async () => {
  const ip = await t.db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'independent-person')
    .executeTakeFirstOrThrow();
  const url = `/admin/people/${ip.id}/appointments`;
  const form = await getForm(t.app, `${url}/new`, admin.cookie);
  const authority = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('kind', '=', 'principal')
    .executeTakeFirstOrThrow();
  const fields = {
    authorityId: String(authority.id),
    ...dateFields('startDate', '2026-01-01'),
    ...dateFields('endDate', '2030-01-01'),
  };
  const undeclared = await postForm(t.app, url, fields, form);
  assert.equal(undeclared.statusCode, 400);
  assert.match(undeclared.body, /Confirm they have declared no connection/);
  const declared = await postForm(t.app, url, { ...fields, noConnection: 'yes' }, form);
  assert.equal(declared.statusCode, 303);
  const page = await t.app.inject({
    url: `/admin/people/${ip.id}`,
    headers: { cookie: admin.cookie },
  });
  assert.match(page.body, /1 January 2030/);
  const member = await t.db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'member')
    .executeTakeFirstOrThrow();
  const notIp = await t.app.inject({
    url: `/admin/people/${member.id}/appointments/new`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(notIp.statusCode, 404);
});

test('the people list filters by council, ward, group and committee, using current memberships', async () => {
  const ward = await t.db
    .selectFrom('areas')
    .select(['id', 'name', 'authority_id'])
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const byWard = await t.app.inject({
    url: `/admin/people?authority=${ward.authority_id}&ward=${ward.id}`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(byWard.statusCode, 200);
  assert.match(byWard.body, /3 people found/, 'a ward has three seats');

  const group = await t.db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.organisation_id', 'o.id')
    .select(['o.id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.classification', '=', 'political-group')
    .where('m.end_date', 'is', null)
    .groupBy('o.id')
    .orderBy('o.id', 'desc')
    .executeTakeFirstOrThrow();
  const byGroup = await t.app.inject({
    url: `/admin/people?group=${group.id}`,
    headers: { cookie: admin.cookie },
  });
  assert.match(byGroup.body, new RegExp(`${Number(group.n)} people found`));

  const committee = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', 'Audit and Standards%')
    .executeTakeFirstOrThrow();
  const coopted = await t.app.inject({
    url: `/admin/people?committee=${committee.id}&kind=co-opted-member`,
    headers: { cookie: admin.cookie },
  });
  assert.match(coopted.body, /2 people found/, 'two co-opted members sit on Audit and Standards');

  const nonsense = await t.app.inject({
    url: '/admin/people?ward=abc&group=-1',
    headers: { cookie: admin.cookie },
  });
  assert.equal(nonsense.statusCode, 200, 'a malformed filter is ignored, not an error');
});
