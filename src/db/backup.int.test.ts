import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { backupDatabase, knownMigrations, partialPath, restoreDatabase } from './backup.js';
import type { Db } from './database.js';
import { recordAudit } from '../platform/audit.js';
import { demoAccounts, loadDemoCouncil } from '../seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { createSession } from '../platform/session.js';
import { migrations } from './migrate.js';

let tmp: string;
let source: TestDatabase;
let backupFile: string;
/** The awkward values COPY's text format has to escape, kept in a real row. */
const AWKWARD_NAME = 'O\'Brien\t"Tab"\nNew line \\ back\\slash \\. émoji 🙂';
const AUDIT_CHANGES = [
  { motion: { before: null, after: 'Refer to\tthe Standards\nCommittee \\ urgently' } },
  { status: { before: 'received', after: 'assessed' }, note: { after: '½ day; “quotes”' } },
  { nested: { after: { list: [1, 2.5, null, true], empty: {} } } },
];

const NOT_BACKED_UP = ['sessions', 'sign_in_throttles'];

async function tableNames(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
     where relkind = 'r' and relnamespace = 'public'::regnamespace
       and relname not like 'kysely%'
     order by relname`.execute(db);
  return rows.map((r) => r.name);
}

/** Every table's rows, in a stable order, as JSON: two databases with equal snapshots hold the same data. */
async function snapshot(db: Db): Promise<Record<string, { count: number; rows: string }>> {
  const result: Record<string, { count: number; rows: string }> = {};
  for (const name of await tableNames(db)) {
    const { rows } = await sql<{ count: number; rows: string }>`
      select count(*)::int as count,
             coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]')::text as rows
        from ${sql.table(`public.${name}`)} t`.execute(db);
    result[name] = rows[0]!;
  }
  return result;
}

async function constraints(db: Db): Promise<string[]> {
  const { rows } = await sql<{ c: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as c
      from pg_constraint where connamespace = 'public'::regnamespace order by 1`.execute(db);
  return rows.map((r) => r.c);
}

async function counts(db: Db): Promise<Record<string, number>> {
  const snap = await snapshot(db);
  return Object.fromEntries(Object.entries(snap).map(([name, s]) => [name, s.count]));
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'probity-backup-test-'));
  source = await createTestDatabase();
  await loadDemoCouncil(source.db);
  const authority = await source.db
    .selectFrom('authorities')
    .select('id')
    .where('kind', '=', 'principal')
    .executeTakeFirstOrThrow();
  const person = await source.db
    .insertInto('people')
    .values({
      authority_id: authority.id,
      given_name: 'Awkward',
      family_name: AWKWARD_NAME,
      email: 'awkward@test.example',
      kind: 'officer',
      statutory_roles: ['deputy "MO"', 'a,b', '{braces}'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const changes of AUDIT_CHANGES) {
    await source.db
      .insertInto('audit_events')
      .values({
        actor_person_id: person.id,
        entity: 'complaint',
        entity_id: 'C-1',
        action: 'updated',
        changes: JSON.stringify(changes),
      })
      .execute();
  }
  await recordAudit(source.db, {
    actorPersonId: person.id,
    entity: 'person',
    entityId: person.id,
    action: 'created',
    after: { family_name: AWKWARD_NAME },
  });
  // Someone is signed in, and someone else has been failing to sign in, at backup time.
  await createSession(source.db, person.id, { idleMinutes: 30, absoluteHours: 12 });
  await source.db
    .insertInto('sign_in_throttles')
    .values({ key: 'account:x', failures: 3, window_started_at: new Date(), locked_until: null })
    .execute();
  backupFile = path.join(tmp, 'council.sql');
  await backupDatabase(source.url, backupFile);
});

after(async () => {
  await source?.drop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** A fresh database holding a marker row, so we can tell whether a refused restore touched it. */
async function targetWithMarker(): Promise<TestDatabase> {
  const target = await createTestDatabase();
  const authority = await target.db
    .insertInto('authorities')
    .values({ slug: 'untouched', name: 'Untouched Council', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await target.db
    .insertInto('people')
    .values({
      authority_id: authority.id,
      given_name: 'Still',
      family_name: 'Here',
      email: 'still.here@test.example',
      kind: 'officer',
    })
    .execute();
  return target;
}

async function assertUntouched(target: TestDatabase, before: Record<string, number>) {
  assert.deepEqual(await counts(target.db), before);
  const marker = await target.db
    .selectFrom('people')
    .select('family_name')
    .where('email', '=', 'still.here@test.example')
    .executeTakeFirst();
  assert.equal(marker?.family_name, 'Here');
}

test('a backup restores into another database with every row, value and constraint intact', async () => {
  const stat = await fs.stat(backupFile);
  assert.equal(stat.mode & 0o777, 0o600, 'backups hold password hashes: owner-only');
  assert.equal(existsSync(partialPath(backupFile)), false, 'no .partial file is left behind');
  const text = await fs.readFile(backupFile, 'utf8');
  assert.match(text, /^-- Probity backup\n-- Format: 1\n-- Created at: \d{4}-\d\d-\d\dT/);
  assert.match(text, new RegExp(`^-- Migrations: ${Object.keys(migrations).join(', ')}`, 'm'));

  const target = await targetWithMarker();
  try {
    const summary = await restoreDatabase(target.url, backupFile);
    assert.deepEqual(summary.migrations, Object.keys(migrations));

    const expected = await snapshot(source.db);
    const actual = await snapshot(target.db);
    assert.deepEqual(Object.keys(actual), Object.keys(expected));
    for (const name of NOT_BACKED_UP) {
      assert.ok(expected[name]!.count > 0, `${name} had rows at backup time`);
      assert.equal(actual[name]!.count, 0, `${name} is not restored: everyone signs in again`);
    }
    for (const name of Object.keys(expected).filter((n) => !NOT_BACKED_UP.includes(n))) {
      assert.equal(actual[name]!.count, expected[name]!.count, `row count of ${name}`);
      assert.equal(actual[name]!.rows, expected[name]!.rows, `rows of ${name}`);
    }
    assert.ok(expected.people!.count > 100, 'the demo council was really there to back up');
    assert.deepEqual(await constraints(target.db), await constraints(source.db));

    // The restore replaced the target's own data rather than adding to it.
    const marker = await target.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'still.here@test.example')
      .executeTakeFirst();
    assert.equal(marker, undefined);

    // Samples an operator would check by hand.
    const emails = (await target.db.selectFrom('people').select('email').execute()).map(
      (r) => r.email,
    );
    for (const account of demoAccounts()) assert.ok(emails.includes(account.email), account.email);
    const awkward = await target.db
      .selectFrom('people')
      .select(['family_name', 'statutory_roles'])
      .where('email', '=', 'awkward@test.example')
      .executeTakeFirstOrThrow();
    assert.equal(awkward.family_name, AWKWARD_NAME);
    assert.deepEqual(awkward.statutory_roles, ['deputy "MO"', 'a,b', '{braces}']);
    const audit = await target.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity', '=', 'complaint')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((r) => r.changes),
      AUDIT_CHANGES,
    );

    // Sequences carry on after the restored ids, including the GENERATED ALWAYS audit id.
    const maxPerson = await target.db
      .selectFrom('people')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    const authority = await target.db
      .selectFrom('authorities')
      .select('id')
      .executeTakeFirstOrThrow();
    const added = await target.db
      .insertInto('people')
      .values({
        authority_id: authority.id,
        given_name: 'New',
        family_name: 'Starter',
        email: 'new.starter@test.example',
        kind: 'officer',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(added.id > Number(maxPerson.max), `new id ${added.id} > ${maxPerson.max}`);
    const maxAudit = await target.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    await recordAudit(target.db, {
      actorPersonId: null,
      entity: 'person',
      entityId: added.id,
      action: 'created',
    });
    const newest = await target.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(Number(newest.id) > Number(maxAudit.max));

    // The audit trail is still append-only after a restore.
    await assert.rejects(
      sql`update audit_events set action = 'tampered'`.execute(target.db),
      /append-only/,
    );
  } finally {
    await target.drop();
  }
});

test('a file that is not a whole Probity backup is refused, and the database is left as it was', async () => {
  const target = await targetWithMarker();
  try {
    const before = await counts(target.db);
    const original = await fs.readFile(backupFile, 'utf8');
    const write = async (name: string, content: string) => {
      const file = path.join(tmp, name);
      await fs.writeFile(file, content);
      return file;
    };

    const cases: { name: string; content: string; message: RegExp }[] = [
      {
        name: 'notes.txt',
        content: 'Minutes of the Standards Committee\n',
        message: /is not a Probity backup/,
      },
      { name: 'empty.sql', content: '', message: /is not a Probity backup/ },
      {
        // One changed character in the data: the rows still load, the checksum gives it away.
        name: 'edited.sql',
        content: original.replace('Demo City Council', 'Demo City Counci1'),
        message: /damaged: its checksum does not match/,
      },
      {
        // Cut short in the middle of a table, as by a full disk or an interrupted copy.
        name: 'truncated.sql',
        content: original.slice(0, original.indexOf('COPY public."audit_events"') + 400),
        message: /incomplete/,
      },
      {
        // Cut short between tables.
        name: 'no-trailer.sql',
        content: original.slice(0, original.indexOf('-- End of Probity backup')),
        message: /incomplete/,
      },
      {
        // A row PostgreSQL cannot read: the message names the table.
        name: 'bad-row.sql',
        content: original.replace(/^1\tdemo-city\t/m, 'one\tdemo-city\t'),
        message: /damaged: the rows of authorities could not be restored/,
      },
      {
        // Arbitrary SQL slipped in is refused, not run.
        name: 'injected.sql',
        content: original.replace('BEGIN;\n', 'BEGIN;\nDROP TABLE people;\n'),
        message: /unexpected text: "DROP TABLE people;"/,
      },
    ];
    for (const c of cases) {
      const file = await write(c.name, c.content);
      await assert.rejects(restoreDatabase(target.url, file), c.message, c.name);
      await assertUntouched(target, before);
    }
    await assert.rejects(
      restoreDatabase(target.url, path.join(tmp, 'missing.sql')),
      /There is no file .*missing\.sql/,
    );
  } finally {
    await target.drop();
  }
});

test('a backup from a newer Probity, with a migration this version does not know, is refused', async () => {
  const target = await targetWithMarker();
  try {
    const before = await counts(target.db);
    const original = await fs.readFile(backupFile, 'utf8');
    const file = path.join(tmp, 'from-the-future.sql');
    await fs.writeFile(
      file,
      original.replace(/^-- Migrations: (.*)$/m, '-- Migrations: $1, 9999-from-the-future'),
    );
    await assert.rejects(
      restoreDatabase(target.url, file),
      /newer version of Probity: it has migration 9999-from-the-future, which this version does not know/,
    );
    await assertUntouched(target, before);
  } finally {
    await target.drop();
  }
});

test('restore knows exactly the migrations the server runs', async () => {
  // The template database was migrated by migrateToLatest, as the server does at start.
  const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    source.db,
  );
  assert.deepEqual(
    Object.keys(await knownMigrations()).sort(),
    ran.rows.map((r) => r.name),
  );
});

test('a backup into a folder that does not exist says so', async () => {
  await assert.rejects(
    backupDatabase(source.url, path.join(tmp, 'no-such-folder', 'x.sql')),
    /the folder .*no-such-folder does not exist/,
  );
});

test('a failed backup leaves no file behind and keeps an earlier backup of the same name', async () => {
  const file = path.join(tmp, 'nightly.sql');
  await fs.writeFile(file, 'last night’s backup');
  // Nothing listens on port 1: the backup fails before writing any data.
  await assert.rejects(backupDatabase('postgresql://postgres:x@127.0.0.1:1/probity', file));
  assert.equal(await fs.readFile(file, 'utf8'), 'last night’s backup');
  assert.equal(existsSync(partialPath(file)), false);
});
