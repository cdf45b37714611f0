import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { listWhipsAndLeaders } from './liaison-repository.js';

/**
 * A regular meeting between senior officers and group whips or leaders about standards: its
 * date, who came (whips and leaders of the council's groups) and notes.
 */
export async function recordLiaisonMeeting(
  db: Db,
  input: { authorityId: number; heldOn: string; attendees: number[]; notes: string; today: string },
  actor: Actor,
): Promise<Outcome<number>> {
  if (input.heldOn > input.today) return refuse('heldOn', 'The date must be today or in the past');
  return db.transaction().execute(async (trx) => {
    const eligible = new Set((await listWhipsAndLeaders(trx, input.authorityId)).map((p) => p.id));
    const attendees = [...new Set(input.attendees)];
    if (attendees.some((id) => !eligible.has(id))) {
      return refuse('attendees', 'Choose attendees from the groups’ whips and leaders');
    }
    const values = {
      authority_id: input.authorityId,
      held_on: input.heldOn,
      notes: input.notes,
      recorded_by: actor.actorPersonId,
    };
    const row = await trx
      .insertInto('liaison_meetings')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('liaison_meeting_attendees')
      .values(attendees.map((person_id) => ({ meeting_id: row.id, person_id })))
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'liaison_meeting',
      entityId: row.id,
      action: 'record',
      after: { ...values, attendees },
    });
    return done(row.id);
  });
}
