import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import {
  findVersionByNumber,
  listItems,
  type CodeItem,
} from '../features/code-of-conduct/index.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { ensureLargeCode } from './large-code.js';
import { LARGE_ACCOUNTS, LARGE_SLUG, generateLargeDataset } from './large.js';

/** A small large council: the code does not depend on the size, and this generates in seconds. */
const OPTIONS = { parishes: 6, members: 400, officers: 60, years: 1 };

let database: TestDatabase;
let db: Db;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await generateLargeDataset(db, OPTIONS);
});

after(async () => {
  await database.drop();
});

async function versionItems(slug: string, number: number): Promise<CodeItem[]> {
  const version = await findVersionByNumber(db, slug, number);
  assert.ok(version, `${slug} has a version ${number}`);
  return listItems(db, version.id);
}

/** The lineages of `a` in a longest common subsequence with `b`: what stayed in order. */
function inOrder(a: string[], b: string[]): Set<string> {
  const table = a.map(() => b.map(() => 0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] =
        a[i] === b[j]
          ? 1 + (table[i + 1]?.[j + 1] ?? 0)
          : Math.max(table[i + 1]?.[j] ?? 0, table[i]![j + 1] ?? 0);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i += 1;
      j += 1;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return kept;
}

test('two versions of a 60-paragraph code: changed, added, removed and moved paragraphs', async () => {
  const first = (await versionItems(LARGE_SLUG, 1)).filter((i) => i.kind === 'paragraph');
  const second = (await versionItems(LARGE_SLUG, 2)).filter((i) => i.kind === 'paragraph');
  assert.equal(second.length, 60);
  const before = new Map(first.map((i) => [i.lineage, i]));
  const afterwards = new Map(second.map((i) => [i.lineage, i]));
  const added = second.filter((i) => !before.has(i.lineage));
  const removed = first.filter((i) => !afterwards.has(i.lineage));
  const common = second.filter((i) => before.has(i.lineage));
  const changed = common.filter((i) => before.get(i.lineage)?.body !== i.body);
  const kept = inOrder(
    first.filter((i) => afterwards.has(i.lineage)).map((i) => i.lineage),
    common.map((i) => i.lineage),
  );
  const moved = common.filter((i) => !kept.has(i.lineage));
  assert.equal(added.length, 3);
  assert.equal(removed.length, 2);
  assert.equal(changed.length, 11);
  assert.equal(moved.length, 2);
  assert.ok(
    changed.some((i) => before.get(i.lineage)?.origin !== i.origin),
    'one changes its marking',
  );
});

test('the principal version 2 is in force and every parish has a copy in force', async () => {
  const rows = await sql<{ slug: string; status: string; number: number; items: number }>`
    select a.slug, v.status, v.number, (select count(*) from code_items i where i.version_id = v.id)::int as items
      from code_versions v join authorities a on a.id = v.authority_id
     order by a.slug, v.number
  `.execute(db);
  const inForce = rows.rows.filter((r) => r.status === 'in-force');
  assert.equal(inForce.length, OPTIONS.parishes + 1);
  assert.deepEqual(
    rows.rows.filter((r) => r.slug === LARGE_SLUG).map((r) => [r.number, r.status]),
    [
      [1, 'superseded'],
      [2, 'in-force'],
    ],
  );
  const principal = await versionItems(LARGE_SLUG, 2);
  const parishSlug = inForce.find((r) => r.slug !== LARGE_SLUG)?.slug ?? '';
  const parish = await versionItems(parishSlug, 1);
  assert.deepEqual(
    parish.map((i) => i.lineage),
    principal.map((i) => i.lineage),
  );
  const name = await db
    .selectFrom('authorities')
    .select('name')
    .where('slug', '=', parishSlug)
    .executeTakeFirstOrThrow();
  assert.ok(
    parish.some((i) => i.body?.includes(name.name)),
    'the copy names the parish',
  );
});

test('about half the members who must sign have signed; the benchmark accounts have not', async () => {
  const { rows } = await sql<{ signers: number; signed: number; accounts: number }>`
    with signer as (
      select v.id as version_id, m.person_id
        from code_versions v
        join organisations c on c.authority_id = v.authority_id and c.classification = 'council'
        join memberships m on m.organisation_id = c.id and m.end_date is null
       where v.status = 'in-force')
    select (select count(*) from signer)::int as signers,
      (select count(*) from code_sign_offs s
        join signer using (version_id, person_id))::int as signed,
      (select count(*) from code_sign_offs s join people p on p.id = s.person_id
        where p.email in (${LARGE_ACCOUNTS.councillor}, ${LARGE_ACCOUNTS.whip}))::int as accounts
  `.execute(db);
  const counts = rows[0];
  assert.ok(counts);
  const total = await db
    .selectFrom('code_sign_offs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(total.n), counts.signed, 'every sign-off is by someone who must sign');
  assert.ok(counts.signers >= 300, `${counts.signers} signers`);
  const share = counts.signed / counts.signers;
  assert.ok(share > 0.35 && share < 0.65, `${counts.signed} of ${counts.signers} signed`);
  assert.equal(counts.accounts, 0);
});

async function codeRows() {
  const { rows } = await sql<{
    versions: number;
    items: number;
    signOffs: number;
    reviews: number;
  }>`
    select (select count(*) from code_versions)::int as versions,
      (select count(*) from code_items)::int as items,
      (select count(*) from code_sign_offs)::int as "signOffs",
      (select count(*) from code_reviews)::int as reviews
  `.execute(db);
  return rows[0];
}

test('each code in force has had an annual review; a few councils are overdue', async () => {
  const { rows } = await sql<{ inForce: number; reviewed: number; overdue: number }>`
    select (select count(*) from code_versions where status = 'in-force')::int as "inForce",
      (select count(distinct version_id) from code_reviews)::int as reviewed,
      (select count(*) from code_reviews
        where reviewed_on < current_date - interval '11 months')::int as overdue
  `.execute(db);
  assert.equal(rows[0]?.reviewed, rows[0]?.inForce);
  assert.ok((rows[0]?.overdue ?? 0) < (rows[0]?.inForce ?? 0) / 5);
});

test('ensureLargeCode leaves a dataset that has its code alone', async () => {
  const before = await codeRows();
  assert.deepEqual(await ensureLargeCode(db, LARGE_SLUG), { added: false });
  assert.deepEqual(await codeRows(), before);
  assert.deepEqual(await ensureLargeCode(db, 'no-such-council'), { added: false });
});

test('ensureLargeCode adds the code to a dataset generated before codes existed, once', async () => {
  // The parish codes in progress (large-extras-people.ts) are not what the code top-up writes.
  await sql`delete from code_consultation_comments`.execute(db);
  await sql`delete from code_imports`.execute(db);
  await sql`delete from code_items where version_id in (select id from code_versions where status in ('draft', 'consultation', 'agreed'))`.execute(
    db,
  );
  await sql`delete from code_versions where status in ('draft', 'consultation', 'agreed')`.execute(
    db,
  );
  const before = await codeRows();
  // A dataset from before codes had no links from learning content to the code either.
  await sql`delete from workshop_paragraphs`.execute(db);
  await sql`delete from scenario_paragraphs`.execute(db);
  await sql`delete from code_sign_offs`.execute(db);
  await sql`delete from code_reviews`.execute(db);
  await sql`delete from code_items`.execute(db);
  await sql`delete from report_appendices where code_version_id is not null`.execute(db);
  await sql`delete from code_versions`.execute(db);
  const added = await ensureLargeCode(db, LARGE_SLUG);
  assert.equal(added.added, true);
  assert.deepEqual(await codeRows(), before);
  assert.deepEqual(await ensureLargeCode(db, LARGE_SLUG), { added: false });
  assert.deepEqual(await codeRows(), before);
  const audit = await db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'large-dataset')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['extras-added', 'generated', 'code-added'],
  );
});
