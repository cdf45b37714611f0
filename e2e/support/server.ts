import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/database.js';
import {
  DEMO_PASSWORD,
  demoAccounts,
  loadDemoCouncil,
  type DemoAccount,
} from '../../src/seed/demo.js';
import { testConfig } from '../../src/testing/app.js';
import { createTestDatabase } from '../../src/testing/database.js';

export { DEMO_PASSWORD };

export interface TestServer {
  /** where the app listens, such as http://127.0.0.1:41234 (no trailing slash) */
  baseURL: string;
  app: FastifyInstance;
  db: Db;
  /** one account per role, all with DEMO_PASSWORD */
  accounts: DemoAccount[];
  close: () => Promise<void>;
}

/**
 * The real application, listening on a free local port, over a fresh test database that holds
 * the demo council (so every role has an account). Demo mode itself stays off, as in a real
 * council's installation. Needs the PostgreSQL that scripts/test.mjs starts. With `peopleOnly`
 * the council has its people, groups, committees and accounts but no code, reports or training
 * yet (the journey test builds those through the pages).
 */
export async function startServer(options: { peopleOnly?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  let app: FastifyInstance | undefined;
  try {
    const { accounts } = await loadDemoCouncil(database.db, options);
    const config = testConfig();
    app = await buildApp({ config, db: database.db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('The app is not on TCP');
    const baseURL = `http://127.0.0.1:${address.port}`;
    // The port is known only now. Routes read the configuration when they answer, so putting
    // the real address in place makes the links in emails (invitations) point at this server.
    Object.assign(config, testConfig({ PROBITY_BASE_URL: baseURL }));
    const listening = app;
    return {
      baseURL,
      app: listening,
      db: database.db,
      accounts,
      close: async () => {
        await listening.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
}

/** The demo account for a role ('monitoring-officer', 'member', ...), without a database. */
export function demoAccount(role: string): DemoAccount {
  const account = demoAccounts().find((a) => a.role === role);
  if (!account) throw new Error(`The demo council has no account for the role ${role}`);
  return account;
}
