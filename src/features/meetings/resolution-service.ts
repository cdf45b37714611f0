import type { Db, Trx } from '../../db/database.js';
import type { ResolutionOutcome } from '../../db/schema.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome, type Refusal } from '../../platform/outcome.js';
import {
  adoptVersionByResolution,
  agreeVersionByResolution,
  isOneInForceViolation,
} from '../code-admin/index.js';
import { listAgendaItems, type MeetingRow } from './repository.js';
import { approveProgrammeByResolution } from '../programme-admin/index.js';
import { listRecommendations, listResolutions, lockedBy } from './record-repository.js';
import { recordableMeeting } from './record-service.js';

export interface ResolutionEntry {
  recommendationId: number;
  outcome: ResolutionOutcome;
  amendedText?: string | undefined;
}

export interface ResolutionsInput {
  entries: ResolutionEntry[];
  minuteReference: string;
  /** full Council only: a later date a code version it adopts comes into force */
  inForceFrom?: string | undefined;
}

/** Thrown inside the transaction to undo everything already written, then returned. */
class Undo extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const AGREEING: ResolutionOutcome[] = ['agreed', 'agreed-as-amended'];

/**
 * Record the resolutions on one agenda item's recommendations. An agreeing resolution on a
 * recommendation linked to a code version moves the version on in the same transaction: a
 * committee's agreement makes it "agreed by committee", full Council's adopts it (and brings
 * it into force when due). An agreeing resolution on a recommendation linked to a draft
 * development programme approves the programme. If the version or programme cannot move,
 * nothing at all is recorded. A resolution that has moved either cannot be changed afterwards.
 */
export async function recordResolutions(
  db: Db,
  meetingId: number,
  agendaItemId: number,
  input: ResolutionsInput,
  actor: Actor,
  options: { baseUrl: string; today?: string },
): Promise<Outcome<{ moved: string[]; approved: string[] }>> {
  const today = options.today ?? todayInEngland();
  try {
    return await db.transaction().execute(async (trx) => {
      const found = await recordableMeeting(trx, meetingId, 'minuteReference', today);
      if (!found.ok) return found;
      const meeting = found.value;
      const item = (await listAgendaItems(trx, meetingId)).find((i) => i.id === agendaItemId);
      if (!item?.reportId)
        return refuse('minuteReference', 'That agenda item has no report to decide on');
      const recs = await listRecommendations(trx, [item.reportId]);
      const existing = (await listResolutions(trx, meetingId)).filter(
        (r) => r.agendaItemId === agendaItemId,
      );
      const moved: string[] = [];
      const approved: string[] = [];
      for (const entry of input.entries) {
        const rec = recs.find((r) => r.id === entry.recommendationId);
        const field = `outcome-${entry.recommendationId}`;
        if (!rec) throw new Undo({ field, message: 'That recommendation is not in this report' });
        const amended = entry.outcome === 'agreed-as-amended' ? (entry.amendedText ?? null) : null;
        const before = existing.find((r) => r.recommendationId === rec.id);
        const sameDecision =
          before && before.outcome === entry.outcome && before.amendedText === amended;
        // A resolution that moved a code version keeps its minute reference too: changing the
        // reference for the item's other recommendations leaves it as it was.
        const locked = lockedBy(before);
        if (sameDecision && (locked !== null || before.minuteReference === input.minuteReference))
          continue;
        if (locked !== null)
          throw new Undo({
            field,
            message: `Recommendation ${rec.position + 1} cannot be changed: its resolution has already ${locked}, and that is not undone by changing the minutes`,
          });
        const values = {
          outcome: entry.outcome,
          amended_text: amended,
          minute_reference: input.minuteReference,
          recorded_by: actor.actorPersonId,
          recorded_at: new Date(),
        };
        const { id } = before
          ? await trx
              .updateTable('resolutions')
              .set(values)
              .where('id', '=', before.id)
              .returning('id')
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('resolutions')
              .values({ ...values, agenda_item_id: agendaItemId, recommendation_id: rec.id })
              .returning('id')
              .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          ...actor,
          entity: 'resolution',
          entityId: id,
          action: before ? 'changed' : 'recorded',
          before: before
            ? {
                outcome: before.outcome,
                amended_text: before.amendedText,
                minute_reference: before.minuteReference,
              }
            : null,
          after: { ...values, agenda_item_id: agendaItemId, recommendation_id: rec.id },
        });
        if (rec.codeVersionId !== null && AGREEING.includes(entry.outcome)) {
          const result = await moveVersion(
            trx,
            meeting,
            rec.codeVersionId,
            id,
            input,
            actor,
            field,
            {
              ...options,
              today,
            },
          );
          if (!result.ok) throw new Undo(result.refusal);
          moved.push(result.value);
        }
        if (rec.programmeId !== null && AGREEING.includes(entry.outcome)) {
          const result = await approveProgrammeByResolution(
            trx,
            rec.programmeId,
            {
              resolutionId: id,
              meetingDate: meeting.date,
              organisationAuthorityId: meeting.authorityId,
              organisationName: meeting.organisationName,
              minuteReference: input.minuteReference,
            },
            actor,
            field,
            today,
          );
          if (!result.ok) throw new Undo(result.refusal);
          approved.push(result.value);
        }
      }
      return done({ moved, approved });
    });
  } catch (error) {
    if (error instanceof Undo) return { ok: false, refusal: error.refusal };
    if (isOneInForceViolation(error))
      return refuse(
        'inForceDate',
        'Another version of this code came into force at the same moment, so nothing was recorded. Try again',
      );
    throw error;
  }
}

async function moveVersion(
  trx: Trx,
  meeting: MeetingRow & { date: string },
  versionId: number,
  resolutionId: number,
  input: ResolutionsInput,
  actor: Actor,
  field: string,
  options: { baseUrl: string; today: string },
): Promise<Outcome<string>> {
  const decision = {
    resolutionId,
    meetingDate: meeting.date,
    organisationId: meeting.organisationId,
    organisationAuthorityId: meeting.authorityId,
    organisationName: meeting.organisationName,
    minuteReference: input.minuteReference,
  };
  if (meeting.classification === 'council') {
    const adopted = await adoptVersionByResolution(
      trx,
      versionId,
      { ...decision, inForceFrom: input.inForceFrom },
      actor,
      field,
      options,
    );
    if (!adopted.ok) return adopted;
    return done(adopted.value.inForce ? 'adopted and in force' : 'adopted');
  }
  const agreed = await agreeVersionByResolution(
    trx,
    versionId,
    decision,
    actor,
    field,
    options.today,
  );
  return agreed.ok ? done('agreed by committee') : agreed;
}
