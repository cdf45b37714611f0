import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';
import type { ResolutionOutcome } from '../../db/schema.js';

export interface MemberOnDate {
  personId: number;
  name: string;
  role: string;
}

/** The body's members on a date (chair, vice-chair, members and named substitutes). */
export async function listMembersOn(
  db: DbOrTrx,
  organisationId: number,
  on: string,
): Promise<MemberOnDate[]> {
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('people as p', 'p.id', 'ms.person_id')
    .select([
      'p.id as personId',
      sql<string>`p.given_name || ' ' || p.family_name`.as('name'),
      'ms.role',
    ])
    .where('ms.organisation_id', '=', organisationId)
    .where(currentOn('ms', on))
    .orderBy(
      sql`case ms.role when 'chair' then 0 when 'vice-chair' then 1 when 'substitute' then 3 else 2 end`,
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.personId) ? false : (seen.add(r.personId), true)));
}

export interface AttendanceRow {
  personId: number;
  name: string;
  status: 'present' | 'apologies' | 'absent';
  substituteFor: number | null;
  substituteForName: string | null;
}

export async function listAttendance(db: DbOrTrx, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('people as s', 's.id', 'a.substitute_for')
    .select([
      'a.person_id as personId',
      sql<string>`p.given_name || ' ' || p.family_name`.as('name'),
      'a.status',
      'a.substitute_for as substituteFor',
      sql<string | null>`s.given_name || ' ' || s.family_name`.as('substituteForName'),
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy(sql`case a.status when 'present' then 0 when 'apologies' then 1 else 2 end`)
    .orderBy('p.family_name')
    .execute();
}

export interface DeclarationRow {
  id: number;
  personName: string;
  agendaItemId: number | null;
  agendaTitle: string | null;
  agendaPosition: number | null;
  declaration: string;
}

export async function listDeclarations(db: DbOrTrx, meetingId: number): Promise<DeclarationRow[]> {
  return db
    .selectFrom('meeting_declarations as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('agenda_items as i', 'i.id', 'd.agenda_item_id')
    .select([
      'd.id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('personName'),
      'd.agenda_item_id as agendaItemId',
      'i.title as agendaTitle',
      'i.position as agendaPosition',
      'd.declaration',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy(sql`i.position nulls first`)
    .orderBy('d.id')
    .execute();
}

export interface RecommendationRow {
  id: number;
  reportId: number;
  position: number;
  text: string;
  codeVersionId: number | null;
  codeVersionNumber: number | null;
  /** a development programme the recommendation asks the committee to approve */
  programmeId: number | null;
  programmeTitle: string | null;
}

export async function listRecommendations(
  db: DbOrTrx,
  reportIds: number[],
): Promise<RecommendationRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_recommendations as r')
    .leftJoin('code_versions as v', 'v.id', 'r.code_version_id')
    .leftJoin('programmes as p', 'p.id', 'r.programme_id')
    .select([
      'r.id',
      'r.report_id as reportId',
      'r.position',
      'r.text',
      'r.code_version_id as codeVersionId',
      'v.number as codeVersionNumber',
      'r.programme_id as programmeId',
      'p.title as programmeTitle',
    ])
    .where('r.report_id', 'in', reportIds)
    .orderBy('r.report_id')
    .orderBy('r.position')
    .execute();
}

export interface ResolutionRow {
  id: number;
  agendaItemId: number;
  recommendationId: number;
  outcome: ResolutionOutcome;
  amendedText: string | null;
  minuteReference: string | null;
  /** the code version this resolution agreed or adopted, if it moved one */
  movedVersionNumber: number | null;
  /** the development programme this resolution approved, if it approved one */
  approvedProgrammeTitle: string | null;
}

/** What a resolution set in motion, which changing the minutes cannot undo; null if nothing. */
export function lockedBy(
  resolution: Pick<ResolutionRow, 'movedVersionNumber' | 'approvedProgrammeTitle'> | undefined,
): string | null {
  if (resolution?.movedVersionNumber != null)
    return `moved version ${resolution.movedVersionNumber} of the code of conduct on`;
  if (resolution?.approvedProgrammeTitle != null)
    return `approved the development programme “${resolution.approvedProgrammeTitle}”`;
  return null;
}

export async function listResolutions(db: DbOrTrx, meetingId: number): Promise<ResolutionRow[]> {
  return db
    .selectFrom('resolutions as r')
    .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .select([
      'r.id',
      'r.agenda_item_id as agendaItemId',
      'r.recommendation_id as recommendationId',
      'r.outcome',
      'r.amended_text as amendedText',
      'r.minute_reference as minuteReference',
      (eb) =>
        eb
          .selectFrom('code_versions as v')
          .select('v.number')
          .where((w) =>
            w.or([
              w('v.agreed_resolution_id', '=', w.ref('r.id')),
              w('v.adopted_resolution_id', '=', w.ref('r.id')),
            ]),
          )
          .limit(1)
          .as('movedVersionNumber'),
      (eb) =>
        eb
          .selectFrom('programmes as p')
          .select('p.title')
          .where('p.approved_resolution_id', '=', eb.ref('r.id'))
          .limit(1)
          .as('approvedProgrammeTitle'),
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .execute();
}
