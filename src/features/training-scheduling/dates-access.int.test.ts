/** Who may see and change a group session's dates: a whip of another group, another council, other roles. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createTrainingSession } from '../member-development/testing.js';
import {
  addGroupMember,
  dateFields,
  dateHelpers,
  groupOfWhip,
  groupSessions,
  testAuthorityId,
} from './test-support.js';

let t: TestApp;
let admin: { cookie: string; personId: number };
let whip: { cookie: string; personId: number };
let otherWhip: { cookie: string; personId: number };
let group: number;
let otherGroup: number;
let authorityId: number;
let courseId: number;
let h: ReturnType<typeof dateHelpers>;
const members: number[] = [];

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['monitoring-officer']);
  whip = await t.signInAs(['group-whip']);
  otherWhip = await t.signInAs(['group-whip']);
  authorityId = await testAuthorityId(t.db);
  group = await groupOfWhip(t.db, whip.personId);
  otherGroup = await groupOfWhip(t.db, otherWhip.personId);
  members.push(await addGroupMember(t.db, group), await addGroupMember(t.db, group));
  await addGroupMember(t.db, otherGroup);
  ({ courseId } = await groupSessions(t.db, authorityId, []));
  h = dateHelpers(t, admin);
});
after(() => t.close());

const newSession = (groupId = group) =>
  createTrainingSession(t.db, courseId, { group_id: groupId });
const adminPropose = (id: number, fields: Record<string, string>) => h.adminPropose(id, fields);
const proposals = (id: number) => h.proposals(id);
const whipForm = (who: { cookie: string }, id: number) => h.whipForm(who, id);

test('a whip of another group gets 404 for the session, its answers and its proposals', async () => {
  const id = await newSession();
  await adminPropose(id, dateFields('18:00', '19:30'));
  const [p] = await proposals(id);
  const list = await t.app.inject({
    url: '/group-training',
    headers: { cookie: otherWhip.cookie },
  });
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, new RegExp(`/group-training/sessions/${id}"`));
  const mine = await t.app.inject({ url: '/group-training', headers: { cookie: whip.cookie } });
  assert.match(mine.body, new RegExp(`/group-training/sessions/${id}"`));

  const page = await t.app.inject({
    url: `/group-training/sessions/${id}`,
    headers: { cookie: otherWhip.cookie },
  });
  assert.equal(page.statusCode, 404);
  const own = await whipForm(otherWhip, await newSession(otherGroup));
  const accept = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates/${p!.id}/accept`,
    {},
    own,
  );
  assert.equal(accept.statusCode, 404);
  const propose = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates`,
    dateFields('09:00', '10:00', 'Sneaky'),
    own,
  );
  assert.equal(propose.statusCode, 404);
  assert.equal((await proposals(id)).length, 1);
  assert.equal((await proposals(id))[0]!.status, 'open');
});

test('a proposal of another session cannot be accepted through this one', async () => {
  const id = await newSession();
  const otherId = await newSession(otherGroup);
  await adminPropose(otherId, dateFields('18:00', '19:30'));
  const [p] = await proposals(otherId);
  const page = await whipForm(whip, id);
  const accept = await postForm(
    t.app,
    `/group-training/sessions/${id}/dates/${p!.id}/accept`,
    {},
    page,
  );
  assert.equal(accept.statusCode, 404);
  assert.equal((await proposals(otherId))[0]!.status, 'open');
});

test('another council’s group session is a 404 for its administrators', async () => {
  const { id: elsewhere } = await t.db
    .insertInto('authorities')
    .values({ slug: 'elsewhere', name: 'Elsewhere Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: theirGroup } = await t.db
    .insertInto('organisations')
    .values({
      authority_id: elsewhere,
      name: 'Their group',
      classification: 'political-group',
      parent_id: null,
      committee_type: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const {
    sessionIds: [theirs],
  } = await groupSessions(t.db, elsewhere, [theirGroup]);
  const page = await t.app.inject({
    url: `/admin/sessions/${theirs}/dates`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(page.statusCode, 404);
  const form = await getForm(t.app, `/admin/sessions/${await newSession()}/dates`, admin.cookie);
  const post = await postForm(
    t.app,
    `/admin/sessions/${theirs}/dates`,
    dateFields('18:00', '19:00'),
    form,
  );
  assert.equal(post.statusCode, 404);
  assert.equal((await proposals(theirs!)).length, 0);
});

test('a session that is not a group session has no dates page; other roles may not use these pages', async () => {
  const plain = await createTrainingSession(t.db, courseId, {});
  const none = await t.app.inject({
    url: `/admin/sessions/${plain}/dates`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(none.statusCode, 404);
  const id = await newSession();
  const byWhip = await t.app.inject({
    url: `/admin/sessions/${id}/dates`,
    headers: { cookie: whip.cookie },
  });
  assert.notEqual(byWhip.statusCode, 200);
  const member = await t.signInAs(['member']);
  const byMember = await t.app.inject({
    url: '/group-training',
    headers: { cookie: member.cookie },
  });
  assert.notEqual(byMember.statusCode, 200);
});
