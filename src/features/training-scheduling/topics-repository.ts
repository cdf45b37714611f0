import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';

export interface TopicProposalRow {
  id: number;
  programmeId: number;
  programmeTitle: string;
  groupId: number;
  groupName: string;
  proposedBy: string;
  topic: string;
  reason: string;
  status: 'open' | 'accepted' | 'merged' | 'declined';
  reply: string;
  courseId: number | null;
  courseTitle: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface ProgrammeRow {
  id: number;
  authorityId: number;
  title: string;
  status: string;
  startsOn: string;
  endsOn: string;
}

const personName = (alias: string) =>
  sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

const programmeColumns = [
  'id',
  'authority_id as authorityId',
  'title',
  'status',
  'starts_on as startsOn',
  'ends_on as endsOn',
] as const;

export async function findProgramme(db: DbOrTrx, id: number): Promise<ProgrammeRow | null> {
  return (
    (await db
      .selectFrom('programmes')
      .select(programmeColumns)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/**
 * The programme in force for a council: approved or running, covering today (or, failing
 * that, the latest approved or running one).
 */
export async function findProgrammeInForce(
  db: DbOrTrx,
  authorityId: number,
  today = todayInEngland(),
): Promise<ProgrammeRow | null> {
  return (
    (await db
      .selectFrom('programmes')
      .select(programmeColumns)
      .where('authority_id', '=', authorityId)
      .where('status', 'in', ['approved', 'running'])
      .orderBy(sql`(starts_on <= ${today}::date and ends_on >= ${today}::date)`, 'desc')
      .orderBy('starts_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()) ?? null
  );
}

/** The political groups a person belongs to today (as member, whip, leader...). */
export async function listGroupsOf(db: DbOrTrx, personId: number, today = todayInEngland()) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('m.person_id', '=', personId)
    .where('o.classification', '=', 'political-group')
    .where(currentOn('m', today))
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

function proposals(db: DbOrTrx) {
  return db
    .selectFrom('topic_proposals as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .innerJoin('organisations as g', 'g.id', 't.group_id')
    .innerJoin('people as pb', 'pb.id', 't.proposed_by')
    .leftJoin('people as db', 'db.id', 't.decided_by')
    .leftJoin('courses as c', 'c.id', 't.course_id')
    .select([
      't.id',
      'p.id as programmeId',
      'p.title as programmeTitle',
      'g.id as groupId',
      'g.name as groupName',
      personName('pb').as('proposedBy'),
      't.topic',
      't.reason',
      't.status',
      't.reply',
      't.course_id as courseId',
      'c.title as courseTitle',
      sql<string | null>`case when db.id is null then null else ${personName('db')} end`.as(
        'decidedBy',
      ),
      't.decided_at as decidedAt',
      't.created_at as createdAt',
    ]);
}

/** The proposals of some groups, newest first. */
export async function listProposalsOfGroups(
  db: DbOrTrx,
  groupIds: readonly number[],
): Promise<TopicProposalRow[]> {
  if (groupIds.length === 0) return [];
  return proposals(db)
    .where('t.group_id', 'in', groupIds)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

/** A programme's proposals: open ones first, then oldest first. */
export async function listProposalsOfProgramme(
  db: DbOrTrx,
  programmeId: number,
): Promise<TopicProposalRow[]> {
  return proposals(db)
    .where('t.programme_id', '=', programmeId)
    .orderBy(sql`t.status = 'open'`, 'desc')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

export async function findTopicProposal(db: DbOrTrx, id: number): Promise<TopicProposalRow | null> {
  return (await proposals(db).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function listCourses(db: DbOrTrx, programmeId: number) {
  return db
    .selectFrom('courses')
    .select(['id', 'title'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
}
