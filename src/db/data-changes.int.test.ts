import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { createDatabase, dataChangesOf, type DatabaseHandle } from './database.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { dataVersion } from '../platform/data-version.js';
import { recordAudit } from '../platform/audit.js';
import { CountingPostgresDialect, DataChanges, QUIET_WRITE } from './data-changes.js';
import type { Database } from './schema.js';

let t: TestDatabase;
/** a second handle on the same database: another server process, or a command-line import */
let other: DatabaseHandle;

before(async () => {
  t = await createTestDatabase();
  other = createDatabase(t.url, { max: 2 });
});
after(async () => {
  await other.close();
  await t.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until `check` holds, for at most five seconds. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  assert.fail(`Waited five seconds for ${what}`);
}

/**
 * Listening, with the notices of earlier tests' writes delivered (this process is told of its
 * own commits too, a little after it counted them itself).
 */
async function listening(): Promise<void> {
  await dataVersion(t.db);
  await eventually(async () => dataChangesOf(t.db).listening, 'the listener to connect');
  let version = await dataVersion(t.db);
  for (;;) {
    await sleep(150);
    const now = await dataVersion(t.db);
    if (now === version) return;
    version = now;
  }
}

const audit = (db: Kysely<Database> = t.db) =>
  recordAudit(db, { actorPersonId: null, entity: 'test', entityId: 'x', action: 'changed' });

test('reading the version costs no query once PostgreSQL notices reach the process', async () => {
  await listening();
  const before = await dataVersion(t.db);
  await sql`select 1`.execute(t.db);
  assert.equal(await dataVersion(t.db), before, 'a read is not a change');
});

/**
 * Counting writes, without notices: a Kysely instance over its own pool and a tracker that
 * never listens, so that only this process's own counting moves the version.
 */
function counting() {
  const pool = new pg.Pool({ connectionString: t.url, max: 2 });
  const changes = new DataChanges(null);
  const db = new Kysely<Database>({ dialect: new CountingPostgresDialect({ pool }, changes) });
  return { db, changes, close: () => db.destroy() };
}

test('a write made by this process moves the version as soon as it returns', async () => {
  const local = counting();
  try {
    const before = local.changes.version;
    await sql`select 1`.execute(local.db);
    assert.equal(local.changes.version, before, 'a read is not a change');
    await audit(local.db);
    assert.notEqual(local.changes.version, before);
  } finally {
    await local.close();
  }
});

test('inside a transaction the version moves at commit, not before, and not for a rollback', async () => {
  const local = counting();
  try {
    const before = local.changes.version;
    let during = 0;
    await local.db.transaction().execute(async (trx) => {
      await audit(trx);
      during = local.changes.version;
    });
    assert.equal(during, before, 'nobody else can see the change before it commits');
    const committed = local.changes.version;
    assert.notEqual(committed, before);

    await assert.rejects(
      local.db.transaction().execute(async (trx) => {
        await audit(trx);
        throw new Error('changed my mind');
      }),
    );
    assert.equal(local.changes.version, committed, 'a rolled-back transaction changed nothing');

    const quiet = local.changes.version;
    await local.db.transaction().execute(async (trx) => {
      await sql`select count(*) from audit_events`.execute(trx);
    });
    assert.equal(local.changes.version, quiet, 'a transaction that only read changes nothing');
  } finally {
    await local.close();
  }
});

test('a session touch is not a change; other raw writes are', async () => {
  const local = counting();
  try {
    const before = local.changes.version;
    await sql`${sql.raw(QUIET_WRITE)} update sessions set last_seen_at = now() where false`.execute(
      local.db,
    );
    assert.equal(local.changes.version, before);
    await sql`update sessions set last_seen_at = now() where false`.execute(local.db);
    assert.notEqual(local.changes.version, before);
  } finally {
    await local.close();
  }
});

test("this process's own commit is counted once, not again when its notice comes back", async () => {
  await listening();
  const before = await dataVersion(t.db);
  await audit();
  const counted = await dataVersion(t.db);
  assert.equal(counted, before + 1);
  // The notice is delivered within milliseconds; a second count would show by now.
  await sleep(300);
  assert.equal(await dataVersion(t.db), counted);
});

test('an audit event committed by another process reaches this one through PostgreSQL', async () => {
  await listening();
  const before = await dataVersion(t.db);
  await audit(other.db);
  await eventually(async () => (await dataVersion(t.db)) !== before, 'the notice');
});

test('a session ended by another process reaches this one; a touch there does not', async () => {
  await listening();
  const person = await t.db
    .insertInto('authorities')
    .values({ slug: 'dc-test', name: 'Data Changes', kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: personId } = await t.db
    .insertInto('people')
    .values({ authority_id: person.id, given_name: 'Ada', family_name: 'Change', kind: 'officer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('sessions')
    .values({ id_hash: 'dc-test', person_id: personId, expires_at: new Date(Date.now() + 60_000) })
    .execute();
  const before = await dataVersion(t.db);
  const raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
  try {
    await raw.query('update sessions set last_seen_at = now()');
    await sleep(300);
    assert.equal(await dataVersion(t.db), before, 'touching a session is not a change');
    await raw.query('delete from sessions where id_hash = $1', ['dc-test']);
  } finally {
    await raw.end();
  }
  await eventually(async () => (await dataVersion(t.db)) !== before, 'the notice');
});

test('when the listener is cut off, the version moves, falls back to the audit trail, and listening resumes', async () => {
  await listening();
  const changes = dataChangesOf(t.db);
  const pid = changes.listenerPid();
  assert.ok(pid, 'the listener has a backend');
  const before = await dataVersion(t.db);
  await sql`select pg_terminate_backend(${pid})`.execute(other.db);
  await eventually(async () => !changes.listening, 'the drop to be seen');
  const dropped = await dataVersion(t.db);
  assert.notEqual(dropped, before, 'notices may have been missed');
  // Not listening: another process's change is still seen, through the highest audit id.
  if (!changes.listening) {
    await audit(other.db);
    if (!changes.listening) assert.notEqual(await dataVersion(t.db), dropped);
  }
  await eventually(async () => changes.listening, 'listening to resume');
  assert.notEqual(changes.listenerPid(), pid);
});
