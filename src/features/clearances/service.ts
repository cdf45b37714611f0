import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { enqueueEmail } from '../../platform/outbox.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  clearanceSnapshot,
  loadReportDocument,
  snapshotDigest,
  type ClearanceSnapshot,
} from '../reports/index.js';
import { findClearance, listOfficers } from './repository.js';
import { paths } from './paths.js';

/**
 * Ask a named officer to clear one implication of a draft report. The request keeps a snapshot
 * of what the officer is asked to vouch for, withdraws an earlier request still waiting for the
 * same implication, and emails the officer (through the outbox, in the same transaction).
 */
export async function requestClearance(
  db: Db,
  input: { reportId: number; implicationId: number; officerId: number },
  actor: Actor,
  baseUrl: string,
): Promise<Outcome<{ clearanceId: number; officerName: string; label: string }>> {
  return db.transaction().execute(async (trx) => {
    // One request at a time per implication: the row lock orders two administrators' requests.
    const locked = await trx
      .selectFrom('report_implications')
      .select('id')
      .where('id', '=', input.implicationId)
      .where('report_id', '=', input.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return refuse('implicationId', 'Choose an implication of this report');
    const doc = await loadReportDocument(trx, input.reportId);
    if (!doc) return refuse('implicationId', 'There is no such report');
    const field = `officer-${input.implicationId}`;
    if (doc.report.status !== 'draft') {
      return refuse(field, 'Only a draft report can be cleared');
    }
    const implication = doc.implications.find((i) => i.id === input.implicationId)!;
    if (implication.answer === null) {
      return refuse(field, `Answer yes or no for ${implication.label} before asking for clearance`);
    }
    const officer = (await listOfficers(trx, doc.report.authority_id)).find(
      (o) => o.id === input.officerId,
    );
    if (!officer) return refuse(field, 'Choose an officer of the council who has an account');
    const snapshot = clearanceSnapshot(doc, implication.id)!;
    const withdrawn = await trx
      .updateTable('clearances')
      .set({ status: 'withdrawn' })
      .where('report_implication_id', '=', implication.id)
      .where('status', '=', 'pending')
      .returning(['id', 'officer_id'])
      .execute();
    for (const w of withdrawn) {
      await recordAudit(trx, {
        actorPersonId: actor.actorPersonId,
        requestId: actor.requestId,
        entity: 'clearance',
        entityId: w.id,
        action: 'withdraw',
        before: { status: 'pending' },
        after: { status: 'withdrawn' },
      });
    }
    const row = await trx
      .insertInto('clearances')
      .values({
        report_implication_id: implication.id,
        officer_id: officer.id,
        requested_by: actor.actorPersonId,
        snapshot: JSON.stringify(snapshot),
        snapshot_digest: snapshotDigest(snapshot),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'clearance',
      entityId: row.id,
      action: 'request',
      after: {
        report_id: doc.report.id,
        report_implication_id: implication.id,
        officer_id: officer.id,
        status: 'pending',
      },
    });
    if (officer.email) {
      await enqueueEmail(trx, {
        to: officer.email,
        subject: `Please clear the ${implication.label.toLowerCase()} of a committee report`,
        text: [
          `Dear ${officer.name},`,
          '',
          `You have been asked to clear the ${implication.label.toLowerCase()} of the report “${doc.report.title}”.`,
          '',
          `Read the report's substance and clear it, or return it with a comment: ${baseUrl}${paths.clearance(row.id)}`,
          '',
          'Nothing is cleared until you choose Clear.',
        ].join('\n'),
      });
    }
    return done({ clearanceId: row.id, officerName: officer.name, label: implication.label });
  });
}

export type DecisionRefusal =
  { kind: 'not-pending' } | { kind: 'not-draft' } | { kind: 'changed'; current: ClearanceSnapshot };

/**
 * The officer's decision. Only the officer asked may decide, only while the request is pending
 * and the report a draft. Clearing vouches for the snapshot: if the report has changed since
 * the request, clearing is refused (returning it is still allowed).
 */
export async function decideClearance(
  db: Db,
  input: { clearanceId: number; officerId: number; decision: 'clear' | 'return'; comment?: string },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; refusal: DecisionRefusal } | null> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('clearances')
      .select(['id', 'officer_id', 'status'])
      .where('id', '=', input.clearanceId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || locked.officer_id !== input.officerId) return null;
    if (locked.status !== 'pending') return { ok: false, refusal: { kind: 'not-pending' } };
    const clearance = (await findClearance(trx, input.clearanceId))!;
    const doc = await loadReportDocument(trx, clearance.reportId);
    if (!doc || doc.report.status !== 'draft') return { ok: false, refusal: { kind: 'not-draft' } };
    if (input.decision === 'clear') {
      const current = clearanceSnapshot(doc, clearance.implicationId)!;
      if (snapshotDigest(current) !== clearance.digest) {
        return { ok: false, refusal: { kind: 'changed', current } };
      }
    }
    const status = input.decision === 'clear' ? 'cleared' : 'returned';
    const comment = input.decision === 'return' ? (input.comment ?? '') : null;
    await trx
      .updateTable('clearances')
      .set({ status, decided_at: new Date(), comment })
      .where('id', '=', clearance.id)
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'clearance',
      entityId: clearance.id,
      action: input.decision,
      before: { status: 'pending' },
      after: { status, comment },
    });
    return { ok: true };
  });
}
