import { createTransport } from 'nodemailer';
import { buildApp, loggerOptions } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { acquireDataDirLock, DataDirInUseError, startEmbeddedDatabase } from './db/embedded.js';
import { deliverPendingEmails } from './platform/outbox.js';
import { DEMO_PASSWORD, demoAccounts, loadDemoCouncil } from './seed/demo.js';

/** What start-up has taken and must give back on the way out, last taken first. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}

/** Start Probity: the database (embedded unless DATABASE_URL is set), migrations, demo data, web server. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`Starting the embedded PostgreSQL in ${config.dataDir} ...`);
    cleanups.push(await acquireDataDirLock(config.dataDir));
    const embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      port: config.PROBITY_DB_PORT,
    });
    cleanups.push(embedded.stop);
    databaseUrl = embedded.url;
  }

  const database = createDatabase(databaseUrl);
  cleanups.push(database.close);
  await migrateToLatest(database.db);

  if (config.PROBITY_DEMO) {
    const demo = await loadDemoCouncil(database.db);
    if (demo.loaded) console.log('Loaded the demo council.');
  }

  const app = await buildApp({ config, db: database.db, logger: loggerOptions(config.LOG_LEVEL) });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let mailTimer: NodeJS.Timeout | undefined;
  if (config.SMTP_URL) {
    const transport = createTransport(config.SMTP_URL);
    const deliver = () =>
      deliverPendingEmails(database.db, transport, config.MAIL_FROM).catch((error: unknown) =>
        app.log.warn({ err: error }, 'sending emails failed; will try again'),
      );
    mailTimer = setInterval(deliver, 30_000);
    void deliver();
  }

  console.log(`\nProbity is running at http://localhost:${port}/`);
  if (config.PROBITY_DEMO) {
    console.log(`\nDemo mode. Every demo account's password is: ${DEMO_PASSWORD}`);
    for (const account of demoAccounts()) {
      console.log(`  ${account.label.padEnd(22)} ${account.email}`);
    }
  }
  console.log('\nPress Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error('Stopping now, without waiting.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: finishing requests in flight, then stopping ...`);
    if (mailTimer) clearInterval(mailTimer);
    // A browser's keep-alive connection would hold the close open for Fastify's 72-second
    // keep-alive timeout: close each connection as soon as its last request has been answered.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    await app.close(); // stops accepting connections and waits for requests in flight
    clearInterval(closeIdle);
    await cleanUp(); // close the pool, stop the embedded PostgreSQL, release the lock
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  process.on('uncaughtException', (error) => {
    console.error(error);
    void cleanUp().finally(() => process.exit(1));
  });
}

main().catch(async (error: unknown) => {
  if (error instanceof DataDirInUseError) console.error(error.message);
  else console.error('Probity could not start:', error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
});
