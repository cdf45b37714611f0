import { sql } from 'kysely';
import type { SignedInUser } from '../../platform/session.js';
import { complianceRows } from '../training-compliance/index.js';
import { plansNeedingAttention } from '../workshop-plans/index.js';
import { scenarioSetProgress, scenariosNeedingReview } from '../scenario-bank/index.js';
import { pendingEvaluations } from '../evaluations/index.js';
import type { Db } from '../../db/database.js';

/** What each role has to do about training, for the dashboard. */
export interface TrainingFigures {
  /** a member's invitations to sessions still to come that they have not answered */
  awaitingReply: number;
  /** dates proposed for a whip's groups' sessions that wait for the whip's answer */
  datesToAnswer: number;
  /** sessions still to come that a facilitator runs */
  facilitating: number;
  /** councillors of an administrator's council overdue on a training rule; null for others */
  overdueMembers: number | null;
  /** an administrator's learning content needing attention; null for others */
  learning: { plansToReview: number; plansOff: number; scenariosToReview: number } | null;
  /** sessions the person attended that wait for their evaluation */
  evaluationsWaiting: number;
  /** published scenario sets the person has not finished */
  setsUnfinished: number;
}

export async function trainingFigures(
  db: Db,
  user: SignedInUser,
  today: string,
): Promise<TrainingFigures> {
  const admin = user.roles.has('monitoring-officer') || user.roles.has('democratic-services');
  const whipOf = user.whipOf.length > 0 ? user.whipOf : [-1];
  const [{ rows }, compliance, plans, scenarios, evaluations, sets] = await Promise.all([
    sql<{ awaiting: number; dates: number; facilitating: number }>`
      select
        (select count(*) from session_invitations i
           join training_sessions s on s.id = i.session_id
          where i.person_id = ${user.personId} and i.response is null
            and s.status = 'confirmed' and s.starts_at > now())::int as awaiting,
        (select count(*) from session_date_proposals p
           join training_sessions s on s.id = p.session_id
          where s.group_id in (${sql.join(whipOf)}) and s.status = 'planned'
            and p.status = 'open' and not p.by_whip)::int as dates,
        (select count(*) from session_facilitators f
           join training_sessions s on s.id = f.session_id
          where f.person_id = ${user.personId} and s.status = 'confirmed'
            and s.starts_at > now())::int as facilitating`.execute(db),
    admin ? complianceRows(db, user.authorityId, today) : Promise.resolve(null),
    admin ? plansNeedingAttention(db, user.authorityId) : Promise.resolve(null),
    admin ? scenariosNeedingReview(db, user.authorityId) : Promise.resolve(null),
    pendingEvaluations(db, user.personId),
    user.roles.has('member')
      ? scenarioSetProgress(db, user.authorityId, user.personId)
      : Promise.resolve([]),
  ]);
  const row = rows[0];
  return {
    awaitingReply: row?.awaiting ?? 0,
    datesToAnswer: row?.dates ?? 0,
    facilitating: row?.facilitating ?? 0,
    overdueMembers: compliance
      ? new Set(compliance.filter((r) => r.status === 'overdue').map((r) => r.personId)).size
      : null,
    learning:
      plans && scenarios
        ? {
            plansToReview: plans.codeChanged.length,
            plansOff: plans.agendaDiffers.length,
            scenariosToReview: scenarios.length,
          }
        : null,
    evaluationsWaiting: evaluations.length,
    setsUnfinished: sets.filter((s) => s.answered < s.total).length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const evaluationLines = (f: TrainingFigures) =>
  f.evaluationsWaiting > 0
    ? [
        `${plural(f.evaluationsWaiting, 'session you attended waits', 'sessions you attended wait')} for your evaluation.`,
      ]
    : [];
const evaluationLinks = (f: TrainingFigures) =>
  f.evaluationsWaiting > 0 ? [{ href: '/my/evaluations', text: 'Evaluate your sessions' }] : [];

function learningLines(learning: TrainingFigures['learning']): string[] {
  if (!learning) return [];
  const lines: string[] = [];
  if (learning.plansToReview > 0)
    lines.push(
      `${plural(learning.plansToReview, 'workshop plan links', 'workshop plans link')} to paragraphs the code in force has changed: review ${learning.plansToReview === 1 ? 'it' : 'them'}.`,
    );
  if (learning.plansOff > 0)
    lines.push(
      `${plural(learning.plansOff, 'workshop plan’s agenda does', 'workshop plans’ agendas do')} not add up to the workshop’s length.`,
    );
  if (learning.scenariosToReview > 0)
    lines.push(
      `${plural(learning.scenariosToReview, 'scenario links', 'scenarios link')} to paragraphs the code in force has changed: review ${learning.scenariosToReview === 1 ? 'it' : 'them'}.`,
    );
  return lines;
}

/** The training part of each role's section: a line saying what is waiting, and where to go. */
export const trainingParts = {
  admin: (f: TrainingFigures) => ({
    lines: [
      ...(f.overdueMembers === null
        ? []
        : [
            f.overdueMembers === 0
              ? 'No councillor is overdue with the training the council’s rules require.'
              : `${plural(f.overdueMembers, 'councillor is', 'councillors are')} overdue with training the council’s rules require.`,
          ]),
      ...learningLines(f.learning),
    ],
    links: [
      { href: '/admin/programmes', text: 'Member development: programmes, courses and sessions' },
      { href: '/admin/training/compliance', text: 'Training compliance, by group and member' },
      { href: '/admin/workshops', text: 'Workshop plans' },
      { href: '/admin/scenarios', text: 'Scenario bank' },
    ],
  }),
  whip: (f: TrainingFigures) => ({
    lines: [
      f.datesToAnswer === 0
        ? 'No proposed training dates wait for your answer.'
        : `${plural(f.datesToAnswer, 'proposed training date waits', 'proposed training dates wait')} for your answer.`,
    ],
    links: [
      { href: '/group-training', text: 'Your group’s training: dates and topics' },
      { href: '/group-training/compliance', text: 'Your group’s training record' },
    ],
  }),
  member: (f: TrainingFigures) => ({
    lines: [
      f.awaitingReply === 0
        ? 'No training invitation waits for your reply.'
        : `${plural(f.awaitingReply, 'training invitation waits', 'training invitations wait')} for your reply.`,
      ...evaluationLines(f),
      ...(f.setsUnfinished > 0
        ? [
            `${plural(f.setsUnfinished, 'set of practice scenarios is', 'sets of practice scenarios are')} waiting for you.`,
          ]
        : []),
    ],
    links: [
      { href: '/my/training', text: 'Your training sessions' },
      { href: '/my/training/record', text: 'Your training record' },
      ...evaluationLinks(f),
      { href: '/my/scenarios', text: 'Practice scenarios' },
    ],
  }),
  /** for someone who is not a councillor but attended a session (an officer, say) */
  evaluations: (f: TrainingFigures) => ({ lines: evaluationLines(f), links: evaluationLinks(f) }),
  facilitator: (f: TrainingFigures) => ({
    lines: [
      f.facilitating === 0
        ? 'No session you facilitate is coming up.'
        : `${plural(f.facilitating, 'session', 'sessions')} you facilitate ${f.facilitating === 1 ? 'is' : 'are'} coming up.`,
    ],
    links: [{ href: '/facilitating', text: 'Sessions you facilitate, and their attendance' }],
  }),
};
