import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import {
  BackupError,
  backupDatabase,
  partialPath,
  readBackupHeader,
  restoreDatabase,
} from './db/backup.js';
import { createDatabase, type Db } from './db/database.js';
import { acquireDataDirLock, DataDirInUseError, startEmbeddedDatabase } from './db/embedded.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_PASSWORD, loadDemoCouncil } from './seed/demo.js';

/**
 * Probity's administration commands: `npm run probity -- <command>`. Each works on the
 * embedded PostgreSQL (taking the data folder's lock, as the server does) unless DATABASE_URL
 * names a PostgreSQL server.
 */

const RUN = 'npm run probity --';

const DATABASE_NOTE = `The database is the embedded PostgreSQL in PROBITY_DATA_DIR (default ./data), or the
PostgreSQL server in DATABASE_URL when that is set. Only one Probity can use the embedded
database at a time: stop the server (Ctrl-C) before running a command on it, or set
DATABASE_URL.`;

const HELP: Record<string, string> = {
  main: `Probity administration

Usage: ${RUN} <command> [options]

Commands:
  migrate                  Bring the database's tables up to date with this version
  seed                     Load the demo council into an empty database
  seed --scale large       Generate the large benchmark council
  backup <file>            Write a backup of the whole database to <file>
  restore <file> [--yes]   Replace everything in the database with a backup
  help [command]           Show help, for one command with more detail

${DATABASE_NOTE}`,

  migrate: `Usage: ${RUN} migrate

Runs the database migrations this version has that have not run yet, and lists them.
The server also does this every time it starts.

${DATABASE_NOTE}`,

  seed: `Usage: ${RUN} seed [--scale demo|large]

  --scale demo    (the default) Load the demo council, with demo accounts whose password is
                  ${DEMO_PASSWORD}. Does nothing if the database already has councils in it.
  --scale large   Generate a large council for benchmarks: hundreds of parishes, tens of
                  thousands of people, years of history. Takes minutes and some hundreds of MB.
                  Refuses if the large council is there already.

Runs any outstanding migrations first.

${DATABASE_NOTE}`,

  backup: `Usage: ${RUN} backup <file>

Writes a backup of the whole application database to <file>: plain SQL (COPY blocks) that
'${RUN} restore' reads back. The backup is consistent as of one moment, even while a
server on DATABASE_URL keeps working. It is written to <file>.partial and renamed when
complete. It contains password hashes and personal data: keep it as safe as the database.

On the embedded database, stop the server first (or use DATABASE_URL).

${DATABASE_NOTE}`,

  restore: `Usage: ${RUN} restore <file> [--yes]

Replaces EVERYTHING in the database with the backup in <file>, in one transaction: if
anything goes wrong (a damaged file, a backup from a newer Probity), nothing changes.
Run from a terminal, it needs --yes to go ahead; from a script it does not ask.

On the embedded database, stop the server first (or use DATABASE_URL). On a PostgreSQL
server, stop every Probity using that database, and run it as the role that owns the
database.

${DATABASE_NOTE}`,
};

/** A mistake in how the command was called: shown with the usage, exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string = 'main',
  ) {
    super(message);
  }
}

/** Something the operator can act on: shown as a message, exit code 1, no stack trace. */
class CommandError extends Error {}

/** What a command has taken and must give back, last taken first: also on Ctrl-C. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}

let interrupted = false;
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.error(`\n${signal}: stopping. Nothing half-done is kept.`);
  // Connections cut by the stop below may report it as an 'error' event: we are leaving anyway.
  process.on('uncaughtException', () => undefined);
  // Stopping the embedded PostgreSQL (fast) ends our transaction: a restore rolls back. On a
  // server in DATABASE_URL, exiting closes the connection, which rolls it back just the same.
  void cleanUp().finally(() => process.exit(130));
}

/** `npm run` starts scripts in the package folder: a file is relative to where it was typed. */
function userPath(file: string): string {
  const base =
    process.env.npm_lifecycle_event === 'probity' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd();
  return path.resolve(base, file);
}

/** Open the database for one command: the embedded one (locked) unless DATABASE_URL is set. */
async function connect(config: Config): Promise<string> {
  if (config.DATABASE_URL) {
    // Name the server without its password.
    const url = URL.canParse(config.DATABASE_URL) ? new URL(config.DATABASE_URL) : null;
    const where = url?.hostname ? ` at ${url.hostname}:${url.port || 5432}${url.pathname}` : '';
    console.log(`Using the PostgreSQL server${where} (DATABASE_URL).`);
    return config.DATABASE_URL;
  }
  try {
    cleanups.push(await acquireDataDirLock(config.dataDir));
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new CommandError(
        `${error.message}\nCommands on the embedded database need the server stopped; or set DATABASE_URL to work on a PostgreSQL server.`,
      );
    }
    throw error;
  }
  console.log(`Starting the embedded PostgreSQL in ${config.dataDir} ...`);
  const embedded = await startEmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.PROBITY_DB_PORT,
  });
  cleanups.push(embedded.stop);
  return embedded.url;
}

async function openDb(config: Config): Promise<Db> {
  const handle = createDatabase(await connect(config), { max: 2 });
  // Closing the pool waits for queries in flight: after Ctrl-C, stopping the database (or
  // exiting, which drops the connection) must come first, and rolls them back instead.
  cleanups.push(() => (interrupted ? Promise.resolve() : handle.close()));
  return handle.db;
}

async function runMigrations(db: Db): Promise<void> {
  const ran = await migrateToLatest(db);
  console.log(
    ran.length > 0
      ? `Ran ${ran.length} migration${ran.length === 1 ? '' : 's'}: ${ran.join(', ')}.`
      : 'The database is up to date: no migrations to run.',
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** `auditEvents` -> `audit events` */
const words = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function expectFile(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError(`${command} needs a file name.`, command);
  if (positionals.length > 1) {
    throw new UsageError(`${command} takes one file name, not ${positionals.length}.`, command);
  }
  return userPath(positionals[0]!);
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        yes: { type: 'boolean', short: 'y' },
        scale: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, HELP[argv[0] ?? ''] ? argv[0] : 'main');
  }
  const [command, ...rest] = parsed.positionals;
  const { values } = parsed;

  if (command === undefined) {
    if (values.help) return void console.log(HELP.main);
    throw new UsageError('Give a command.');
  }
  if (command === 'help') return void console.log(HELP[rest[0] ?? 'main'] ?? HELP.main);
  if (!HELP[command] || command === 'main') {
    throw new UsageError(`There is no command "${command}".`);
  }
  if (values.help) return void console.log(HELP[command]);
  if (values.scale !== undefined && command !== 'seed') {
    throw new UsageError(`--scale is an option of seed, not ${command}.`, command);
  }
  if (values.yes !== undefined && command !== 'restore') {
    throw new UsageError(`--yes is an option of restore, not ${command}.`, command);
  }

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CommandError(error.message);
    throw error;
  }

  switch (command) {
    case 'migrate': {
      if (rest.length > 0) throw new UsageError('migrate takes no file or other words.', command);
      await runMigrations(await openDb(config));
      return;
    }

    case 'seed': {
      if (rest.length > 0) throw new UsageError('seed takes no file or other words.', command);
      const scale = values.scale ?? 'demo';
      if (scale !== 'demo' && scale !== 'large') {
        throw new UsageError(`--scale must be demo or large, not "${scale}".`, command);
      }
      const db = await openDb(config);
      await runMigrations(db);
      if (scale === 'demo') {
        const demo = await loadDemoCouncil(db);
        if (!demo.loaded) {
          console.log('The database already has councils in it: the demo council was not loaded.');
          return;
        }
        console.log(`Loaded the demo council. Every demo account's password is: ${DEMO_PASSWORD}`);
        for (const account of demo.accounts) {
          console.log(`  ${account.label.padEnd(22)} ${account.email}`);
        }
        return;
      }
      console.log('Generating the large council: this takes a minute or so ...');
      // Loaded only here: the benchmark generator is large and nothing else needs it.
      const { generateLargeDataset } = await import('./seed/large.js');
      const { seconds, ...counts } = await generateLargeDataset(db);
      const made = Object.entries(counts)
        .map(([key, value]) => `${count(value)} ${words(key)}`)
        .join(', ');
      console.log(`Generated the large council in ${seconds.toFixed(1)} s: ${made}.`);
      return;
    }

    case 'backup': {
      const file = expectFile(rest, command);
      const url = await connect(config);
      // On Ctrl-C, nothing half-written is left behind, even under its temporary name.
      cleanups.push(() => fs.rm(partialPath(file), { force: true }));
      const summary = await backupDatabase(url, file);
      console.log(
        `Backed up ${summary.tables} tables (${count(summary.rows)} rows, ${formatBytes(summary.bytes)}) ` +
          `to ${summary.file} in ${summary.seconds.toFixed(1)} s.`,
      );
      console.log(`Migrations in the backup: ${summary.migrations.join(', ')}.`);
      return;
    }

    case 'restore': {
      const file = expectFile(rest, command);
      // Check the file before starting anything: a wrong file is refused at once.
      await readBackupHeader(file);
      if (process.stdin.isTTY && !values.yes) {
        throw new CommandError(
          'restore replaces everything in the database with the backup. ' +
            `To go ahead, run it again with --yes:\n  ${RUN} restore ${rest[0]} --yes`,
        );
      }
      const url = await connect(config);
      console.log(`Restoring ${file} ...`);
      const summary = await restoreDatabase(url, file);
      console.log(
        `Restored ${count(summary.rows)} rows in ${summary.tables} tables from the backup made ` +
          `${summary.createdAt}, in ${summary.seconds.toFixed(1)} s.`,
      );
      if (summary.pendingMigrations.length > 0) {
        console.log(
          `This version has newer migrations (${summary.pendingMigrations.join(', ')}): they run ` +
            `when Probity next starts, or now with: ${RUN} migrate`,
        );
      }
      return;
    }
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code = 0;
  try {
    await run(process.argv.slice(2));
  } catch (error) {
    // After Ctrl-C the signal handler is cleaning up and will exit: say nothing more.
    if (interrupted) return;
    code = 1;
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${HELP[error.command] ?? HELP.main}`);
      code = 2;
    } else if (error instanceof CommandError || error instanceof BackupError) {
      console.error(error.message);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Failed: ${message}`);
      if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) console.error(error);
    }
  }
  if (interrupted) return;
  await cleanUp();
  process.exit(code);
}

void main();
