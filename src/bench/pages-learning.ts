import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { LARGE_ACCOUNTS, LARGE_SLUG } from '../seed/large.js';
import type { PageSpec } from './measure.js';
import type { BenchSessions } from './pages.js';
import { one } from './dataset-row.js';

/** Real ids and values from the large dataset for the learning pages measured by the bench. */
export interface LearningTargets {
  /** the running programme, its code of conduct course and the workshop plan that course carries */
  programmeId: number;
  courseId: number;
  planId: number;
  /** the plan's first agenda item, example and source */
  agendaItemId: number;
  exampleId: number;
  sourceId: number;
  /** the course's first evaluation question */
  questionId: number;
  /** the course with the most evaluations sent, for its CSV */
  evaluatedCourseId: number;
  /** the latest session held with evaluations sent */
  evaluatedSessionId: number;
  /** the first scenario of the first self-study set, answered by councillors */
  scenarioId: number;
  setId: number;
  /** a published set the signed-in councillor has answered in, and scenarios of it */
  studySetId: number;
  /** one they have answered (for its feedback) and one to answer (or their first again) */
  answeredScenarioId: number;
  openScenarioId: number;
  /** a session the councillor attended whose evaluation they started and have not sent */
  evaluationSessionId: number;
}

/** Reads them; throws (naming what is missing) when the dataset lacks one. */
export async function findLearningTargets(db: Db): Promise<LearningTargets> {
  const council = await one(
    db,
    'large council with its signed-in councillor',
    sql<{ authority: number; councillor: number }>`
      select a.id as authority, p.id as councillor
        from authorities a join people p on p.authority_id = a.id
       where a.slug = ${LARGE_SLUG} and p.email = ${LARGE_ACCOUNTS.councillor}`,
  );
  const authority = council.authority;
  const course = await one(
    db,
    'running programme with a code of conduct course following a workshop plan',
    sql<{ programme: number; course: number; plan: number }>`
      select p.id as programme, c.id as course, c.workshop_plan_id as plan
        from programmes p join courses c on c.programme_id = p.id and c.topic = 'code-of-conduct'
       where p.authority_id = ${authority} and p.status = 'running'
         and c.workshop_plan_id is not null
       order by c.position limit 1`,
  );
  const parts = await one(
    db,
    'workshop plan with an agenda, examples and sources',
    sql<{ item: number; example: number; source: number }>`
      select (select id from workshop_agenda_items where plan_id = ${course.plan}
               order by position limit 1) as item,
             (select id from workshop_examples where plan_id = ${course.plan}
               order by position limit 1) as example,
             (select id from workshop_sources where plan_id = ${course.plan}
               order by position limit 1) as source`,
  );
  if (parts.item === null || parts.example === null || parts.source === null) {
    throw new Error(
      'The large dataset\u2019s workshop plan lacks an agenda item, example or source: generate it afresh.',
    );
  }
  const question = await one(
    db,
    'evaluation question on the code of conduct course',
    sql<{ id: number }>`
      select id from evaluation_questions where course_id = ${course.course}
       order by position limit 1`,
  );
  const evaluatedCourse = await one(
    db,
    'course with evaluations sent',
    sql<{ id: number }>`
      select s.course_id as id from evaluation_responses r
        join training_sessions s on s.id = r.session_id
        join courses c on c.id = s.course_id join programmes p on p.id = c.programme_id
       where p.authority_id = ${authority} and r.submitted_at is not null
       group by s.course_id order by count(*) desc, s.course_id limit 1`,
  );
  const evaluatedSession = await one(
    db,
    'session with evaluations sent',
    sql<{ id: number }>`
      select s.id from training_sessions s
        join courses c on c.id = s.course_id join programmes p on p.id = c.programme_id
       where p.authority_id = ${authority}
         and exists (select 1 from evaluation_responses r
                      where r.session_id = s.id and r.submitted_at is not null)
       order by s.ends_at desc, s.id desc limit 1`,
  );
  const scenario = await one(
    db,
    'scenario in a self-study set',
    sql<{ scenario: number; set: number }>`
      select i.scenario_id as scenario, s.id as set from scenario_set_items i
        join scenario_sets s on s.id = i.set_id
       where s.authority_id = ${authority} order by s.id, i.position limit 1`,
  );
  const study = await one(
    db,
    'self-study answer by the signed-in councillor (see large-extras-learning.ts)',
    sql<{ set: number; answered: number; open: number }>`
      select a.set_id as set, a.scenario_id as answered,
             coalesce((select i.scenario_id from scenario_set_items i
                         join scenarios sc on sc.id = i.scenario_id and sc.status = 'published'
                        where i.set_id = a.set_id
                          and not exists (select 1 from self_study_answers b
                                           where b.set_id = i.set_id and b.scenario_id = i.scenario_id
                                             and b.person_id = a.person_id)
                        order by i.position limit 1), a.scenario_id) as open
        from self_study_answers a
        join scenario_sets s on s.id = a.set_id and s.published
        join scenario_set_items i on i.set_id = a.set_id and i.scenario_id = a.scenario_id
        join scenarios sc on sc.id = a.scenario_id and sc.status = 'published'
       where a.person_id = ${council.councillor}
       order by a.set_id, i.position limit 1`,
  );
  const evaluation = await one(
    db,
    'evaluation started and not sent by the signed-in councillor (see large-extras-learning.ts)',
    sql<{ id: number }>`
      select s.id from evaluation_responses r
        join training_sessions s on s.id = r.session_id
        join attendance a on a.session_id = s.id and a.person_id = r.person_id
       where r.person_id = ${council.councillor} and r.submitted_at is null
         and a.status in ('attended', 'late', 'left-early')
         and s.status <> 'cancelled' and s.ends_at <= now()
         and (select count(*) from evaluation_questions q
               where q.course_id = s.course_id and not q.retired) >= 2
       order by s.ends_at desc, s.id desc limit 1`,
  );
  return {
    programmeId: course.programme,
    courseId: course.course,
    planId: course.plan,
    agendaItemId: parts.item,
    exampleId: parts.example,
    sourceId: parts.source,
    questionId: question.id,
    evaluatedCourseId: evaluatedCourse.id,
    evaluatedSessionId: evaluatedSession.id,
    scenarioId: scenario.scenario,
    setId: scenario.set,
    studySetId: study.set,
    answeredScenarioId: study.answered,
    openScenarioId: study.open,
    evaluationSessionId: evaluation.id,
  };
}

/** The learning pages not measured elsewhere in benchPages. */
export function learningPages(t: LearningTargets, who: BenchSessions): PageSpec[] {
  const signedIn = (path: string, cookie: string, label: string): PageSpec => ({
    label: `${path} (${label})`,
    path,
    kind: 'signed-in',
    cookie,
  });
  const mo = (path: string) => signedIn(path, who.mo, 'MO');
  const member = (path: string) => signedIn(path, who.councillor, 'councillor');
  const plan = `/admin/workshops/${t.planId}`;
  const study = `/my/scenarios/${t.studySetId}`;
  const evaluation = `/my/evaluations/${t.evaluationSessionId}`;
  return [
    // Workshop plans.
    mo('/admin/workshops/new'),
    mo(`${plan}/edit`),
    mo(`${plan}/agenda/new`),
    mo(`${plan}/agenda/${t.agendaItemId}/edit`),
    mo(`${plan}/examples/new`),
    mo(`${plan}/examples/${t.exampleId}/edit`),
    mo(`${plan}/sources/new`),
    mo(`${plan}/sources/${t.sourceId}/edit`),
    mo(`${plan}/paragraphs`),
    mo(`/admin/courses/${t.courseId}/workshop`),
    // The scenario bank, its sets and self-study.
    mo('/admin/scenarios/new'),
    mo(`/admin/scenarios/${t.scenarioId}/edit`),
    mo(`/admin/scenarios/${t.scenarioId}/answers`),
    mo('/admin/scenario-sets/new'),
    mo(`/admin/scenario-sets/${t.setId}`),
    mo(`/admin/scenario-sets/${t.setId}/edit`),
    member(study),
    member(`${study}/${t.openScenarioId}`),
    member(`${study}/${t.answeredScenarioId}/feedback`),
    // Evaluations: questions, a councillor's unfinished evaluation, results and their CSVs.
    mo(`/admin/courses/${t.courseId}/evaluation`),
    mo(`/admin/courses/${t.courseId}/evaluation/new`),
    mo(`/admin/courses/${t.courseId}/evaluation/${t.questionId}/edit`),
    member(evaluation),
    member(`${evaluation}/2`),
    member(`${evaluation}/check`),
    mo(`/admin/sessions/${t.evaluatedSessionId}/evaluations`),
    mo(`/admin/sessions/${t.evaluatedSessionId}/evaluations.csv`),
    mo(`/admin/courses/${t.evaluatedCourseId}/evaluations.csv`),
    mo(`/admin/programmes/${t.programmeId}/evaluations`),
    mo(`/admin/programmes/${t.programmeId}/evaluations.csv`),
  ];
}
