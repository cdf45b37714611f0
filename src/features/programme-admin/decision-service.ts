import type { DbOrTrx, Trx } from '../../db/database.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { lockProgramme } from './repository.js';
import { markApproved } from './programme-service.js';

/** The committee's (or full Council's) recorded decision, as the meetings feature knows it. */
export interface ProgrammeDecision {
  resolutionId: number;
  /** the meeting's date in England */
  meetingDate: string;
  organisationAuthorityId: number;
  organisationName: string;
  minuteReference: string;
}

/**
 * A committee agreed a report's recommendation to approve a programme: the draft programme is
 * approved on the day of the meeting, keeping the resolution. Runs inside the transaction that
 * records the resolution, so a refusal here leaves nothing recorded at all.
 */
export async function approveProgrammeByResolution(
  trx: Trx,
  programmeId: number,
  decision: ProgrammeDecision,
  actor: Actor,
  field: string,
  today: string,
): Promise<Outcome<string>> {
  const programme = await lockProgramme(trx, programmeId);
  if (!programme)
    return refuse(field, 'The programme linked to this recommendation no longer exists');
  if (programme.authority_id !== decision.organisationAuthorityId)
    return refuse(
      field,
      'The programme linked to this recommendation belongs to another council, so this meeting cannot approve it',
    );
  if (programme.status !== 'draft')
    return refuse(
      field,
      `“${programme.title}” is already ${programme.status}, so this resolution cannot approve it again`,
    );
  if (decision.meetingDate > today)
    return refuse(field, 'A decision can be recorded only on or after the day of the meeting');
  await markApproved(
    trx,
    actor,
    programme,
    { approved_on: decision.meetingDate, approved_resolution_id: decision.resolutionId },
    { approved_by: decision.organisationName, minute_reference: decision.minuteReference },
  );
  return done(`“${programme.title}” approved`);
}

/** How a programme's approval reads: the committee, meeting and minute, or the MO's reference. */
export interface ApprovalRecord {
  committee: string;
  meetingId: number;
  minuteReference: string | null;
  reportId: number;
  reportTitle: string;
}

/** The committee decision that approved the programme, when one did. */
export async function findApprovalDecision(
  db: DbOrTrx,
  resolutionId: number,
): Promise<ApprovalRecord | null> {
  const row = await db
    .selectFrom('resolutions as r')
    .innerJoin('agenda_items as ai', 'ai.id', 'r.agenda_item_id')
    .innerJoin('meetings as m', 'm.id', 'ai.meeting_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('report_recommendations as rr', 'rr.id', 'r.recommendation_id')
    .innerJoin('reports as rep', 'rep.id', 'rr.report_id')
    .select([
      'o.name as committee',
      'm.id as meetingId',
      'r.minute_reference as minuteReference',
      'rep.id as reportId',
      'rep.title as reportTitle',
    ])
    .where('r.id', '=', resolutionId)
    .executeTakeFirst();
  return row ?? null;
}

/** Reports with a recommendation asking a committee to approve this programme. */
export async function reportsProposing(
  db: DbOrTrx,
  programmeId: number,
): Promise<{ id: number; title: string; status: string; committee: string | null }[]> {
  return db
    .selectFrom('reports as rep')
    .leftJoin('organisations as o', 'o.id', 'rep.committee_id')
    .select(['rep.id', 'rep.title', 'rep.status', 'o.name as committee'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('report_recommendations as rr')
          .select('rr.id')
          .whereRef('rr.report_id', '=', 'rep.id')
          .where('rr.programme_id', '=', programmeId),
      ),
    )
    .orderBy('rep.id')
    .execute();
}
