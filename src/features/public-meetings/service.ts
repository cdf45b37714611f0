import type { DbOrTrx } from '../../db/database.js';
import {
  findPublicMeeting,
  listAgendaItems,
  listAttendance,
  listDeclarations,
  listPublicMeetings,
  listRecommendations,
  listResolutions,
  type AgendaItemRow,
  type AttendanceRow,
  type DeclarationRow,
  type PublicMeeting,
  type RecommendationRow,
  type ResolutionRow,
} from './repository.js';

/** How far back the list of meetings reaches: a year of recent meetings. */
const RECENT_DAYS = 365;

export interface MeetingsIndex {
  now: Date;
  meetings: PublicMeeting[];
}

/** Public meetings from a year ago onwards; the view splits them into upcoming and recent. */
export async function loadMeetingsIndex(db: DbOrTrx, now = new Date()): Promise<MeetingsIndex> {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  return { now, meetings: await listPublicMeetings(db, since) };
}

export interface Agenda {
  meeting: PublicMeeting;
  items: AgendaItemRow[];
}

/** A meeting's agenda, or null unless the agenda has been published. */
export async function loadAgenda(db: DbOrTrx, meetingId: number): Promise<Agenda | null> {
  const meeting = await findPublicMeeting(db, meetingId);
  if (!meeting) return null;
  return { meeting, items: await listAgendaItems(db, meetingId) };
}

export interface Minutes extends Agenda {
  attendance: AttendanceRow[];
  declarations: DeclarationRow[];
  recommendations: RecommendationRow[];
  resolutions: ResolutionRow[];
}

/** A meeting's minutes, or null unless they have been published. */
export async function loadMinutes(db: DbOrTrx, meetingId: number): Promise<Minutes | null> {
  const agenda = await loadAgenda(db, meetingId);
  if (!agenda || !agenda.meeting.minutesPublished) return null;
  const reportIds = agenda.items.flatMap((i) => (i.reportId === null ? [] : [i.reportId]));
  const [attendance, declarations, recommendations, resolutions] = await Promise.all([
    listAttendance(db, meetingId),
    listDeclarations(db, meetingId),
    listRecommendations(db, reportIds),
    listResolutions(db, meetingId),
  ]);
  return { ...agenda, attendance, declarations, recommendations, resolutions };
}
