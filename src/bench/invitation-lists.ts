import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { inviteAudience } from '../features/member-development/index.js';
import type { CourseAudience } from '../db/schema.js';

/** How long building one session's invitation list took (issue 6: under 200 ms). */
export interface InvitationListTiming {
  audience: CourseAudience;
  /** people invited */
  people: number;
  /** the median of the runs, in milliseconds */
  medianMs: number;
  runs: number;
}

export const INVITATION_LIST_TARGET_MS = 200;

class RollBack extends Error {}

/**
 * Time `inviteAudience` for a new session of the large council's current programme, for each
 * audience asked for: the session and its invitations are made in a transaction that is then
 * rolled back, so the dataset is left as it was. The median of `runs` runs.
 */
export async function timeInvitationLists(
  db: Db,
  slug: string,
  audiences: readonly CourseAudience[] = ['all-members', 'parish-councillors'],
  runs = 7,
): Promise<InvitationListTiming[]> {
  const timings: InvitationListTiming[] = [];
  for (const audience of audiences) {
    const { rows } = await sql<{ id: number }>`
      select c.id from courses c
        join programmes p on p.id = c.programme_id
        join authorities a on a.id = p.authority_id
       where a.slug = ${slug} and c.audience = ${audience}
       order by p.starts_on desc, c.position limit 1`.execute(db);
    const course = rows[0];
    if (!course) continue;
    const durations: number[] = [];
    let people = 0;
    for (let run = 0; run < runs; run += 1) {
      await db
        .transaction()
        .execute(async (trx) => {
          const { id } = await trx
            .insertInto('training_sessions')
            .values({
              course_id: course.id,
              starts_at: new Date(),
              status: 'confirmed',
              confirmed_at: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const started = performance.now();
          people = (await inviteAudience(trx, id)).length;
          durations.push(performance.now() - started);
          throw new RollBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
    }
    durations.sort((a, b) => a - b);
    const medianMs = Math.round((durations[Math.floor(durations.length / 2)] ?? 0) * 10) / 10;
    timings.push({ audience, people, medianMs, runs });
  }
  return timings;
}
