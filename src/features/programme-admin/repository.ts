import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';

/** SQL of the administrators' programme pages: reading programmes, courses and sessions. */

export async function listProgrammes(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('programmes as p')
    .select([
      'p.id',
      'p.title',
      'p.starts_on',
      'p.ends_on',
      'p.status',
      (eb) =>
        eb
          .selectFrom('courses as c')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('c.programme_id', '=', 'p.id')
          .as('courses'),
    ])
    .where('p.authority_id', '=', authorityId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

export async function findProgramme(db: DbOrTrx, id: number) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;

export async function lockProgramme(db: DbOrTrx, id: number) {
  return db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

const courseColumns = [
  'c.id',
  'c.programme_id',
  'c.position',
  'c.title',
  'c.purposes',
  'c.format',
  'c.duration_minutes',
  'c.provider',
  'c.audience',
  'c.audience_organisation_id',
  'c.topic',
  'c.mandatory',
  'c.code_paragraphs',
] as const;

export async function listCourses(db: DbOrTrx, programmeId: number) {
  return db
    .selectFrom('courses as c')
    .leftJoin('organisations as o', 'o.id', 'c.audience_organisation_id')
    .select([...courseColumns, 'o.name as committee_name'])
    .where('c.programme_id', '=', programmeId)
    .orderBy('c.position')
    .execute();
}

export async function findCourse(db: DbOrTrx, id: number) {
  return db
    .selectFrom('courses as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('organisations as o', 'o.id', 'c.audience_organisation_id')
    .select([
      ...courseColumns,
      'o.name as committee_name',
      'p.authority_id',
      'p.title as programme_title',
      'p.status as programme_status',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

const sessionColumns = [
  's.id',
  's.course_id',
  's.group_id',
  's.starts_at',
  's.ends_at',
  's.venue',
  's.online_url',
  's.capacity',
  's.minimum_numbers',
  's.status',
  's.complements_session_id',
  's.confirmed_at',
  's.override_reason',
  's.sequence',
] as const;

/** The sessions of some courses, with their group's name, in date order (undated last). */
export async function listSessionsOfCourses(db: DbOrTrx, courseIds: number[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('training_sessions as s')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([...sessionColumns, 'g.name as group_name'])
    .where('s.course_id', 'in', courseIds)
    .orderBy(sql`s.starts_at nulls last`)
    .orderBy('g.name')
    .orderBy('s.id')
    .execute();
}
export type SessionListRow = Awaited<ReturnType<typeof listSessionsOfCourses>>[number];

export async function findSession(db: DbOrTrx, id: number) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      ...sessionColumns,
      'g.name as group_name',
      'c.title as course_title',
      'c.audience',
      'c.duration_minutes',
      'c.programme_id',
      'p.title as programme_title',
      'p.status as programme_status',
      'p.authority_id',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function lockSession(db: DbOrTrx, id: number) {
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Organisations of the council still in being today, of some classifications. */
export async function listOrganisations(
  db: DbOrTrx,
  authorityId: number,
  classifications: ('political-group' | 'committee' | 'sub-committee')[],
) {
  const today = todayInEngland();
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'classification'])
    .where('authority_id', '=', authorityId)
    .where('classification', 'in', classifications)
    .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>=', today)]))
    .orderBy('name')
    .execute();
}

/**
 * People who may facilitate a session: the council's facilitators and officers, and its
 * councillors holding a seat today (a member peer).
 */
export async function listPossibleFacilitators(
  db: DbOrTrx,
  authorityId: number,
  options: { find?: string; limit?: number } = {},
) {
  const today = todayInEngland();
  // `find`: part of a name, matched on the expression of migration 0004's trigram index.
  const pattern = options.find ? `%${options.find.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'kind', 'organisation_name'])
    .where('authority_id', '=', authorityId)
    .where((eb) =>
      eb.or([
        eb('kind', 'in', ['facilitator', 'officer']),
        eb.and([
          eb('kind', '=', 'member'),
          eb.exists(
            eb
              .selectFrom('memberships as seat')
              .innerJoin('organisations as c', 'c.id', 'seat.organisation_id')
              .select(sql`1`.as('one'))
              .whereRef('seat.person_id', '=', 'people.id')
              .where('c.classification', '=', 'council')
              .where(currentOn('seat', today)),
          ),
        ]),
      ]),
    )
    .$if(pattern !== null, (q) => q.where(sql`given_name || ' ' || family_name`, 'ilike', pattern!))
    .orderBy('family_name')
    .orderBy('given_name')
    .$if(options.limit !== undefined, (q) => q.limit(options.limit!))
    .execute();
}

export async function listFacilitators(db: DbOrTrx, sessionId: number) {
  return db
    .selectFrom('session_facilitators as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.kind', 'f.role'])
    .where('f.session_id', '=', sessionId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

/**
 * Members' sessions an officers' session may complement: sessions of the council's courses
 * for anyone but officers, not cancelled.
 */
export async function listComplementableSessions(db: DbOrTrx, authorityId: number) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('organisations as g', 'g.id', 's.group_id')
    .select([
      's.id',
      's.starts_at',
      's.status',
      'c.title as course_title',
      'g.name as group_name',
      'p.title as programme_title',
    ])
    .where('p.authority_id', '=', authorityId)
    .where('c.audience', '<>', 'officers')
    .where('s.status', '<>', 'cancelled')
    .orderBy(sql`s.starts_at nulls last`)
    .orderBy('s.id')
    .execute();
}
export type ComplementableSession = Awaited<ReturnType<typeof listComplementableSessions>>[number];

/** Officers' sessions that complement a members' session. */
export async function listComplementingSessions(db: DbOrTrx, sessionId: number) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.status', 'c.title as course_title'])
    .where('s.complements_session_id', '=', sessionId)
    .orderBy(sql`s.starts_at nulls last`)
    .orderBy('s.id')
    .execute();
}
