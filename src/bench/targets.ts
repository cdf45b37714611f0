import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { LARGE_SLUG } from '../seed/large.js';
import { LARGE_REPORT_TITLE } from '../seed/large-reports.js';
import { largeOfficer } from '../seed/large-extras.js';
import { findLearningTargets, type LearningTargets } from './pages-learning.js';
import { findPeopleTargets, type PeopleTargets } from './pages-people.js';
import { findReportsTargets, type ReportsTargets } from './pages-reports.js';
import { findTrainingTargets, type TrainingTargets } from './pages-training.js';
import { one } from './dataset-row.js';

/** Real values from the dataset for the pages that take a query or an id. */
export interface PageTargets {
  /** a family name held by a councillor of the large council */
  surname: string;
  /** a councillor of the large council */
  personId: number;
  /** an entity of middling frequency in the audit trail */
  entity: string;
  /** an audit event id half way through the trail */
  middleAuditId: number;
  /** a ward and a committee of the large council, for the public directory */
  wardId: number;
  committeeId: number;
  /** the large council's 60-paragraph draft committee report */
  reportId: number;
  /** the large council's next meeting of the Audit and Standards Committee (with the draft) */
  meetingId: number;
  /** the running programme, its code of conduct course and that course's latest session */
  programmeId: number;
  courseId: number;
  sessionId: number;
  /** the workshop plan that course carries */
  planId: number;
  /** a published scenario in a self-study set, answered by councillors */
  scenarioId: number;
  /** the course with the most evaluations sent (a parish course, taught in 40 areas) */
  evaluatedCourseId: number;
  /** the Deputy Monitoring Officer's sign-in: an officer with clearances to give */
  officerEmail: string;
  /** the rest of the pages, by area */
  people: PeopleTargets;
  reports: ReportsTargets;
  training: TrainingTargets;
  learning: LearningTargets;
}

/** Reads the ids and values the pages need; throws when the dataset lacks one. */
export async function findTargets(db: Db): Promise<PageTargets> {
  const person = await one(
    db,
    'councillors',
    sql<{ id: number; family_name: string }>`
      with councillors as (
        select p.id, p.family_name
        from people p join authorities a on a.id = p.authority_id
        where a.slug = ${LARGE_SLUG} and p.kind = 'member')
      select id, family_name from councillors order by id
      offset (select count(*) / 2 from councillors) limit 1`,
  );
  const { rows: entities } = await sql<{ entity: string }>`
    select entity from audit_events group by entity order by count(*), entity
  `.execute(db);
  const entity = entities[Math.floor(entities.length / 2)];
  if (!entity) throw new Error('The large dataset has no audit trail: generate it afresh.');
  const ids = await one(
    db,
    'audit trail',
    sql<{ middle: string }>`
      select ((min(id) + max(id)) / 2)::bigint as middle from audit_events having count(*) > 0`,
  );
  const places = await one(
    db,
    'wards or committees',
    sql<{ ward: number; committee: number }>`
      select (select min(ar.id) from areas ar join authorities a on a.id = ar.authority_id
               where a.slug = ${LARGE_SLUG}) as ward,
             (select min(o.id) from organisations o join authorities a on a.id = o.authority_id
               where a.slug = ${LARGE_SLUG} and o.classification = 'committee') as committee`,
  );
  const report = await one(
    db,
    'committee report',
    sql<{ id: number }>`
      select r.id from reports r join authorities a on a.id = r.authority_id
      where a.slug = ${LARGE_SLUG} and r.title = ${LARGE_REPORT_TITLE} order by r.id limit 1`,
  );
  const meeting = await one(
    db,
    'meeting with the draft report on its agenda',
    sql<{ id: number }>`
      select m.id from meetings m join agenda_items i on i.meeting_id = m.id
      where i.report_id = ${report.id} order by m.starts_at limit 1`,
  );
  const training = await one(
    db,
    'running programme with a code of conduct course and a workshop plan',
    sql<{ programme: number; course: number; session: number; plan: number }>`
      select p.id as programme, c.id as course, c.workshop_plan_id as plan,
             (select s.id from training_sessions s where s.course_id = c.id
               order by s.starts_at desc, s.id desc limit 1) as session
        from programmes p join authorities a on a.id = p.authority_id
        join courses c on c.programme_id = p.id and c.topic = 'code-of-conduct'
       where a.slug = ${LARGE_SLUG} and p.status = 'running' and c.workshop_plan_id is not null
       order by c.position limit 1`,
  );
  const scenario = await one(
    db,
    'scenario in a self-study set',
    sql<{ id: number }>`
      select i.scenario_id as id from scenario_set_items i
        join scenario_sets s on s.id = i.set_id join authorities a on a.id = s.authority_id
       where a.slug = ${LARGE_SLUG} order by s.id, i.position limit 1`,
  );
  const evaluated = await one(
    db,
    'evaluations',
    sql<{ id: number }>`
      select s.course_id as id from evaluation_responses r
        join training_sessions s on s.id = r.session_id
       group by s.course_id order by count(*) desc, s.course_id limit 1`,
  );
  const authority = await one(
    db,
    'large council',
    sql<{ id: number }>`select id from authorities where slug = ${LARGE_SLUG}`,
  );
  return {
    officerEmail: (await largeOfficer(db, authority.id)).email,
    people: await findPeopleTargets(db),
    reports: await findReportsTargets(db),
    training: await findTrainingTargets(db),
    learning: await findLearningTargets(db),
    surname: person.family_name,
    personId: person.id,
    entity: entity.entity,
    middleAuditId: Number(ids.middle),
    wardId: places.ward,
    committeeId: places.committee,
    reportId: report.id,
    meetingId: meeting.id,
    programmeId: training.programme,
    courseId: training.course,
    sessionId: training.session,
    planId: training.plan,
    scenarioId: scenario.id,
    evaluatedCourseId: evaluated.id,
  };
}
