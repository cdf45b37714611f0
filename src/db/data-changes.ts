import pg from 'pg';
import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * The version of the data, known without asking the database on every request (decision 0022).
 *
 * It is a counter that goes up whenever the data may have changed:
 * - at once, when this process commits a write through Kysely (a write outside a transaction,
 *   or a transaction that wrote): so a page loaded after a form is sent is never stale;
 * - when PostgreSQL tells us, on the `probity_data_changed` channel, that another process
 *   (a second server, a command-line import, a restore) committed an audit event or ended a
 *   session (migration 0009's triggers);
 * - when the listening connection drops or comes back, because notices may have been missed.
 *
 * While the listener is not connected, the version falls back to asking for the highest audit
 * id, as before. Caches keyed by the version also remake any entry older than a minute.
 */
export const DATA_CHANGED_CHANNEL = 'probity_data_changed';

/** SQL starting with this is not counted as a change: a session's once-a-minute touch. */
export const QUIET_WRITE = '/* probity: not a change of data */';

const RECONNECT_MS = 1_000;

export class DataChanges {
  private counter = 1;
  private client: pg.Client | null = null;
  private connected = false;
  private starting = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  /** the highest audit id seen while not listening */
  private lastAuditId: number | null = null;
  /** backends of this process's own pool: their commits are counted already, at commit */
  private readonly ownBackends = new Set<number>();

  constructor(private readonly connectionString: string | null) {}

  /** True while PostgreSQL's notices reach this process, so the counter alone is enough. */
  get listening(): boolean {
    return this.connected;
  }

  get version(): number {
    return this.counter;
  }

  /**
   * A connection of this process's pool, whose writes all go through the counting driver: a
   * notice from it is not counted again (once is enough to remake a page).
   */
  ownConnection(client: pg.ClientBase): void {
    const pid = (client as unknown as { processID?: number }).processID;
    if (typeof pid !== 'number') return;
    this.ownBackends.add(pid);
    client.once('end', () => this.ownBackends.delete(pid));
  }

  /** The data may have changed. */
  bump(): void {
    this.counter += 1;
  }

  /**
   * While not listening: compare the highest audit id with the one seen last, and count a
   * change when it moved. Returns the version.
   */
  sawAuditId(id: number): number {
    if (this.lastAuditId !== null && this.lastAuditId !== id) this.bump();
    this.lastAuditId = id;
    return this.counter;
  }

  /** Start listening (once; reconnecting after a drop) unless there is nothing to listen to. */
  listen(): void {
    if (this.connectionString === null || this.closed || this.starting || this.client) return;
    this.starting = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString ?? undefined,
      application_name: 'probity-listener',
    });
    this.client = client;
    const dropped = () => {
      if (this.client !== client) return;
      this.client = null;
      this.connected = false;
      this.bump();
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (!this.closed) {
        this.retry = setTimeout(() => {
          this.retry = null;
          this.listen();
        }, RECONNECT_MS);
        this.retry.unref();
      }
    };
    client.on('error', dropped);
    client.on('end', dropped);
    client.on('notification', (message) => {
      if (message.channel !== DATA_CHANGED_CHANNEL) return;
      if (!this.ownBackends.has(message.processId)) this.bump();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      // Changes made while nobody listened are not known: count one.
      this.bump();
      this.lastAuditId = null;
      this.connected = true;
    } catch {
      dropped();
    } finally {
      this.starting = false;
    }
  }

  /** The backend process id of the listening connection (for tests that cut it). */
  listenerPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}

const WRITE_KINDS = new Set([
  'InsertQueryNode',
  'UpdateQueryNode',
  'DeleteQueryNode',
  'MergeQueryNode',
]);
const READ_ONLY_SQL =
  /^\s*(select|show|explain|values|table|set|begin|commit|rollback|savepoint|release|start\s+transaction|listen|unlisten)\b/i;
const WITH_WRITE =
  /\b(insert\s+into|update\s+[\w."]+(\s+as\s+\w+)?\s+set|delete\s+from|merge\s+into)\b/i;

/** Whether a query may change data. Unknown raw SQL counts as a change: a cache miss is cheap. */
export function isWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (WRITE_KINDS.has(kind)) return true;
  if (kind !== 'RawNode') return false;
  const text = query.sql;
  if (text.startsWith(QUIET_WRITE)) return false;
  if (/^\s*with\b/i.test(text)) return WITH_WRITE.test(text);
  return !READ_ONLY_SQL.test(text);
}

/** A connection that counts its writes: at once outside a transaction, at commit inside one. */
class CountingConnection implements DatabaseConnection {
  inTransaction = false;
  wrote = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly changes: DataChanges,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if (isWrite(query)) {
      if (this.inTransaction) this.wrote = true;
      else this.changes.bump();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (isWrite(query)) {
      if (this.inTransaction) this.wrote = true;
      else this.changes.bump();
    }
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof CountingConnection ? connection.inner : connection;

class CountingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly changes: DataChanges,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new CountingConnection(await this.inner.acquireConnection(), this.changes);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await this.inner.beginTransaction(unwrap(connection), settings);
    if (connection instanceof CountingConnection) {
      connection.inTransaction = true;
      connection.wrote = false;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.commitTransaction(unwrap(connection));
    } finally {
      // Counted even if COMMIT failed: a cache miss is cheap, a stale page is not.
      this.endTransaction(connection);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof CountingConnection) connection.wrote = false;
    try {
      await this.inner.rollbackTransaction(unwrap(connection));
    } finally {
      this.endTransaction(connection);
    }
  }

  private endTransaction(connection: DatabaseConnection): void {
    if (!(connection instanceof CountingConnection)) return;
    if (connection.wrote) this.changes.bump();
    connection.inTransaction = false;
    connection.wrote = false;
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.savepoint!(unwrap(connection), name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint!(unwrap(connection), name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint!(unwrap(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof CountingConnection) {
      connection.inTransaction = false;
      connection.wrote = false;
    }
    return this.inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** PostgreSQL through `pool`, counting every write this process commits in `changes`. */
export class CountingPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly changes: DataChanges,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new CountingDriver(super.createDriver(), this.changes);
  }
}
