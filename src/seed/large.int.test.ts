import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { verifyPassword } from '../platform/passwords.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { DEMO_PASSWORD, loadDemoCouncil } from './demo.js';
import {
  AUDIT_EVENTS_PER_YEAR,
  LARGE_ACCOUNTS,
  LARGE_DEFAULTS,
  generateLargeDataset,
  type LargeDatasetOptions,
  type LargeDatasetResult,
} from './large.js';
import { createSession, loadSessionUser } from '../platform/session.js';
import type { Role } from '../platform/access.js';

/**
 * The full benchmark size by default (it has to generate in under a minute). For a quick run
 * while editing, PROBITY_LARGE_TEST_SCALE=small generates a tenth of it.
 */
const SMALL = process.env.PROBITY_LARGE_TEST_SCALE === 'small';
const OPTIONS: Required<LargeDatasetOptions> = SMALL
  ? { parishes: 25, members: 600, officers: 2000, years: 4 }
  : { ...LARGE_DEFAULTS };

let database: TestDatabase;
let db: Db;
let result: LargeDatasetResult;
let demoPeople: number;

async function count(query: Promise<{ n: number | string | bigint }>): Promise<number> {
  return Number((await query).n);
}

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  // The benchmark council must live alongside the demo council without disturbing it.
  await loadDemoCouncil(db);
  demoPeople = await count(
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  result = await generateLargeDataset(db, OPTIONS);
});

after(async () => {
  await database.drop();
});

async function principalId(): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'large-city')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('generates within a minute', () => {
  console.log(`large dataset generated in ${result.seconds.toFixed(1)} s`, result);
  assert.ok(result.seconds < 60, `took ${result.seconds} s`);
});

test('a principal council with its parish and town councils', async () => {
  const principal = await principalId();
  const parishes = await count(
    db
      .selectFrom('authorities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('parent_id', '=', principal)
      .where('kind', 'in', ['parish', 'town'])
      .executeTakeFirstOrThrow(),
  );
  assert.equal(parishes, OPTIONS.parishes);
  assert.equal(result.authorities, OPTIONS.parishes + 1);
  const councils = await count(
    db
      .selectFrom('organisations')
      .innerJoin('authorities', 'authorities.id', 'organisations.authority_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organisations.classification', '=', 'council')
      .where((eb) =>
        eb.or([eb('authorities.id', '=', principal), eb('authorities.parent_id', '=', principal)]),
      )
      .executeTakeFirstOrThrow(),
  );
  assert.equal(councils, OPTIONS.parishes + 1, 'one council organisation per authority');
});

test('thousands of members and the requested number of officers', async () => {
  const principal = await principalId();
  const byKind = await sql<{ kind: string; n: number }>`
    select p.kind, count(*)::int as n from people p join authorities a on a.id = p.authority_id
    where a.id = ${principal} or a.parent_id = ${principal} group by p.kind
  `.execute(db);
  const kinds = new Map(byKind.rows.map((r) => [r.kind, r.n]));
  assert.ok(
    (kinds.get('member') ?? 0) >= OPTIONS.members * 0.95,
    `members: ${kinds.get('member')}`,
  );
  if (!SMALL) assert.ok((kinds.get('member') ?? 0) >= 2900);
  assert.equal(kinds.get('officer'), OPTIONS.officers);
  assert.equal(
    result.people,
    [...kinds.values()].reduce((a, b) => a + b, 0),
  );
});

test('years of audit trail, spread over time and across actors', async () => {
  const minimum = AUDIT_EVENTS_PER_YEAR * OPTIONS.years;
  assert.ok(result.auditEvents >= minimum);
  if (!SMALL) assert.ok(result.auditEvents >= 100_000);
  const stats = await sql<{ n: number; actors: number; entities: number; first: Date; last: Date }>`
    select count(*)::int as n, count(distinct actor_person_id)::int as actors,
      count(distinct entity)::int as entities, min(occurred_at) as first, max(occurred_at) as last
    from audit_events where entity not in ('demo-council')
  `.execute(db);
  const row = stats.rows[0];
  assert.ok(row);
  assert.equal(row.n, result.auditEvents);
  assert.ok(row.actors >= 20, `actors: ${row.actors}`);
  assert.ok(row.entities >= 10, `entities: ${row.entities}`);
  const spanYears = (row.last.getTime() - row.first.getTime()) / (365.25 * 86_400_000);
  assert.ok(spanYears > OPTIONS.years - 1, `history spans ${spanYears.toFixed(1)} years`);
});

test('history: ended memberships, former councillors and councillors who changed group', async () => {
  const principal = await principalId();
  const history = await sql<{
    ended: number;
    movers: number;
    current_whips: number;
    groups: number;
  }>`
    with large_membership as (
      select m.*, o.classification from memberships m
      join organisations o on o.id = m.organisation_id
      join authorities a on a.id = o.authority_id
      where a.id = ${principal} or a.parent_id = ${principal}
    )
    select
      (select count(*)::int from large_membership where end_date is not null) as ended,
      (select count(*)::int from (
        select person_id from large_membership where classification = 'political-group'
        group by person_id having count(distinct organisation_id) > 1) moved) as movers,
      (select count(*)::int from large_membership
        where classification = 'political-group' and role = 'whip' and end_date is null) as current_whips,
      (select count(*)::int from organisations
        where authority_id = ${principal} and classification = 'political-group') as groups
  `.execute(db);
  const row = history.rows[0];
  assert.ok(row);
  assert.ok(row.ended > 100, `ended memberships: ${row.ended}`);
  assert.ok(row.movers > 0, 'some councillors moved between groups');
  assert.equal(row.current_whips, row.groups, 'each group has one sitting whip');
  assert.ok(result.memberships > OPTIONS.members);
});

test('the benchmark accounts sign in with the demo password and hold their roles', async () => {
  const expected: Record<string, string> = {
    [LARGE_ACCOUNTS.monitoringOfficer]: 'monitoring-officer',
    [LARGE_ACCOUNTS.councillor]: 'member',
    [LARGE_ACCOUNTS.whip]: 'group-whip',
  };
  for (const [email, role] of Object.entries(expected)) {
    const person = await db
      .selectFrom('people')
      .innerJoin('credentials', 'credentials.person_id', 'people.id')
      .select(['people.id', 'credentials.password_hash'])
      .where('people.email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(person.password_hash, DEMO_PASSWORD), true, email);
    const settings = { idleMinutes: 30, absoluteHours: 1 };
    const user = await loadSessionUser(db, await createSession(db, person.id, settings), settings);
    assert.ok(user?.roles.has(role as Role), `${email} holds ${role}`);
  }
  const officerRoles = await count(
    db
      .selectFrom('person_roles')
      .innerJoin('people', 'people.id', 'person_roles.person_id')
      .select((eb) => eb.fn.count('people.id').distinct().as('n'))
      .where('people.authority_id', '=', await principalId())
      .where('people.kind', '=', 'officer')
      .executeTakeFirstOrThrow(),
  );
  assert.ok(officerRoles >= 40 && officerRoles <= 60, `officers who can sign in: ${officerRoles}`);
});

test('a code in force for the council and each parish, signed by about half their members', async () => {
  const { rows } = await sql<{
    principal: number;
    parishes: number;
    signers: number;
    signed: number;
  }>`
    with signer as (
      select v.id as version_id, v.authority_id, m.person_id
        from code_versions v
        join authorities a on a.id = v.authority_id
        join organisations c on c.authority_id = v.authority_id and c.classification = 'council'
        join memberships m on m.organisation_id = c.id and m.end_date is null
       where v.status = 'in-force' and a.slug like 'large-city%')
    select (select count(*) from signer where authority_id = ${await principalId()})::int as principal,
      (select count(distinct authority_id) from signer)::int - 1 as parishes,
      (select count(*) from signer)::int as signers,
      (select count(*) from code_sign_offs join signer using (version_id, person_id))::int as signed
  `.execute(db);
  const counts = rows[0];
  assert.ok(counts);
  console.log('members who must sign a code of conduct', counts);
  assert.equal(counts.parishes, OPTIONS.parishes);
  if (!SMALL) assert.ok(counts.signers >= 2000, `${counts.signers} signers`);
  assert.ok(counts.signed > counts.signers * 0.35 && counts.signed < counts.signers * 0.65);
});

test('the demo council is untouched', async () => {
  const people = await count(
    db
      .selectFrom('people')
      .innerJoin('authorities', 'authorities.id', 'people.authority_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('authorities.slug', 'not like', 'large-city%')
      .executeTakeFirstOrThrow(),
  );
  assert.equal(people, demoPeople);
});

test('generating it a second time is refused and changes nothing', async () => {
  const before = await count(
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  await assert.rejects(generateLargeDataset(db, OPTIONS), /already exists/);
  const afterwards = await count(
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );
  assert.equal(afterwards, before);
});
