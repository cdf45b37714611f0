import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as m0001 from './migrations/0001-core.js';
import * as m0002 from './migrations/0002-people-model.js';
import * as m0003 from './migrations/0003-member-imports.js';
import * as m0004 from './migrations/0004-people-search.js';
import * as m0005 from './migrations/0005-people-order.js';
import * as m0006 from './migrations/0006-code-of-conduct.js';
import * as m0007 from './migrations/0007-committee-reports.js';
import * as m0008 from './migrations/0008-deferrable-decision-links.js';
import * as m0009 from './migrations/0009-data-change-notices.js';
import * as m0010 from './migrations/0010-member-development.js';
import * as m0011 from './migrations/0011-programme-decisions.js';
import * as m0012 from './migrations/0012-learning-content.js';
import * as m0013 from './migrations/0013-deferrable-programme-approval.js';
import * as m0014 from './migrations/0014-programme-appendices.js';

/** Migrations in order. Forward-only: a landed migration is never edited, only followed. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-core': m0001,
  '0002-people-model': m0002,
  '0003-member-imports': m0003,
  '0004-people-search': m0004,
  '0005-people-order': m0005,
  '0006-code-of-conduct': m0006,
  '0007-committee-reports': m0007,
  '0008-deferrable-decision-links': m0008,
  '0009-data-change-notices': m0009,
  '0010-member-development': m0010,
  '0011-programme-decisions': m0011,
  '0012-learning-content': m0012,
  '0013-deferrable-programme-approval': m0013,
  '0014-programme-appendices': m0014,
};

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

// Migrations see the database untyped: they describe its past shapes, not today's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Kysely instance will do
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
