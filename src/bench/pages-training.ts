import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { LARGE_ACCOUNTS, LARGE_SLUG } from '../seed/large.js';
import { LARGE_CALENDAR_TOKEN } from '../seed/large-extras-training.js';
import type { PageSpec } from './measure.js';
import type { BenchSessions } from './pages.js';

/** Real ids and values from the large dataset for the training pages measured by the bench. */
export interface TrainingTargets {
  /** the running programme */
  programmeId: number;
  /** its code of conduct course for each political group */
  groupCourseId: number;
  /** the whip's group's code of conduct session this year, its date agreed with the whip */
  groupSessionId: number;
  /** the catch-up induction evening, dated but not yet confirmed */
  plannedSessionId: number;
  /** the next confirmed session to come (or, failing one, the catch-up evening) */
  cancelSessionId: number;
  /** the running programme's session with the most people invited */
  invitationsSessionId: number;
  /** a topic a group proposed for the running programme, still to be answered */
  topicProposalId: number;
  /** the latest standards meeting with the whips and leaders */
  liaisonMeetingId: number;
  /** the code of conduct training rule */
  ruleId: number;
  /** the secret of the ordinary councillor's calendar address */
  calendarToken: string;
}

async function one<T>(db: Db, what: string, query: ReturnType<typeof sql<T>>): Promise<T> {
  const { rows } = await query.execute(db);
  const row = rows[0];
  if (!row || Object.values(row as object).some((v) => v === null))
    throw new Error(`The large dataset has no ${what}: generate it afresh.`);
  return row;
}

/** Reads them; throws (naming what is missing) when the dataset lacks one. */
export async function findTrainingTargets(db: Db): Promise<TrainingTargets> {
  const { programme, course } = await one(
    db,
    'running programme with a code of conduct course for each group',
    sql<{ programme: number; course: number }>`
      select p.id as programme, c.id as course
        from programmes p join authorities a on a.id = p.authority_id
        join courses c on c.programme_id = p.id
       where a.slug = ${LARGE_SLUG} and p.status = 'running'
         and c.topic = 'code-of-conduct' and c.audience = 'political-group'
       order by p.starts_on desc, c.position limit 1`,
  );
  const { groupSession } = await one(
    db,
    'code of conduct session of the whip’s group with dates agreed',
    sql<{ groupSession: number }>`
      select s.id as "groupSession"
        from training_sessions s
        join memberships m on m.organisation_id = s.group_id and m.role = 'whip'
         and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date)
        join people w on w.id = m.person_id and w.email = ${LARGE_ACCOUNTS.whip}
       where s.course_id = ${course} and s.status <> 'cancelled'
         and exists (select 1 from session_date_proposals d where d.session_id = s.id)
       order by s.starts_at desc nulls last, s.id desc limit 1`,
  );
  const { planned } = await one(
    db,
    'session dated but not confirmed (the catch-up induction evening)',
    sql<{ planned: number }>`
      select s.id as planned
        from training_sessions s join courses c on c.id = s.course_id
       where c.programme_id = ${programme} and c.audience <> 'political-group'
         and s.group_id is null and s.status = 'planned' and s.starts_at is not null
       order by s.starts_at desc, s.id desc limit 1`,
  );
  const { cancel } = await one(
    db,
    'session to cancel',
    sql<{ cancel: number }>`
      select coalesce(
        (select s.id from training_sessions s join courses c on c.id = s.course_id
          where c.programme_id = ${programme} and s.status = 'confirmed' and s.starts_at > now()
          order by s.starts_at, s.id limit 1),
        ${planned}::int) as cancel`,
  );
  const { invitations } = await one(
    db,
    'session with invitations',
    sql<{ invitations: number }>`
      select i.session_id as invitations
        from session_invitations i join training_sessions s on s.id = i.session_id
        join courses c on c.id = s.course_id
       where c.programme_id = ${programme}
       group by i.session_id order by count(*) desc, i.session_id limit 1`,
  );
  const { proposal } = await one(
    db,
    'open topic proposal',
    sql<{ proposal: number }>`
      select id as proposal from topic_proposals
       where programme_id = ${programme} and status = 'open'
       order by created_at desc, id desc limit 1`,
  );
  const { liaison } = await one(
    db,
    'standards meeting with whips and leaders',
    sql<{ liaison: number }>`
      select l.id as liaison from liaison_meetings l join authorities a on a.id = l.authority_id
       where a.slug = ${LARGE_SLUG}
         and exists (select 1 from liaison_meeting_attendees x where x.meeting_id = l.id)
       order by l.held_on desc, l.id desc limit 1`,
  );
  const { rule } = await one(
    db,
    'code of conduct training rule',
    sql<{ rule: number }>`
      select r.id as rule from compliance_rules r join authorities a on a.id = r.authority_id
       where a.slug = ${LARGE_SLUG} and r.topic = 'code-of-conduct' order by r.id limit 1`,
  );
  await one(
    db,
    'calendar feed for the ordinary councillor',
    sql<{ person: number }>`
      select f.person_id as person from calendar_feeds f join people p on p.id = f.person_id
       where p.email = ${LARGE_ACCOUNTS.councillor}`,
  );
  return {
    programmeId: programme,
    groupCourseId: course,
    groupSessionId: groupSession,
    plannedSessionId: planned,
    cancelSessionId: cancel,
    invitationsSessionId: invitations,
    topicProposalId: proposal,
    liaisonMeetingId: liaison,
    ruleId: rule,
    calendarToken: LARGE_CALENDAR_TOKEN,
  };
}

/** The training pages not measured elsewhere in benchPages. */
export function trainingPages(t: TrainingTargets, who: BenchSessions): PageSpec[] {
  const signedIn = (page: string, cookie: string, label: string): PageSpec => ({
    label: `${page} (${label})`,
    path: page,
    kind: 'signed-in',
    cookie,
  });
  const mo = (page: string) => signedIn(page, who.mo, 'MO');
  const member = (page: string) => signedIn(page, who.councillor, 'councillor');
  const whip = (page: string) => signedIn(page, who.whip, 'whip');
  const programme = `/admin/programmes/${t.programmeId}`;
  return [
    // Programmes, courses and sessions.
    mo('/admin/programmes/new'),
    mo(`${programme}/edit`),
    mo(`${programme}/approve`),
    mo(`${programme}/courses/new`),
    mo(`/admin/courses/${t.groupCourseId}/edit`),
    mo(`/admin/courses/${t.groupCourseId}/sessions/new`),
    mo(`/admin/sessions/${t.plannedSessionId}/edit`),
    mo(`/admin/sessions/${t.cancelSessionId}/cancel`),
    mo(`/admin/sessions/${t.plannedSessionId}/confirm`),
    mo(`/admin/sessions/${t.invitationsSessionId}/invitations`),
    // Agreeing dates and topics with the groups; standards meetings with whips and leaders.
    mo(`/admin/sessions/${t.groupSessionId}/dates`),
    whip(`/group-training/sessions/${t.groupSessionId}`),
    whip('/group-training/topics'),
    mo(`${programme}/topics`),
    mo(`${programme}/topics/${t.topicProposalId}`),
    mo('/admin/liaison-meetings'),
    mo('/admin/liaison-meetings/new'),
    mo(`/admin/liaison-meetings/${t.liaisonMeetingId}`),
    // A councillor's own training: calendar, attendance code, record.
    member('/my/training/calendar'),
    {
      label: '/calendar/:token.ics (councillor’s feed)',
      path: `/calendar/${t.calendarToken}.ics`,
      kind: 'public',
    },
    member('/attend'),
    member('/my/training/record'),
    signedIn('/facilitating', who.officer, 'officer'),
    // Compliance rules and exports.
    mo('/admin/training/rules'),
    mo('/admin/training/rules/new'),
    mo(`/admin/training/rules/${t.ruleId}/edit`),
    mo('/admin/training/compliance.csv'),
    whip('/group-training/compliance.csv'),
  ];
}
