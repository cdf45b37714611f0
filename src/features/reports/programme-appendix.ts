import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { programmeAppendixView, type ProgrammeAppendixView } from './programme-appendix-view.js';
import type {
  CourseAudience,
  CourseFormat,
  ProgrammeStatus,
  SessionStatus,
} from '../../db/schema.js';

/**
 * A Member Development Programme appended to a committee report (kind 'programme', migration
 * 0014): what the report page, the public report page and the Word export show of it. Read
 * whole, at the time the page is made, so the appendix says what the programme says now.
 */
export interface ProgrammeAppendixData {
  programme: {
    id: number;
    authority_id: number;
    title: string;
    starts_on: string;
    ends_on: string;
    status: ProgrammeStatus;
    approved_on: string | null;
    approval_reference: string | null;
    committee: string | null;
    minute_reference: string | null;
  };
  courses: {
    id: number;
    title: string;
    purposes: string;
    format: CourseFormat;
    duration_minutes: number;
    audience: CourseAudience;
    committee_name: string | null;
    mandatory: boolean;
  }[];
  sessions: {
    course_id: number;
    group_name: string | null;
    starts_at: Date | null;
    ends_at: Date | null;
    status: SessionStatus;
  }[];
}

/** The programmes, with their courses and sessions (cancelled ones left out), by id. */
export async function loadProgrammeAppendices(
  db: DbOrTrx,
  programmeIds: readonly number[],
): Promise<Map<number, ProgrammeAppendixData>> {
  const ids = [...new Set(programmeIds)];
  const found = new Map<number, ProgrammeAppendixData>();
  if (ids.length === 0) return found;
  const programmes = await db
    .selectFrom('programmes as p')
    .leftJoin('resolutions as r', 'r.id', 'p.approved_resolution_id')
    .leftJoin('agenda_items as ai', 'ai.id', 'r.agenda_item_id')
    .leftJoin('meetings as m', 'm.id', 'ai.meeting_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'p.id',
      'p.authority_id',
      'p.title',
      'p.starts_on',
      'p.ends_on',
      'p.status',
      'p.approved_on',
      'p.approval_reference',
      'o.name as committee',
      'r.minute_reference',
    ])
    .where('p.id', 'in', ids)
    .execute();
  const courses = await db
    .selectFrom('courses as c')
    .leftJoin('organisations as o', 'o.id', 'c.audience_organisation_id')
    .select([
      'c.id',
      'c.programme_id',
      'c.title',
      'c.purposes',
      'c.format',
      'c.duration_minutes',
      'c.audience',
      'o.name as committee_name',
      'c.mandatory',
    ])
    .where('c.programme_id', 'in', ids)
    .orderBy('c.programme_id')
    .orderBy('c.position')
    .execute();
  const sessions =
    courses.length === 0
      ? []
      : await db
          .selectFrom('training_sessions as s')
          .leftJoin('organisations as g', 'g.id', 's.group_id')
          .select(['s.course_id', 'g.name as group_name', 's.starts_at', 's.ends_at', 's.status'])
          .where(
            's.course_id',
            'in',
            courses.map((c) => c.id),
          )
          .where('s.status', '<>', 'cancelled')
          .orderBy(sql`s.starts_at nulls last`)
          .orderBy('g.name')
          .orderBy('s.id')
          .execute();
  for (const programme of programmes) {
    const own = courses.filter((c) => c.programme_id === programme.id);
    const courseIds = new Set(own.map((c) => c.id));
    found.set(programme.id, {
      programme,
      courses: own.map((c) => ({
        id: c.id,
        title: c.title,
        purposes: c.purposes,
        format: c.format,
        duration_minutes: c.duration_minutes,
        audience: c.audience,
        committee_name: c.committee_name,
        mandatory: c.mandatory,
      })),
      sessions: sessions.filter((s) => courseIds.has(s.course_id)),
    });
  }
  return found;
}

/** The view of each programme appendix among a report's appendices, by appendix id. */
export async function programmeAppendixViews(
  db: DbOrTrx,
  appendices: readonly { id: number; kind: string; programme_id: number | null }[],
): Promise<Map<number, ProgrammeAppendixView>> {
  const wanted = appendices.filter((a) => a.kind === 'programme' && a.programme_id !== null);
  const data = await loadProgrammeAppendices(
    db,
    wanted.map((a) => a.programme_id!),
  );
  const views = new Map<number, ProgrammeAppendixView>();
  for (const a of wanted) {
    const found = data.get(a.programme_id!);
    if (found) views.set(a.id, programmeAppendixView(found));
  }
  return views;
}
