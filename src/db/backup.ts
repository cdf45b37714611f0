import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import {
  Kysely,
  Migrator,
  NO_MIGRATIONS,
  PostgresDialect,
  type Migration,
  type MigrationProvider,
  type PostgresPool,
  type PostgresPoolClient,
} from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo, type CopyStreamQuery } from 'pg-copy-streams';
import { migrations } from './migrate.js';

/**
 * Logical backups of the whole application database, without pg_dump (the embedded
 * PostgreSQL ships no client tools, and a distribution's pg_dump refuses a newer server).
 *
 * The file is plain SQL that psql could replay into a database migrated to the same
 * migrations: a header naming the migrations, one `COPY ... FROM stdin;` block per table in
 * COPY's text format, then `setval` lines for the sequences. `restoreDatabase` does not run
 * the file as SQL: it parses exactly this shape and refuses anything else, so a damaged or
 * foreign file cannot run arbitrary statements as the database owner.
 */

export const BACKUP_FORMAT = 1;
const MAGIC = '-- Probity backup';
const TRAILER = '-- End of Probity backup. SHA-256: ';
/** Kysely's bookkeeping: a restore rebuilds it by running the migrations themselves. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/**
 * Left out of backups: sign-in sessions and throttles. Restoring an old backup must not bring
 * back sessions that were signed out since; everyone signs in again after a restore.
 */
const NOT_BACKED_UP = new Set(['sessions', 'sign_in_throttles']);
/**
 * Output settings that make COPY's text stable and exact (ISO dates in UTC, floats that
 * round-trip). Written into the file for psql, and applied by restore itself.
 */
const SESSION_SETTINGS: readonly (readonly [string, string])[] = [
  ['DateStyle', 'ISO'],
  ['IntervalStyle', 'postgres'],
  ['TimeZone', 'UTC'],
  ['extra_float_digits', '3'],
];
/** For psql: deferrable foreign keys (which close cycles) are checked at COMMIT. */
const DEFER_CONSTRAINTS = 'SET CONSTRAINTS ALL DEFERRED;';
const SETTING_LINES = new Set([
  "SET client_encoding = 'UTF8';",
  ...SESSION_SETTINGS.map(([name, value]) => `SET ${name} = '${value}';`),
]);
const WRITE_BUFFER_BYTES = 1 << 20;
const HEADER_BYTES = 64 * 1024;

/** A problem the operator can act on: the CLI prints its message without a stack trace. */
export class BackupError extends Error {}

export interface BackupSummary {
  file: string;
  migrations: string[];
  tables: number;
  rows: number;
  bytes: number;
  seconds: number;
}

export interface RestoreSummary {
  createdAt: string;
  migrations: string[];
  /** migrations this version has that the backup predates: they run at the next start */
  pendingMigrations: string[];
  tables: number;
  rows: number;
  seconds: number;
}

export interface BackupHeader {
  format: number;
  createdAt: string;
  migrations: string[];
}

/** The name the backup is written under until it is complete. */
export function partialPath(file: string): string {
  return `${file}.partial`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const IDENT = '"(?:[^"]|"")+"';
const COPY_LINE = new RegExp(
  `^COPY public\\.(${IDENT}) \\((${IDENT}(?:, ${IDENT})*)\\) FROM stdin;$`,
);
const SETVAL_LINE = new RegExp(
  `^SELECT pg_catalog\\.setval\\('public\\.(${IDENT})', (-?\\d+), (true|false)\\);$`,
);
function unquoteIdent(quoted: string): string {
  return quoted.slice(1, -1).replace(/""/g, '"');
}

/** The migrations this version of Probity has (a restore stops at the backup's last one). */
export async function knownMigrations(): Promise<Record<string, Migration>> {
  return { ...migrations };
}

// ---------------------------------------------------------------------------------------------
// Backup

/** Buffers small chunks into large writes, hashing everything written. */
class HashingWriter {
  private chunks: Buffer[] = [];
  private size = 0;
  bytes = 0;
  readonly hash: Hash = createHash('sha256');

  constructor(private readonly handle: fs.FileHandle) {}

  async write(data: Buffer | string): Promise<void> {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.hash.update(buffer);
    this.chunks.push(buffer);
    this.size += buffer.length;
    this.bytes += buffer.length;
    if (this.size >= WRITE_BUFFER_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const buffer = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    await this.handle.write(buffer);
  }
}

interface TableInfo {
  oid: number;
  name: string;
  columns: string[];
}

/**
 * Parents before children, so every foreign key finds its row; ties in name order. Deferrable
 * foreign keys are left out of the order (they close cycles, and are checked at commit).
 */
function foreignKeySafeOrder(tables: TableInfo[], references: { child: number; parent: number }[]) {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const parents = new Map<number, Set<number>>(tables.map((t) => [t.oid, new Set<number>()]));
  for (const { child, parent } of references) {
    // A table referring to itself is fine: COPY checks foreign keys at the end of the statement.
    if (child !== parent && byOid.has(child) && byOid.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<number>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !done.has(t.oid) && [...parents.get(t.oid)!].every((p) => done.has(p)),
    );
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.oid)).map((t) => t.name);
      throw new BackupError(
        `These tables refer to each other in a cycle, which this backup format cannot restore: ${left.join(', ')}.`,
      );
    }
    for (const table of ready) {
      done.add(table.oid);
      ordered.push(table);
    }
  }
  return ordered;
}

async function readTables(client: pg.Client): Promise<TableInfo[]> {
  const tables = await client.query<{ oid: number; name: string; columns: string[] }>(
    `select c.oid::int as oid, c.relname as name,
            array(select a.attname from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                    and a.attgenerated = ''  -- generated columns are computed again on restore
                  order by a.attnum)::text[] as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
      order by c.relname`,
  );
  const references = await client.query<{ child: number; parent: number }>(
    `select conrelid::int as child, confrelid::int as parent from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace and not condeferrable`,
  );
  const application = tables.rows.filter(
    (t) => !MIGRATION_TABLES.has(t.name) && !NOT_BACKED_UP.has(t.name),
  );
  return foreignKeySafeOrder(application, references.rows);
}

/**
 * Write a consistent logical backup of the database at `url` to `file`. It is written to
 * `<file>.partial` and renamed when complete, so a failed backup never leaves a file that looks
 * whole under the real name.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const started = performance.now();
  const target = path.resolve(file);
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new BackupError(`${target} is a folder: give a file name.`);
  const partial = partialPath(target);
  let handle: fs.FileHandle;
  try {
    // Backups hold password hashes: readable by the owner only. A leftover .partial from a
    // crashed run is removed first, as opening it would keep its old permissions.
    await fs.rm(partial, { force: true });
    handle = await fs.open(partial, 'w', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT'
        ? `Cannot write the backup: the folder ${path.dirname(target)} does not exist.`
        : `Cannot write ${partial}: ${(error as Error).message}`,
    );
  }

  const client = new pg.Client({ connectionString: url, application_name: 'probity-backup' });
  // A connection lost mid-query fails that query; without a listener, the same loss would
  // also be thrown as an unhandled 'error' event and end the process before it cleans up.
  client.on('error', () => undefined);
  let complete = false;
  try {
    await client.connect();
    // One snapshot for every table: the backup is as of a single moment, even while the
    // server keeps writing.
    await client.query('begin isolation level repeatable read read only');
    for (const [name, value] of SESSION_SETTINGS) {
      await client.query(`select set_config($1, $2, true)`, [name, value]);
    }
    const hasMigrations = await client.query<{ found: string | null }>(
      `select to_regclass('public.kysely_migration')::text as found`,
    );
    if (!hasMigrations.rows[0]?.found) {
      throw new BackupError(
        'This database has no Probity tables (no kysely_migration table): there is nothing to back up.',
      );
    }
    const migrations = (
      await client.query<{ name: string }>('select name from public.kysely_migration order by name')
    ).rows.map((r) => r.name);
    const version = await client.query<{ server_version: string }>('show server_version');
    const tables = await readTables(client);

    const out = new HashingWriter(handle);
    await out.write(
      [
        MAGIC,
        `-- Format: ${BACKUP_FORMAT}`,
        `-- Created at: ${new Date().toISOString()}`,
        `-- PostgreSQL: ${version.rows[0]?.server_version ?? 'unknown'}`,
        `-- Migrations: ${migrations.join(', ')}`,
        '--',
        '-- Restore with: npm run probity -- restore <this file>',
        '-- psql can also replay it into an empty database migrated to exactly the migrations above.',
        '',
        ...SETTING_LINES,
        'BEGIN;',
        DEFER_CONSTRAINTS,
        '',
      ].join('\n') + '\n',
    );

    let rows = 0;
    for (const table of tables) {
      const columns = table.columns.map(quoteIdent).join(', ');
      const name = `public.${quoteIdent(table.name)}`;
      await out.write(`COPY ${name} (${columns}) FROM stdin;\n`);
      const stream = client.query(copyTo(`COPY ${name} (${columns}) TO STDOUT`));
      for await (const chunk of stream as AsyncIterable<Buffer>) await out.write(chunk);
      await out.write(`\\.\n-- Rows: ${stream.rowCount}\n\n`);
      rows += stream.rowCount;
    }

    // Sequences are read after the data: their values are at least every id copied above.
    const sequences = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c
        where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace order by c.relname`,
    );
    for (const { name } of sequences.rows) {
      if (name.includes("'")) throw new BackupError(`Unsupported sequence name: ${name}`);
      const state = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from public.${quoteIdent(name)}`,
      );
      const { last_value: value, is_called: called } = state.rows[0]!;
      await out.write(
        `SELECT pg_catalog.setval('public.${quoteIdent(name)}', ${value}, ${called});\n`,
      );
    }
    await out.write('COMMIT;\n');
    const digest = out.hash.copy().digest('hex');
    await out.write(`${TRAILER}${digest}\n`);
    await out.flush();
    await handle.sync();
    await client.query('commit');
    complete = true;
    return {
      file: target,
      migrations,
      tables: tables.length,
      rows,
      bytes: out.bytes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await handle.close().catch(() => undefined);
    await client.end().catch(() => undefined);
    if (complete) {
      await fs.rename(partial, target);
      await syncFolder(path.dirname(target));
    } else {
      await fs.rm(partial, { force: true });
    }
  }
}

/** Make the rename durable too; not every file system lets a folder be fsynced. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Restore

/** Read and check the header, touching no database: a wrong file is refused up front. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT'
        ? `There is no file ${file}.`
        : `Cannot read ${file}: ${(error as Error).message}`,
    );
  }
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    throw new BackupError(`${file} is compressed (gzip): decompress it first, then restore.`);
  }
  const lines = head.toString('utf8').split('\n');
  if (lines[0] !== MAGIC) {
    throw new BackupError(`${file} is not a Probity backup: it does not start with "${MAGIC}".`);
  }
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (!line.startsWith('--')) break;
    const match = /^-- ([A-Za-z ]+): (.*)$/.exec(line);
    if (match) fields.set(match[1]!, match[2]!);
  }
  const format = Number(fields.get('Format'));
  if (!Number.isInteger(format)) {
    throw new BackupError(
      `${file} is not a Probity backup that can be read: it has no format line.`,
    );
  }
  if (format > BACKUP_FORMAT) {
    throw new BackupError(
      `${file} was made by a newer version of Probity (backup format ${format}; this version reads format ${BACKUP_FORMAT}). Upgrade Probity, then restore.`,
    );
  }
  const migrationList = fields.get('Migrations');
  const migrations = migrationList ? migrationList.split(', ').filter((m) => m !== '') : [];
  if (migrationList === undefined || migrations.some((m) => !/^[A-Za-z0-9._-]+$/.test(m))) {
    throw new BackupError(`${file} is damaged: its list of migrations is missing or unreadable.`);
  }
  return { format, createdAt: fields.get('Created at') ?? 'unknown', migrations };
}

/** The backup's migrations must be the first of this version's, in the same order. */
function checkMigrations(backup: string[], known: string[]): void {
  const unknown = backup.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by a newer version of Probity: it has migration${unknown.length === 1 ? '' : 's'} ` +
        `${unknown.join(', ')}, which this version does not know. Upgrade Probity, then restore.`,
    );
  }
  if (backup.some((m, i) => known[i] !== m)) {
    throw new BackupError(
      `The backup's migrations (${backup.join(', ')}) are not the first migrations of this version ` +
        `(${known.join(', ')}), so its tables cannot be rebuilt to match.`,
    );
  }
}

/** A Kysely over one client already inside our transaction, so migrations run in it too. */
function kyselyOn(client: pg.Client): Kysely<unknown> {
  const poolClient: PostgresPoolClient = {
    query: client.query.bind(client) as PostgresPoolClient['query'],
    release: () => undefined,
  };
  const pool: PostgresPool = {
    connect: async () => poolClient,
    end: async () => undefined,
  };
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
}

async function migrateTo(client: pg.Client, target: string | undefined): Promise<void> {
  const migrations = await knownMigrations();
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // disableTransactions: Kysely would otherwise open (and commit) a transaction of its own.
  const migrator = new Migrator({ db: kyselyOn(client), provider, disableTransactions: true });
  const { error, results } = await migrator.migrateTo(target ?? NO_MIGRATIONS);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
}

/** What the parser is doing with the bytes it reads. */
type State =
  | { mode: 'sql' }
  | { mode: 'copy'; table: string; stream: CopyStreamQuery }
  | { mode: 'rows'; table: string; rows: number };

/**
 * Replace everything in the database at `url` with the backup in `file`, in one transaction:
 * if anything fails, nothing changes.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  const started = performance.now();
  const header = await readBackupHeader(file);
  const known = Object.keys(await knownMigrations()).sort();
  checkMigrations(header.migrations, known);

  const client = new pg.Client({ connectionString: url, application_name: 'probity-restore' });
  client.on('error', () => undefined); // as in backupDatabase: the query in progress fails instead
  await client.connect();
  // Widened on purpose: handleLine changes it, which TypeScript's narrowing cannot see.
  let state = { mode: 'sql' } as State;
  try {
    await client.query('begin');
    // A running server holding its tables would make the restore wait without end.
    await client.query(`set local lock_timeout = '10s'`);
    for (const [name, value] of SESSION_SETTINGS) {
      await client.query(`select set_config($1, $2, true)`, [name, value]);
    }
    try {
      await client.query('drop schema if exists public cascade');
    } catch (error) {
      throw explainDropFailure(error);
    }
    await client.query('create schema public');
    await client.query('grant usage on schema public to public');
    await migrateTo(client, header.migrations.at(-1));
    await client.query(`set local lock_timeout = 0`);
    const foreignKeys = await dropForeignKeys(client);

    const tables = new Set(
      (
        await client.query<{ name: string }>(
          `select relname as name from pg_class
            where relkind = 'r' and relnamespace = 'public'::regnamespace`,
        )
      ).rows
        .map((r) => r.name)
        .filter((name) => !MIGRATION_TABLES.has(name)),
    );
    const restored = new Set<string>();
    const hash = createHash('sha256');
    let lineNumber = 0;
    let totalRows = 0;
    let trailerSeen = false;
    let copyError: Error | null = null;

    const damaged = (why: string) =>
      new BackupError(`${file} is damaged or not a Probity backup (line ${lineNumber}): ${why}`);

    const handleLine = async (line: string): Promise<void> => {
      if (trailerSeen) {
        if (line === '') return;
        throw damaged('there is text after the end of the backup.');
      }
      if (line.startsWith(TRAILER)) {
        if (state.mode !== 'sql') throw damaged('the backup ends in the middle of a table.');
        if (line.slice(TRAILER.length) !== hash.digest('hex')) {
          throw new BackupError(
            `${file} is damaged: its checksum does not match its contents. Nothing was restored.`,
          );
        }
        trailerSeen = true;
        return;
      }
      hash.update(`${line}\n`);
      if (state.mode === 'rows') {
        const match = /^-- Rows: (\d+)$/.exec(line);
        if (!match) throw damaged(`expected the row count of ${state.table}.`);
        if (Number(match[1]) !== state.rows) {
          throw damaged(
            `the backup says ${state.table} has ${match[1]} rows, but ${state.rows} were read.`,
          );
        }
        state = { mode: 'sql' };
        return;
      }
      if (line === '' || line.startsWith('--') || SETTING_LINES.has(line)) return;
      // We are in our own transaction, with the foreign keys dropped until the end.
      if (line === 'BEGIN;' || line === 'COMMIT;' || line === DEFER_CONSTRAINTS) return;
      const copy = COPY_LINE.exec(line);
      if (copy) {
        const table = unquoteIdent(copy[1]!);
        if (!tables.has(table)) throw damaged(`the table ${table} does not exist in this version.`);
        if (restored.has(table)) throw damaged(`the table ${table} appears twice.`);
        restored.add(table);
        const columns = [...copy[2]!.matchAll(new RegExp(IDENT, 'g'))].map((m) =>
          unquoteIdent(m[0]),
        );
        const sql = `COPY public.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
        const stream = client.query(copyFrom(sql));
        // Keep a COPY error (bad data) from being an unhandled 'error' event between writes.
        stream.on('error', (error: Error) => {
          copyError = error;
        });
        state = { mode: 'copy', table, stream };
        return;
      }
      const setval = SETVAL_LINE.exec(line);
      if (setval) {
        const sequence = `public.${setval[1]!}`;
        const exists = await client.query<{ found: string | null }>(
          `select to_regclass($1)::text as found`,
          [sequence],
        );
        if (!exists.rows[0]?.found) throw damaged(`the sequence ${sequence} does not exist.`);
        await client.query('select pg_catalog.setval($1::regclass, $2::bigint, $3::boolean)', [
          sequence,
          setval[2],
          setval[3] === 'true',
        ]);
        return;
      }
      throw damaged(`unexpected text: ${JSON.stringify(line.slice(0, 80))}`);
    };

    /** Send COPY data to PostgreSQL, waiting when its buffer is full. */
    const send = async (stream: CopyStreamQuery, data: Buffer): Promise<void> => {
      if (copyError) throw copyError;
      if (data.length === 0) return;
      hash.update(data);
      if (!stream.write(data)) await once(stream, 'drain');
    };

    let carry: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const buffer: Buffer =
        carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let pos = 0;
      for (;;) {
        if (state.mode === 'copy') {
          // Pass whole lines through untouched until the line `\.`, which ends the table's data
          // (a backslash in data is always escaped, so no row can look like it).
          const start = pos;
          let end = -1;
          for (;;) {
            const newline = buffer.indexOf(10, pos);
            if (newline < 0) break;
            lineNumber += 1;
            if (newline - pos === 2 && buffer[pos] === 0x5c && buffer[pos + 1] === 0x2e) {
              end = pos;
              pos = newline + 1;
              break;
            }
            pos = newline + 1;
          }
          const { stream, table } = state;
          if (end < 0) {
            await send(stream, buffer.subarray(start, pos));
            break;
          }
          await send(stream, buffer.subarray(start, end));
          hash.update('\\.\n');
          stream.end();
          await finished(stream);
          totalRows += stream.rowCount;
          state = { mode: 'rows', table, rows: stream.rowCount };
          continue;
        }
        const newline = buffer.indexOf(10, pos);
        if (newline < 0) break;
        lineNumber += 1;
        await handleLine(buffer.toString('utf8', pos, newline));
        pos = newline + 1;
      }
      carry = buffer.subarray(pos);
      if (carry.length > HEADER_BYTES && state.mode !== 'copy') {
        throw damaged('a line is far too long.');
      }
    }
    if (carry.length > 0 || !trailerSeen) {
      throw new BackupError(
        `${file} is incomplete: it ends before the end of the backup (it was probably cut short while being written or copied). Nothing was restored.`,
      );
    }
    await restoreForeignKeys(client, foreignKeys);
    await client.query('commit');
    return {
      createdAt: header.createdAt,
      migrations: header.migrations,
      pendingMigrations: known.filter((m) => !header.migrations.includes(m)),
      tables: restored.size,
      rows: totalRows,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (state.mode === 'copy') {
      // Abandon the COPY (PostgreSQL rolls it back) before ending the transaction.
      state.stream.destroy();
      await finished(state.stream).catch(() => undefined);
    }
    await client.query('rollback').catch(() => undefined);
    if (state.mode === 'copy' && !(error instanceof BackupError)) {
      // PostgreSQL refused a row: say which table, and that the file is at fault.
      throw new BackupError(
        `${file} is damaged: the rows of ${state.table} could not be restored (${(error as Error).message}). Nothing was restored.`,
      );
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Checking each row's foreign keys as it is copied is most of a restore's time (a lookup per
 * row); adding the constraints back afterwards checks every row in one join, just as surely.
 */
async function dropForeignKeys(client: pg.Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `select format('public.%I', t.relname) as table, c.conname as name,
            pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_class t on t.oid = c.conrelid
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      order by t.relname, c.conname`,
  );
  for (const fk of rows) {
    await client.query(`alter table ${fk.table} drop constraint ${quoteIdent(fk.name)}`);
  }
  return rows;
}

async function restoreForeignKeys(client: pg.Client, foreignKeys: ForeignKey[]): Promise<void> {
  for (const fk of foreignKeys) {
    try {
      await client.query(
        `alter table ${fk.table} add constraint ${quoteIdent(fk.name)} ${fk.definition}`,
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23503') throw error;
      throw new BackupError(
        `The backup's data does not hang together (${fk.table}: ${(error as Error).message}). Nothing was restored.`,
      );
    }
  }
}

function explainDropFailure(error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (code === '55P03') {
    return new BackupError(
      'The database is in use (is Probity running against it?). Stop the server, then restore.',
    );
  }
  if (code === '42501') {
    return new BackupError(
      'The database role may not replace the public schema: restore needs the role that owns the database.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
