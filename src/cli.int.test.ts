import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './testing/database.js';

/** `npm run probity -- ...` as an operator runs it, against test databases via DATABASE_URL. */

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
let tmp: string;
const databases: TestDatabase[] = [];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Outside npm: file names are relative to the working directory, the data folder is ours.
  delete base.npm_lifecycle_event;
  if (!env.DATABASE_URL) delete base.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: base, cwd: tmp }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'probity-cli-test-'));
});

after(async () => {
  for (const db of databases) await db.drop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('seed, backup and restore work end to end on a PostgreSQL server', async () => {
  const source = await database();
  const seeded = await cli(['seed'], { DATABASE_URL: source.url });
  assert.equal(seeded.code, 0, seeded.stderr);
  assert.match(seeded.stdout, /Loaded the demo council/);
  assert.match(seeded.stdout, /mo@demo-city\.example/);

  const again = await cli(['seed'], { DATABASE_URL: source.url });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already has councils in it: the demo council was not loaded/);

  const migrated = await cli(['migrate'], { DATABASE_URL: source.url });
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, /up to date/);

  // A relative file name is relative to where the command was run.
  const backup = await cli(['backup', 'council.sql'], { DATABASE_URL: source.url });
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /Backed up \d+ tables \([\d,]+ rows, [\d.]+ kB\) to .*council\.sql/);
  assert.ok(existsSync(path.join(tmp, 'council.sql')));

  const target = await database();
  const restored = await cli(['restore', 'council.sql'], { DATABASE_URL: target.url });
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /Restored [\d,]+ rows in \d+ tables from the backup made/);
  const people = await target.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const expected = await source.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(people.n), Number(expected.n));
});

test('mistakes get a clear message and a non-zero exit, never a stack trace', async () => {
  const target = await database();
  await fs.writeFile(path.join(tmp, 'notes.txt'), 'not a backup\n');
  const cases: { args: string[]; code: number; message: RegExp }[] = [
    { args: [], code: 2, message: /Give a command\.[\s\S]*Usage: npm run probity -- <command>/ },
    { args: ['dump'], code: 2, message: /There is no command "dump"/ },
    {
      args: ['backup'],
      code: 2,
      message: /backup needs a file name[\s\S]*Usage: .* backup <file>/,
    },
    { args: ['seed', '--scale', 'huge'], code: 2, message: /--scale must be demo or large/ },
    { args: ['migrate', '--yes'], code: 2, message: /--yes is an option of restore/ },
    { args: ['restore', '--force', 'x'], code: 2, message: /Unknown option '--force'/ },
    { args: ['restore', 'notes.txt'], code: 1, message: /notes\.txt is not a Probity backup/ },
    { args: ['restore', 'nowhere.sql'], code: 1, message: /There is no file .*nowhere\.sql/ },
  ];
  const results = await Promise.all(cases.map((c) => cli(c.args, { DATABASE_URL: target.url })));
  for (const [i, c] of cases.entries()) {
    const result = results[i]!;
    assert.equal(result.code, c.code, `${c.args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, c.message, c.args.join(' '));
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  }
  const help = await cli(['help', 'restore']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Replaces EVERYTHING in the database/);
  assert.match(help.stdout, /stop the server first/);
});

test('on the embedded database, a running server is reported, not disturbed', async () => {
  const dataDir = path.join(tmp, 'data');
  await fs.mkdir(dataDir);
  // A lock held by a live process (this test), as a running server would hold it.
  await fs.writeFile(
    path.join(dataDir, 'probity.lock'),
    JSON.stringify({ pid: process.pid, started: null }),
  );
  const result = await cli(['backup', 'x.sql'], { PROBITY_DATA_DIR: dataDir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Probity is already running with the data folder/);
  assert.match(result.stderr, /need the server stopped; or set DATABASE_URL/);
  assert.ok(existsSync(path.join(dataDir, 'probity.lock')), 'the server keeps its lock');
  assert.equal(existsSync(path.join(tmp, 'x.sql')), false);
});
