import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * Integration tests run against a real PostgreSQL. scripts/test.mjs starts one (embedded, or
 * the server in DATABASE_URL) and sets PROBITY_TEST_ADMIN_URL; it also prepares a migrated
 * template database named in PROBITY_TEST_TEMPLATE, so each test file gets its own fresh,
 * migrated database in milliseconds.
 */
export interface TestDatabase {
  db: Db;
  url: string;
  drop: () => Promise<void>;
}

function adminUrl(): string {
  const url = process.env.PROBITY_TEST_ADMIN_URL;
  if (!url) {
    throw new Error(
      'PROBITY_TEST_ADMIN_URL is not set: run the tests with `npm test` (it starts PostgreSQL for them).',
    );
  }
  return url;
}

export function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `probity_test_${randomBytes(6).toString('hex')}`;
  const template = process.env.PROBITY_TEST_TEMPLATE;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await client.end();
  }
  const url = databaseUrl(admin, name);
  const handle = createDatabase(url, { max: 5 });
  if (!template) await migrateToLatest(handle.db);
  return {
    db: handle.db,
    url,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        // Without superuser rights, FORCE cannot end a backend of another role: PostgreSQL's
        // autovacuum, now and then busy in the fresh database (seen on the PostgreSQL 15 CI run).
        // It finishes in moments, so try again a few times before giving up.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await c.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (attempt >= 10 || (code !== '42501' && code !== '55006')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** Make the migrated template database that createTestDatabase copies. */
export async function prepareTemplateDatabase(admin: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const handle = createDatabase(databaseUrl(admin, name), { max: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}
