import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { SignedInUser } from '../../platform/session.js';
import { complianceRows } from '../training-compliance/index.js';

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
}

export async function trainingFigures(
  db: DbOrTrx,
  user: SignedInUser,
  today: string,
): Promise<TrainingFigures> {
  const admin = user.roles.has('monitoring-officer') || user.roles.has('democratic-services');
  const whipOf = user.whipOf.length > 0 ? user.whipOf : [-1];
  const [{ rows }, compliance] = await Promise.all([
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
  ]);
  const row = rows[0];
  return {
    awaitingReply: row?.awaiting ?? 0,
    datesToAnswer: row?.dates ?? 0,
    facilitating: row?.facilitating ?? 0,
    overdueMembers: compliance
      ? new Set(compliance.filter((r) => r.status === 'overdue').map((r) => r.personId)).size
      : null,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The training part of each role's section: a line saying what is waiting, and where to go. */
export const trainingParts = {
  admin: (f: TrainingFigures) => ({
    lines:
      f.overdueMembers === null
        ? []
        : [
            f.overdueMembers === 0
              ? 'No councillor is overdue with the training the council’s rules require.'
              : `${plural(f.overdueMembers, 'councillor is', 'councillors are')} overdue with training the council’s rules require.`,
          ],
    links: [
      { href: '/admin/programmes', text: 'Member development: programmes, courses and sessions' },
      { href: '/admin/training/compliance', text: 'Training compliance, by group and member' },
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
    ],
    links: [
      { href: '/my/training', text: 'Your training sessions' },
      { href: '/my/training/record', text: 'Your training record' },
    ],
  }),
  facilitator: (f: TrainingFigures) => ({
    lines: [
      f.facilitating === 0
        ? 'No session you facilitate is coming up.'
        : `${plural(f.facilitating, 'session', 'sessions')} you facilitate ${f.facilitating === 1 ? 'is' : 'are'} coming up.`,
    ],
    links: [{ href: '/facilitating', text: 'Sessions you facilitate, and their attendance' }],
  }),
};
