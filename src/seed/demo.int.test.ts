import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { verifyPassword } from '../platform/passwords.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { createSession, loadSessionUser } from '../platform/session.js';
import type { Role } from '../platform/access.js';
import { DEMO_PASSWORD, demoAccounts, loadDemoCouncil, type DemoAccount } from './demo.js';

/** The roles a person has once signed in, as every route sees them. */
async function rolesWhenSignedIn(db: Db, personId: number) {
  const settings = { idleMinutes: 30, absoluteHours: 1 };
  const user = await loadSessionUser(db, await createSession(db, personId, settings), settings);
  assert.ok(user, 'the session loads');
  return user;
}

let database: TestDatabase;
let db: Db;
let first: { loaded: boolean; accounts: DemoAccount[] };

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  first = await loadDemoCouncil(db);
});

after(async () => {
  await database.drop();
});

async function demoCityId(): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = ['authorities', 'people', 'memberships', 'person_roles', 'credentials'] as const;
  const counts: Record<string, number> = {};
  for (const table of [...tables, 'audit_events' as const]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

test('loads the demo council into an empty database and returns the fixed account list', () => {
  assert.equal(first.loaded, true);
  assert.deepEqual(first.accounts, demoAccounts());
  assert.deepEqual(
    first.accounts.map((a) => a.role),
    [
      'monitoring-officer',
      'democratic-services',
      'member',
      'group-whip',
      'facilitator',
      'officer',
      'independent-person',
    ],
  );
});

test('the city has 84 sitting councillors in 28 wards of three seats each', async () => {
  const principal = await demoCityId();
  const seats = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .innerJoin('posts', 'posts.id', 'memberships.post_id')
    .innerJoin('areas', 'areas.id', 'posts.area_id')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['areas.name as ward', 'areas.gss_code', 'people.id as personId', 'people.kind'])
    .where('organisations.authority_id', '=', principal)
    .where('organisations.classification', '=', 'council')
    .where('memberships.end_date', 'is', null)
    .execute();
  assert.equal(seats.length, 84);
  assert.equal(new Set(seats.map((s) => s.personId)).size, 84);
  assert.ok(seats.every((s) => s.kind === 'member'));
  const perWard = new Map<string, number>();
  for (const seat of seats) perWard.set(seat.ward, (perWard.get(seat.ward) ?? 0) + 1);
  assert.equal(perWard.size, 28);
  assert.ok([...perWard.values()].every((n) => n === 3));
  assert.ok(seats.every((s) => /^E05\d{6}$/.test(s.gss_code ?? '')));

  const members = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('authority_id', '=', principal)
    .where('kind', '=', 'member')
    .executeTakeFirstOrThrow();
  assert.equal(Number(members.n), 84);
});

test('every councillor holds the member role', async () => {
  const without = await db
    .selectFrom('people')
    .select('people.id')
    .where('kind', '=', 'member')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('person_roles')
            .select('person_roles.id')
            .whereRef('person_roles.person_id', '=', 'people.id')
            .where('person_roles.role', '=', 'member'),
        ),
      ),
    )
    .execute();
  assert.deepEqual(without, []);
});

test('five political groups, each with one leader and one whip who holds the whip role', async () => {
  const groups = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('classification', '=', 'political-group')
    .execute();
  assert.equal(groups.length, 5);
  let members = 0;
  for (const group of groups) {
    const memberships = await db
      .selectFrom('memberships')
      .select(['person_id', 'role'])
      .where('organisation_id', '=', group.id)
      .where('end_date', 'is', null)
      .execute();
    members += memberships.length;
    const whips = memberships.filter((m) => m.role === 'whip');
    assert.equal(whips.length, 1, `${group.name} has one whip`);
    assert.equal(memberships.filter((m) => m.role === 'leader').length, 1);
    // Signed in, the whip is group whip of exactly this group.
    const whip = await rolesWhenSignedIn(db, whips[0]!.person_id);
    assert.ok(whip.roles.has('group-whip'));
    assert.deepEqual(whip.whipOf, [group.id]);
  }
  assert.equal(members, 84, 'every councillor belongs to exactly one group');
});

test('committees that need training say so, and Audit and Standards has co-opted members', async () => {
  const committees = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'committee_type', 'training_required'])
    .where('classification', '=', 'committee')
    .execute();
  const byType = new Map(committees.map((c) => [c.committee_type, c]));
  for (const type of ['audit-and-standards', 'planning', 'licensing']) {
    assert.equal(byType.get(type)?.training_required, true, `${type} requires training`);
  }
  assert.ok(byType.has('scrutiny'));
  const standards = byType.get('audit-and-standards');
  assert.ok(standards);

  const seats = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.kind', 'people.co_opted_voting', 'memberships.voting', 'memberships.role'])
    .where('memberships.organisation_id', '=', standards.id)
    .execute();
  assert.equal(seats.filter((s) => s.role === 'chair').length, 1);
  assert.equal(seats.filter((s) => s.role === 'vice-chair').length, 1);
  const coOpted = seats.filter((s) => s.kind === 'co-opted-member');
  assert.deepEqual(coOpted.map((s) => s.co_opted_voting).sort(), [false, true]);
  assert.ok(coOpted.every((s) => s.voting === s.co_opted_voting));
});

test('one credentialed account per role, each signing in with the demo password', async () => {
  const credentials = await db
    .selectFrom('credentials')
    .innerJoin('people', 'people.id', 'credentials.person_id')
    .select(['people.id', 'people.email', 'people.given_name', 'people.family_name'])
    .select('credentials.password_hash')
    .execute();
  assert.equal(credentials.length, first.accounts.length);
  for (const account of first.accounts) {
    const row = credentials.find((c) => c.email === account.email);
    assert.ok(row, `${account.email} has a password`);
    assert.equal(`${row.given_name} ${row.family_name}`, account.name);
    assert.equal(await verifyPassword(row.password_hash, DEMO_PASSWORD), true);
    assert.equal(await verifyPassword(row.password_hash, 'not-the-password'), false);
    const { roles } = await rolesWhenSignedIn(db, row.id);
    assert.ok(roles.has(account.role as Role), `${account.email} holds ${account.role}`);
  }
});

test('the Monitoring Officer and the other statutory officers are recorded', async () => {
  const officers = await db
    .selectFrom('people')
    .select(['email', 'statutory_roles'])
    .where('kind', '=', 'officer')
    .execute();
  const statutory = officers.flatMap((o) => o.statutory_roles).sort();
  assert.deepEqual(statutory, [
    'chief-finance-officer',
    'deputy-monitoring-officer',
    'head-of-paid-service',
    'monitoring-officer',
  ]);
  const mo = officers.find((o) => o.statutory_roles.includes('monitoring-officer'));
  assert.equal(mo?.email, 'mo@demo-city.example');
});

test('two Independent Persons and two facilitators', async () => {
  const people = await db
    .selectFrom('people')
    .select(['kind', 'organisation_name'])
    .where('kind', 'in', ['independent-person', 'facilitator'])
    .execute();
  assert.equal(people.filter((p) => p.kind === 'independent-person').length, 2);
  const facilitators = people.filter((p) => p.kind === 'facilitator');
  assert.equal(facilitators.length, 2);
  assert.ok(facilitators.every((p) => (p.organisation_name ?? '').length > 0));
});

test('three parish and town councils, each with its own councillors', async () => {
  const principal = await demoCityId();
  const parishes = await db
    .selectFrom('authorities')
    .select(['id', 'kind', 'parent_id'])
    .where('slug', '!=', 'demo-city')
    .execute();
  assert.equal(parishes.length, 3);
  assert.ok(parishes.every((p) => p.parent_id === principal));
  assert.ok(parishes.every((p) => p.kind === 'parish' || p.kind === 'town'));
  for (const parish of parishes) {
    const councillors = await db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select('people.authority_id')
      .where('organisations.authority_id', '=', parish.id)
      .where('organisations.classification', '=', 'council')
      .execute();
    assert.ok(councillors.length >= 3);
    assert.ok(councillors.every((c) => c.authority_id === parish.id));
  }
});

test('no two people share a full name', async () => {
  const duplicates = await sql<{ name: string }>`
    select given_name || ' ' || family_name as name from people
    group by given_name, family_name having count(*) > 1
  `.execute(db);
  assert.deepEqual(duplicates.rows, []);
});

test('seeding is recorded once in the audit trail', async () => {
  const events = await db
    .selectFrom('audit_events')
    .select(['actor_person_id', 'entity_id', 'action', 'changes'])
    .where('entity', '=', 'demo-council')
    .execute();
  assert.equal(events.length, 1);
  assert.equal(events[0]?.actor_person_id, null);
  assert.equal(events[0]?.entity_id, 'demo-city');
  assert.equal(events[0]?.action, 'seeded');
  assert.deepEqual(events[0]?.changes, {
    authorities: { after: 4 },
    people: { after: (await tableCounts()).people },
  });
});

test('a second load finds the council there and adds nothing', async () => {
  const before = await tableCounts();
  const second = await loadDemoCouncil(db);
  assert.equal(second.loaded, false);
  assert.deepEqual(second.accounts, first.accounts);
  assert.deepEqual(await tableCounts(), before);
});

test('the plan is the same on every call', () => {
  assert.deepEqual(demoAccounts(), demoAccounts());
});
