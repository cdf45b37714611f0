import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { complianceRows } from '../features/training-compliance/index.js';
import { todayInEngland } from '../db/current.js';
import { LARGE_SLUG, generateLargeDataset } from './large.js';
import { ensureLargeTraining } from './large-training.js';

/** A small large council: the shape does not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let database: TestDatabase;
let db: Db;
let authorityId: number;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await generateLargeDataset(db, OPTIONS);
  ({ id: authorityId } = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', LARGE_SLUG)
    .executeTakeFirstOrThrow());
});
after(() => database.drop());

test('eight years of programmes, the current one running, each with eight courses', async () => {
  const programmes = await db
    .selectFrom('programmes')
    .select(['id', 'status'])
    .where('authority_id', '=', authorityId)
    .orderBy('starts_on')
    .execute();
  assert.equal(programmes.length, 8);
  assert.deepEqual(
    programmes.map((p) => p.status),
    [...Array(7).fill('closed'), 'running'],
  );
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from courses group by programme_id`.execute(db);
  assert.ok(rows.every((r) => r.n === 8));
});

test('everyone invited was in the audience on the day; attendance only for sessions held', async () => {
  const { rows: strays } = await sql<{ n: number }>`
    select count(*)::int as n
      from session_invitations i
      join training_sessions s on s.id = i.session_id
      join courses c on c.id = s.course_id
     where c.audience = 'political-group'
       and not exists (select 1 from memberships m
                        where m.person_id = i.person_id and m.organisation_id = s.group_id
                          and m.start_date <= (s.starts_at at time zone 'Europe/London')::date
                          and (m.end_date is null
                               or m.end_date >= (s.starts_at at time zone 'Europe/London')::date))`.execute(
    db,
  );
  assert.equal(strays[0]?.n, 0);
  const { rows } = await sql<{ status: string; sessions: number; attendance: number }>`
    select s.status, count(distinct s.id)::int as sessions, count(a.person_id)::int as attendance
      from training_sessions s left join attendance a on a.session_id = s.id
     group by s.status order by s.status`.execute(db);
  const held = rows.find((r) => r.status === 'held');
  const confirmed = rows.find((r) => r.status === 'confirmed');
  assert.ok(held && held.attendance > 0);
  assert.equal(confirmed?.attendance ?? 0, 0);
  const { rows: statuses } = await sql<{ status: string }>`
    select distinct status from attendance order by status`.execute(db);
  assert.deepEqual(
    statuses.map((s) => s.status),
    ['absent', 'apologies', 'attended', 'late', 'left-early'],
  );
});

test('compliance can be worked out for every councillor, and the top-up adds nothing twice', async () => {
  const rows = await complianceRows(db, authorityId, todayInEngland());
  const councillors = await sql<{ n: number }>`
    select count(distinct m.person_id)::int as n from memberships m
      join organisations o on o.id = m.organisation_id
     where o.authority_id = ${authorityId} and o.classification = 'council'
       and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date)`.execute(
    db,
  );
  const codeRule = rows.filter((r) => r.dueOn !== null);
  assert.equal(codeRule.length, councillors.rows[0]?.n);
  assert.ok(codeRule.some((r) => r.status === 'complete'));
  assert.deepEqual(await ensureLargeTraining(db, LARGE_SLUG), { added: false });
});
