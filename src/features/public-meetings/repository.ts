import type { DbOrTrx } from '../../db/database.js';

/** Organisations whose meetings are published: committees, sub-committees and full Council. */
export const MEETING_BODIES = ['council', 'committee', 'sub-committee'] as const;

export interface PublicMeeting {
  id: number;
  organisationId: number;
  organisationName: string;
  authorityName: string;
  startsAt: Date;
  endsAt: Date | null;
  venue: string;
  status: 'scheduled' | 'held' | 'cancelled';
  minutesPublished: boolean;
}

/** Meetings with a published agenda: only those are public (a cancelled one says so). */
function publicMeetings(db: DbOrTrx) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select([
      'm.id',
      'm.organisation_id as organisationId',
      'o.name as organisationName',
      'a.name as authorityName',
      'm.starts_at as startsAt',
      'm.ends_at as endsAt',
      'm.venue',
      'm.status',
      'm.minutes_published_at',
    ])
    .where('m.agenda_published_at', 'is not', null)
    .where('o.classification', 'in', MEETING_BODIES);
}

type Row = Omit<PublicMeeting, 'minutesPublished'> & { minutes_published_at: Date | null };
const toMeeting = ({ minutes_published_at, ...row }: Row): PublicMeeting => ({
  ...row,
  minutesPublished: minutes_published_at !== null,
});

/** Public meetings starting from `since`, soonest first, across every council. */
export async function listPublicMeetings(db: DbOrTrx, since: Date): Promise<PublicMeeting[]> {
  const rows = await publicMeetings(db)
    .where('m.starts_at', '>=', since)
    .orderBy('a.name')
    .orderBy('o.name')
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
  return rows.map(toMeeting);
}

export async function findPublicMeeting(
  db: DbOrTrx,
  meetingId: number,
): Promise<PublicMeeting | null> {
  const row = await publicMeetings(db).where('m.id', '=', meetingId).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

/** A committee (or council) whose meetings can be published, or null. */
export async function findMeetingBody(
  db: DbOrTrx,
  organisationId: number,
): Promise<{ id: number; name: string; authorityName: string } | null> {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select(['o.id', 'o.name', 'a.name as authorityName'])
    .where('o.id', '=', organisationId)
    .where('o.classification', 'in', MEETING_BODIES)
    .executeTakeFirst();
  return row ?? null;
}

/** Every public meeting of one committee, oldest first: the calendar feed. */
export async function listCommitteeMeetings(
  db: DbOrTrx,
  organisationId: number,
): Promise<PublicMeeting[]> {
  const rows = await publicMeetings(db)
    .where('m.organisation_id', '=', organisationId)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
  return rows.map(toMeeting);
}

export interface AgendaItemRow {
  id: number;
  position: number;
  title: string;
  reportId: number | null;
  reportStatus: 'draft' | 'published' | 'withdrawn' | null;
  reportCategory: 'open' | 'exempt' | null;
  exemptParagraph: number | null;
}

export async function listAgendaItems(db: DbOrTrx, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agenda_items as i')
    .leftJoin('reports as r', 'r.id', 'i.report_id')
    .select([
      'i.id',
      'i.position',
      'i.title',
      'i.report_id as reportId',
      'r.status as reportStatus',
      'r.category as reportCategory',
      'r.exempt_paragraph as exemptParagraph',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
}

export interface AttendanceRow {
  name: string;
  status: 'present' | 'apologies' | 'absent';
  substituteFor: string | null;
}

export async function listAttendance(db: DbOrTrx, meetingId: number): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom('meeting_attendance as ma')
    .innerJoin('people as p', 'p.id', 'ma.person_id')
    .leftJoin('people as s', 's.id', 'ma.substitute_for')
    .select([
      'p.given_name',
      'p.family_name',
      'ma.status',
      's.given_name as subGiven',
      's.family_name as subFamily',
    ])
    .where('ma.meeting_id', '=', meetingId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('ma.id')
    .execute();
  return rows.map((r) => ({
    name: `${r.given_name} ${r.family_name}`,
    status: r.status,
    substituteFor: r.subGiven === null ? null : `${r.subGiven} ${r.subFamily ?? ''}`.trim(),
  }));
}

export interface DeclarationRow {
  name: string;
  agendaItemId: number | null;
  declaration: string;
}

export async function listDeclarations(db: DbOrTrx, meetingId: number): Promise<DeclarationRow[]> {
  const rows = await db
    .selectFrom('meeting_declarations as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .select(['p.given_name', 'p.family_name', 'd.agenda_item_id', 'd.declaration'])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.recorded_at')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    name: `${r.given_name} ${r.family_name}`,
    agendaItemId: r.agenda_item_id,
    declaration: r.declaration,
  }));
}

export interface RecommendationRow {
  reportId: number;
  recommendationId: number;
  position: number;
  text: string;
}

/** The recommendations of the reports on a meeting's agenda, in order. */
export async function listRecommendations(
  db: DbOrTrx,
  reportIds: readonly number[],
): Promise<RecommendationRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_recommendations')
    .select(['report_id as reportId', 'id as recommendationId', 'position', 'text'])
    .where('report_id', 'in', reportIds)
    .orderBy('report_id')
    .orderBy('position')
    .execute();
}

export interface ResolutionRow {
  agendaItemId: number;
  recommendationId: number;
  outcome: 'agreed' | 'agreed-as-amended' | 'not-agreed' | 'deferred';
  amendedText: string | null;
  minuteReference: string | null;
}

export async function listResolutions(db: DbOrTrx, meetingId: number): Promise<ResolutionRow[]> {
  return db
    .selectFrom('resolutions as r')
    .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .select([
      'r.agenda_item_id as agendaItemId',
      'r.recommendation_id as recommendationId',
      'r.outcome',
      'r.amended_text as amendedText',
      'r.minute_reference as minuteReference',
    ])
    .where('i.meeting_id', '=', meetingId)
    .execute();
}

/** Whether a report may be shown at its public address: published and open. */
export async function isPublicReport(db: DbOrTrx, reportId: number): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('id', '=', reportId)
    .where('status', '=', 'published')
    .where('category', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the report belongs to this council: administrators print only their own council's. */
export async function isCouncilReport(
  db: DbOrTrx,
  reportId: number,
  authorityId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('id', '=', reportId)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row !== undefined;
}
