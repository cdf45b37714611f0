import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { inviteAudience } from './audience.js';
import { createCourse, createProgramme, createTrainingSession } from './testing.js';

let t: TestDatabase;
let authorityId: number;
let councilOrg: number;
let groupA: number;
let groupB: number;
let committee: number;
const people: Record<string, number> = {};

before(async () => {
  t = await createTestDatabase();
  const db = t.db;
  ({ id: authorityId } = await db
    .insertInto('authorities')
    .values({ slug: 'aud', name: 'Audience Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow());
  const { id: parish } = await db
    .insertInto('authorities')
    .values({ slug: 'aud-parish', name: 'Little Parish', kind: 'parish', parent_id: authorityId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const org = async (
    authority: number,
    name: string,
    classification: 'council' | 'political-group' | 'committee',
  ) =>
    (
      await db
        .insertInto('organisations')
        .values({
          authority_id: authority,
          name,
          classification,
          parent_id: null,
          committee_type: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  councilOrg = await org(authorityId, 'Audience Council', 'council');
  groupA = await org(authorityId, 'Group A', 'political-group');
  groupB = await org(authorityId, 'Group B', 'political-group');
  committee = await org(authorityId, 'Planning Committee', 'committee');
  const parishCouncil = await org(parish, 'Little Parish Council', 'council');
  const person = async (key: string, kind: 'member' | 'officer') => {
    people[key] = (
      await db
        .insertInto('people')
        .values({
          authority_id: kind === 'member' && key.startsWith('parish') ? parish : authorityId,
          given_name: key,
          family_name: 'Test',
          kind,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  for (const key of ['ann', 'ben', 'cat', 'parishDan']) await person(key, 'member');
  for (const key of ['olly', 'pat']) await person(key, 'officer');
  const seat = (p: string, o: number, start: string, end: string | null = null) =>
    db
      .insertInto('memberships')
      .values({ person_id: people[p]!, organisation_id: o, start_date: start, end_date: end })
      .execute();
  await seat('ann', councilOrg, '2022-05-05');
  await seat('ben', councilOrg, '2022-05-05', '2026-05-06'); // stood down
  await seat('cat', councilOrg, '2026-05-07'); // elected
  await seat('ann', groupA, '2022-05-05');
  await seat('ben', groupA, '2022-05-05', '2026-05-06');
  await seat('cat', groupB, '2026-05-07');
  await seat('ann', committee, '2023-01-01');
  await seat('parishDan', parishCouncil, '2023-05-04');
  await db
    .insertInto('person_roles')
    .values({ person_id: people.olly!, role: 'officer', organisation_id: null })
    .execute();
});
after(() => t.drop());

async function invited(
  values: Parameters<typeof createCourse>[2],
  session: Parameters<typeof createTrainingSession>[2],
) {
  const programme = await createProgramme(t.db, authorityId);
  const course = await createCourse(t.db, programme, values);
  const id = await createTrainingSession(t.db, course, session);
  const added = await t.db.transaction().execute((trx) => inviteAudience(trx, id));
  const rows = await t.db
    .selectFrom('session_invitations')
    .select(['person_id', 'required'])
    .where('session_id', '=', id)
    .execute();
  const names = Object.fromEntries(Object.entries(people).map(([k, v]) => [v, k]));
  return {
    id,
    added,
    names: rows.map((r) => names[r.person_id]).sort(),
    required: rows.map((r) => r.required),
  };
}

test('all members: the councillors holding a seat on the session day, not before or after', async () => {
  const before = await invited(
    { audience: 'all-members' },
    { starts_at: new Date('2026-04-01T17:00:00Z') },
  );
  assert.deepEqual(before.names, ['ann', 'ben']);
  const after = await invited(
    { audience: 'all-members' },
    { starts_at: new Date('2026-06-01T17:00:00Z') },
  );
  assert.deepEqual(after.names, ['ann', 'cat']);
});

test("a group's session: the group's members that day; required when the course is mandatory", async () => {
  const a = await invited(
    { audience: 'political-group', mandatory: true },
    { group_id: groupA, starts_at: new Date('2026-06-01T17:00:00Z') },
  );
  assert.deepEqual(a.names, ['ann']);
  assert.deepEqual(a.required, [true]);
  const b = await invited(
    { audience: 'political-group' },
    { group_id: groupB, starts_at: new Date('2026-06-01T17:00:00Z') },
  );
  assert.deepEqual(b.names, ['cat']);
  assert.deepEqual(b.required, [false]);
});

test('a committee, officers with the officer role, and parish councillors', async () => {
  assert.deepEqual(
    (await invited({ audience: 'committee', audience_organisation_id: committee }, {})).names,
    ['ann'],
  );
  assert.deepEqual((await invited({ audience: 'officers' }, {})).names, ['olly']);
  assert.deepEqual((await invited({ audience: 'parish-councillors' }, {})).names, ['parishDan']);
});

test('inviting again adds only the newcomers and keeps replies', async () => {
  const first = await invited(
    { audience: 'all-members' },
    { starts_at: new Date('2026-06-01T17:00:00Z') },
  );
  await t.db
    .updateTable('session_invitations')
    .set({ response: 'attending', responded_at: new Date() })
    .where('session_id', '=', first.id)
    .execute();
  const again = await t.db.transaction().execute((trx) => inviteAudience(trx, first.id));
  assert.deepEqual(again, []);
  const replies = await t.db
    .selectFrom('session_invitations')
    .select('response')
    .where('session_id', '=', first.id)
    .execute();
  assert.ok(replies.every((r) => r.response === 'attending'));
});
