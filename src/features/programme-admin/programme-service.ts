import type { Db, Trx } from '../../db/database.js';
import type { ProgrammeStatus } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { lockProgramme } from './repository.js';

/** A programme as typed on its form. */
export interface ProgrammeInput {
  title: string;
  startsOn: string;
  endsOn: string;
}

const periodProblem = (input: ProgrammeInput) =>
  input.endsOn < input.startsOn
    ? refuse('endsOnDate', 'The end of the programme must be on or after its start')
    : null;

export async function createProgramme(
  db: Db,
  authorityId: number,
  input: ProgrammeInput,
  actor: Actor,
): Promise<Outcome<number>> {
  const problem = periodProblem(input);
  if (problem) return problem;
  return db.transaction().execute(async (trx) => {
    const values = {
      authority_id: authorityId,
      title: input.title,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_by: actor.actorPersonId,
    };
    const { id } = await trx
      .insertInto('programmes')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'programme',
      entityId: id,
      action: 'created',
      after: values,
    });
    return done(id);
  });
}

export async function updateProgramme(
  db: Db,
  programmeId: number,
  input: ProgrammeInput,
  actor: Actor,
): Promise<Outcome> {
  const problem = periodProblem(input);
  if (problem) return problem;
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId);
    if (!programme) return refuse('title', 'That programme no longer exists');
    if (programme.status === 'closed')
      return refuse('title', 'This programme is closed, so it can no longer be changed');
    const after = { title: input.title, starts_on: input.startsOn, ends_on: input.endsOn };
    await trx
      .updateTable('programmes')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', programmeId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'programme',
      entityId: programmeId,
      action: 'updated',
      before: {
        title: programme.title,
        starts_on: programme.starts_on,
        ends_on: programme.ends_on,
      },
      after,
    });
    return done(undefined);
  });
}

/** The Monitoring Officer records the committee's approval (or their own) with a reference. */
export async function approveProgramme(
  db: Db,
  programmeId: number,
  input: { approvedOn: string; reference: string; today: string },
  actor: Actor,
): Promise<Outcome> {
  if (input.approvedOn > input.today)
    return refuse('approvedOnDate', 'The date of the approval must be today or in the past');
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId);
    if (!programme) return refuse('reference', 'That programme no longer exists');
    if (programme.status !== 'draft')
      return refuse('reference', `This programme is already ${programme.status}`);
    await markApproved(trx, actor, programme, {
      approved_on: input.approvedOn,
      approval_reference: input.reference,
    });
    return done(undefined);
  });
}

/** A draft programme becomes approved, with how it was approved; audited. */
export async function markApproved(
  trx: Trx,
  actor: Actor,
  programme: { id: number; status: ProgrammeStatus },
  approval:
    | { approved_on: string; approval_reference: string }
    | { approved_on: string; approved_resolution_id: number },
  audited: Record<string, unknown> = {},
): Promise<void> {
  const after = { status: 'approved' as const, ...approval };
  await trx
    .updateTable('programmes')
    .set({ ...after, updated_at: new Date() })
    .where('id', '=', programme.id)
    .execute();
  await recordAudit(trx, {
    ...actor,
    entity: 'programme',
    entityId: programme.id,
    action: 'approved',
    before: { status: programme.status },
    after: { ...after, ...audited },
  });
}

const MOVES = {
  start: { from: 'approved', to: 'running', action: 'started' },
  close: { from: 'running', to: 'closed', action: 'closed' },
} as const satisfies Record<string, { from: ProgrammeStatus; to: ProgrammeStatus; action: string }>;

const MOVE_REFUSALS = {
  start: 'Only an approved programme can be started',
  close: 'Only a running programme can be closed',
} as const;

/** approved → running (start), running → closed (close). */
export async function moveProgramme(
  db: Db,
  programmeId: number,
  move: keyof typeof MOVES,
  actor: Actor,
): Promise<Outcome> {
  const { from, to, action } = MOVES[move];
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId);
    if (!programme) return refuse('status', 'That programme no longer exists');
    if (programme.status !== from) return refuse('status', MOVE_REFUSALS[move]);
    await trx
      .updateTable('programmes')
      .set({ status: to, updated_at: new Date() })
      .where('id', '=', programmeId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'programme',
      entityId: programmeId,
      action,
      before: { status: from },
      after: { status: to },
    });
    return done(undefined);
  });
}
