import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';

/** The bodies that meet: the council itself (full Council) and its current committees. */
export interface MeetingBody {
  id: number;
  name: string;
  classification: 'council' | 'committee' | 'sub-committee';
  authorityId: number;
  authorityName: string;
}

export async function listMeetingBodies(db: DbOrTrx, authorityId: number): Promise<MeetingBody[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select([
      'o.id',
      'o.name',
      'o.classification',
      'a.id as authorityId',
      'a.name as authorityName',
    ])
    .where('o.classification', 'in', ['council', 'committee', 'sub-committee'])
    .where('o.dissolved_on', 'is', null)
    .where('o.authority_id', '=', authorityId)
    .orderBy(sql`o.classification = 'council'`, 'desc')
    .orderBy('o.name')
    .execute();
  return rows as MeetingBody[];
}

export interface MeetingRow {
  id: number;
  organisationId: number;
  organisationName: string;
  classification: string;
  authorityId: number;
  authorityName: string;
  startsAt: Date;
  endsAt: Date | null;
  venue: string;
  status: 'scheduled' | 'held' | 'cancelled';
  agendaPublishedAt: Date | null;
  minutesPublishedAt: Date | null;
}

const meetingQuery = (db: DbOrTrx) =>
  db
    .selectFrom('meetings as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('authorities as a', 'a.id', 'o.authority_id')
    .select([
      'm.id',
      'm.organisation_id as organisationId',
      'o.name as organisationName',
      'o.classification',
      'a.id as authorityId',
      'a.name as authorityName',
      'm.starts_at as startsAt',
      'm.ends_at as endsAt',
      'm.venue',
      'm.status',
      'm.agenda_published_at as agendaPublishedAt',
      'm.minutes_published_at as minutesPublishedAt',
    ]);

export async function findMeeting(db: DbOrTrx, id: number): Promise<MeetingRow | null> {
  return (await meetingQuery(db).where('m.id', '=', id).executeTakeFirst()) ?? null;
}

/** Lock a meeting row for the rest of the transaction, so two changes to it take turns. */
export async function lockMeeting(db: DbOrTrx, id: number): Promise<MeetingRow | null> {
  const locked = await db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findMeeting(db, id) : null;
}

export async function listMeetings(
  db: DbOrTrx,
  filter: {
    authorityId: number;
    organisationId?: number | undefined;
    when: 'upcoming' | 'past';
    now: Date;
  },
): Promise<MeetingRow[]> {
  let query = meetingQuery(db).where('a.id', '=', filter.authorityId);
  if (filter.organisationId) query = query.where('m.organisation_id', '=', filter.organisationId);
  query =
    filter.when === 'upcoming'
      ? query.where('m.starts_at', '>=', filter.now).orderBy('m.starts_at', 'asc')
      : query.where('m.starts_at', '<', filter.now).orderBy('m.starts_at', 'desc');
  return query.orderBy('m.id').limit(200).execute();
}

export interface AgendaItemRow {
  id: number;
  position: number;
  title: string;
  reportId: number | null;
  reportTitle: string | null;
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
      'r.title as reportTitle',
      'r.status as reportStatus',
      'r.category as reportCategory',
      'r.exempt_paragraph as exemptParagraph',
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .execute();
}

export interface ReportChoice {
  id: number;
  title: string;
  status: 'draft' | 'published' | 'withdrawn';
  forThisBody: boolean;
}

/** Reports that may go on a meeting's agenda: its council's draft and published reports. */
export async function listAttachableReports(
  db: DbOrTrx,
  authorityId: number,
  organisationId: number,
): Promise<ReportChoice[]> {
  return db
    .selectFrom('reports')
    .select([
      'id',
      'title',
      'status',
      sql<boolean>`coalesce(committee_id = ${organisationId}, false)`.as('forThisBody'),
    ])
    .where('authority_id', '=', authorityId)
    .where('status', 'in', ['draft', 'published'])
    .orderBy(sql`coalesce(committee_id = ${organisationId}, false)`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function findReportForAgenda(db: DbOrTrx, reportId: number) {
  return (
    (await db
      .selectFrom('reports')
      .select(['id', 'authority_id', 'title', 'status', 'category'])
      .where('id', '=', reportId)
      .executeTakeFirst()) ?? null
  );
}

/** Rewrite an agenda's positions 0, 1, 2... in the order given (constraint is deferred). */
export async function renumberAgenda(db: DbOrTrx, meetingId: number, itemIds: number[]) {
  for (const [position, id] of itemIds.entries()) {
    await db
      .updateTable('agenda_items')
      .set({ position })
      .where('id', '=', id)
      .where('meeting_id', '=', meetingId)
      .execute();
  }
}
