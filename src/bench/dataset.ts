import { sql } from 'kysely';
import { createDatabase, type Db } from '../db/database.js';
import { acquireDataDirLock, startEmbeddedDatabase } from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';
import { generateLargeDataset, LARGE_SLUG } from '../seed/large.js';
import { ensureLargeCode } from '../seed/large-code.js';
import { ensureLargeReports } from '../seed/large-reports.js';
import { ensureLargeTraining } from '../seed/large-training.js';
import { ensureLargeLearning } from '../seed/large-learning.js';
import { ensureLargeExtras } from '../seed/large-extras.js';
import { timeInvitationLists, type InvitationListTiming } from './invitation-lists.js';
import { onCleanUp } from './cleanup.js';
import { freePort } from './system.js';
import { findTargets, type PageTargets } from './targets.js';
import { renewBenchInvitation } from './pages-people.js';

export type { PageTargets };

export interface DatasetSummary {
  reused: boolean;
  /** how long generating took, when it was generated on this run */
  generationSeconds: number | null;
  /** how long VACUUM ANALYZE took after generating */
  vacuumSeconds: number | null;
  counts: {
    authorities: number;
    people: number;
    memberships: number;
    auditEvents: number;
    attendance: number;
  };
  targets: PageTargets;
  /** building a session's invitation list (issue 6), timed before the server starts */
  invitationLists: InvitationListTiming[];
}

async function datasetExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', LARGE_SLUG)
    .executeTakeFirst();
  return row !== undefined;
}

async function countRows(db: Db): Promise<DatasetSummary['counts']> {
  const { rows } = await sql<DatasetSummary['counts']>`
    select (select count(*) from authorities)::int as authorities,
      (select count(*) from people)::int as people,
      (select count(*) from memberships)::int as memberships,
      (select count(*) from audit_events)::int as "auditEvents",
      (select count(*) from attendance)::int as attendance
  `.execute(db);
  const counts = rows[0];
  if (!counts) throw new Error('Could not count the rows of the dataset');
  return counts;
}

/** Generate the large dataset unless it is there already, then read what the pages need. */
async function prepareIn(url: string): Promise<DatasetSummary> {
  const database = createDatabase(url, { max: 2 });
  const forget = onCleanUp('close the database connections', database.close, 5_000);
  try {
    await migrateToLatest(database.db);
    let generationSeconds: number | null = null;
    let vacuumSeconds: number | null = null;
    const reused = await datasetExists(database.db);
    if (reused) {
      console.log(`The large dataset (${LARGE_SLUG}) is there already: reusing it.`);
      // A dataset generated before the code of conduct existed gets its code now, once.
      const code = await ensureLargeCode(database.db, LARGE_SLUG);
      if (code.added) {
        console.log(
          `Added the code of conduct it was generated without: ${code.versions} versions, ` +
            `${code.items} items, ${code.signOffs} sign-offs of ${code.signers} members.`,
        );
        await sql`analyze code_versions, code_items, code_sign_offs`.execute(database.db);
      }
      // ... and one generated before committee reports existed gets its reports and meetings.
      const reports = await ensureLargeReports(database.db, LARGE_SLUG);
      if (reports.added) {
        console.log(
          `Added the committee reports it was generated without: ${reports.reports} report of ` +
            `${reports.paragraphs} paragraphs and ${reports.meetings} meetings.`,
        );
        await sql`analyze reports, report_items, report_implications, clearances, meetings, agenda_items`.execute(
          database.db,
        );
      }
      // ... and one generated before member development existed gets its programmes.
      const training = await ensureLargeTraining(database.db, LARGE_SLUG);
      if (training.added) {
        console.log(
          `Added the member development it was generated without: ${training.programmes} ` +
            `programmes, ${training.sessions} sessions, ${training.invitations} invitations, ` +
            `${training.attendance} attendance records.`,
        );
        await sql`analyze programmes, courses, training_sessions, session_invitations, attendance`.execute(
          database.db,
        );
      }
      // ... and one generated before learning content existed gets its plans, scenarios and
      // evaluations.
      const learning = await ensureLargeLearning(database.db, LARGE_SLUG);
      if (learning.added) {
        console.log(
          `Added the learning content it was generated without: ${learning.plans} workshop ` +
            `plans, ${learning.scenarios} scenarios in ${learning.sets} sets, ` +
            `${learning.selfStudyAnswers} self-study answers, ${learning.evaluationResponses} ` +
            'evaluation responses.',
        );
        await sql`analyze courses, attendance, workshop_plans, workshop_agenda_items, scenarios, scenario_sets, scenario_set_items, self_study_answers, scenario_set_completions, evaluation_questions, evaluation_responses, evaluation_answers`.execute(
          database.db,
        );
      }
      // ... and one generated before the benchmark loaded every page gets what those pages show.
      const extras = await ensureLargeExtras(database.db, LARGE_SLUG);
      if (extras.added) {
        console.log(
          `Added the records the remaining pages show: ${Object.entries(extras)
            .filter(([what]) => what !== 'added')
            .map(([what, count]) => `${String(count)} ${what}`)
            .join(', ')}.`,
        );
        await sql`analyze`.execute(database.db);
      }
    } else {
      console.log(`Generating the large dataset (${LARGE_SLUG}) ...`);
      const result = await generateLargeDataset(database.db);
      generationSeconds = result.seconds;
      console.log(
        `Generated ${result.authorities} authorities, ${result.people} people, ` +
          `${result.memberships} memberships and ${result.auditEvents} audit events ` +
          `in ${result.seconds.toFixed(1)} s.`,
      );
      // Bring the planner's statistics and the visibility map up to date, as autovacuum would
      // have done long before a real council's database saw its first benchmark.
      const vacuumStarted = performance.now();
      await sql`vacuum (analyze)`.execute(database.db);
      vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
      console.log(`VACUUM ANALYZE took ${vacuumSeconds.toFixed(1)} s.`);
    }
    await renewBenchInvitation(database.db);
    const [counts, targets] = await Promise.all([countRows(database.db), findTargets(database.db)]);
    const invitationLists = await timeInvitationLists(database.db, LARGE_SLUG);
    return { reused, generationSeconds, vacuumSeconds, counts, targets, invitationLists };
  } finally {
    forget();
    await database.close();
  }
}

/**
 * Make sure the dataset exists: in the PostgreSQL at `databaseUrl`, or else in the embedded
 * PostgreSQL in `dataDir` (started for the purpose and stopped again, so that the server can
 * start it itself).
 */
export async function prepareDataset(options: {
  dataDir: string;
  databaseUrl: string | undefined;
}): Promise<DatasetSummary> {
  if (options.databaseUrl) return prepareIn(options.databaseUrl);

  const releaseLock = await acquireDataDirLock(options.dataDir);
  const forgetLock = onCleanUp('release the data folder lock', releaseLock);
  try {
    const port = await freePort();
    console.log(`Starting the embedded PostgreSQL in ${options.dataDir} ...`);
    const embedded = await startEmbeddedDatabase({ dataDir: options.dataDir, port });
    const forgetDb = onCleanUp('stop the embedded PostgreSQL', embedded.stop, 90_000);
    try {
      return await prepareIn(embedded.url);
    } finally {
      forgetDb();
      await embedded.stop();
    }
  } finally {
    forgetLock();
    await releaseLock();
  }
}
