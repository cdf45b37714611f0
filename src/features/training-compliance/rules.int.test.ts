import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';

/** The council's training rules, kept by administrators. */
let t: TestApp;
let cookie: string;
let authorityId: number;
let planning: number;
let otherCommittee: number;

before(async () => {
  t = await buildTestApp();
  const admin = await t.signInAs(['monitoring-officer']);
  cookie = admin.cookie;
  ({ authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow());
  const { id: other } = await t.db
    .insertInto('authorities')
    .values({ slug: 'elsewhere', name: 'Elsewhere Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const committee = async (authority: number, name: string) =>
    (
      await t.db
        .insertInto('organisations')
        .values({
          authority_id: authority,
          name,
          classification: 'committee',
          parent_id: null,
          committee_type: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  planning = await committee(authorityId, 'Planning Committee');
  otherCommittee = await committee(other, 'Their Licensing Committee');
});
after(() => t.close());

const submit = async (url: string, fields: Record<string, string>) => {
  const form = await getForm(t.app, url, cookie);
  return postForm(t.app, url, fields, form);
};
const rules = () =>
  t.db
    .selectFrom('compliance_rules')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('id')
    .execute();

test('a rule of each kind is added, shown on the dashboard, changed and removed, each audited', async () => {
  const months = await submit('/admin/training/rules/new', {
    name: 'Code training within six months',
    topic: 'code-of-conduct',
    kind: 'within-months',
    withinMonths: '6',
  });
  assert.equal(months.statusCode, 303);
  const sitting = await submit('/admin/training/rules/new', {
    name: 'Planning training before sitting',
    topic: 'planning',
    kind: 'before-sitting',
    committeeId: String(planning),
  });
  assert.equal(sitting.statusCode, 303);
  const [first, second] = await rules();
  assert.deepEqual(
    [first?.kind, first?.within_months, first?.committee_id],
    ['within-months', 6, null],
  );
  assert.deepEqual(
    [second?.kind, second?.within_months, second?.committee_id],
    ['before-sitting', null, planning],
  );
  const list = await t.app.inject({ url: '/admin/training/rules', headers: { cookie } });
  assert.match(list.body, /Within 6 months of election or of a new code/);
  assert.match(list.body, /Before sitting on the Planning Committee/);
  const dashboard = await t.app.inject({ url: '/admin/training/compliance', headers: { cookie } });
  assert.match(dashboard.body, /Code training within six months/);

  const changed = await submit(`/admin/training/rules/${first!.id}/edit`, {
    name: 'Code training within three months',
    topic: 'code-of-conduct',
    kind: 'within-months',
    withinMonths: '3',
  });
  assert.equal(changed.statusCode, 303);
  assert.equal((await rules())[0]?.within_months, 3);
  const removed = await submit(`/admin/training/rules/${second!.id}/remove`, {});
  assert.equal(removed.statusCode, 303);
  assert.equal((await rules()).length, 1);
  const audits = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'compliance-rule')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['created', 'created', 'changed', 'removed'],
  );
});

test('bad input is named in the error summary, and another council’s committee is refused', async () => {
  const before = (await rules()).length;
  const empty = await submit('/admin/training/rules/new', {
    kind: 'within-months',
    withinMonths: '40',
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /govuk-error-summary/);
  assert.match(empty.body, /Enter a name for the rule/);
  assert.match(empty.body, /Enter the topic a course must have to count/);
  assert.match(empty.body, /Enter a whole number of months from 1 to 36/);
  const badTopic = await submit('/admin/training/rules/new', {
    name: 'x',
    topic: 'Code of Conduct',
    kind: 'before-sitting',
  });
  assert.match(badTopic.body, /lower-case letters and digits joined by hyphens/);
  assert.match(badTopic.body, /Select the committee/);
  const theirs = await submit('/admin/training/rules/new', {
    name: 'Licensing first',
    topic: 'licensing',
    kind: 'before-sitting',
    committeeId: String(otherCommittee),
  });
  assert.equal(theirs.statusCode, 400);
  assert.match(theirs.body, /Select one of your council’s committees/);
  assert.equal((await rules()).length, before, 'nothing saved');
});

test("another council's rule is a 404; a whip may not keep rules", async () => {
  const { id } = await t.db
    .insertInto('compliance_rules')
    .values({
      authority_id: (
        await t.db
          .selectFrom('authorities')
          .select('id')
          .where('slug', '=', 'elsewhere')
          .executeTakeFirstOrThrow()
      ).id,
      name: 'Theirs',
      topic: 'theirs',
      kind: 'within-months',
      within_months: 6,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const page = await t.app.inject({ url: `/admin/training/rules/${id}/edit`, headers: { cookie } });
  assert.equal(page.statusCode, 404);
  const whip = await t.signInAs(['group-whip']);
  const refused = await t.app.inject({
    url: '/admin/training/rules',
    headers: { cookie: whip.cookie },
  });
  assert.notEqual(refused.statusCode, 200);
});
