import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  findReportForAgenda,
  listAgendaItems,
  lockMeeting,
  renumberAgenda,
  type MeetingRow,
} from './repository.js';
import { readinessProblems, type ReadinessProblem } from './readiness.js';

/** The agenda can change only while it is unpublished and the meeting is still scheduled. */
async function editableMeeting(trx: Trx, meetingId: number, field: string) {
  const meeting = await lockMeeting(trx, meetingId);
  if (!meeting) return refuse(field, 'That meeting no longer exists');
  if (meeting.status !== 'scheduled')
    return refuse(field, `This meeting is ${meeting.status}, so its agenda cannot change`);
  if (meeting.agendaPublishedAt)
    return refuse(field, 'The agenda has been published, so it can no longer change');
  return done(meeting);
}

export async function addAgendaItem(
  db: Db,
  meetingId: number,
  input: { title: string; reportId?: number | undefined },
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const found = await editableMeeting(trx, meetingId, 'title');
    if (!found.ok) return found;
    if (input.reportId) {
      const report = await findReportForAgenda(trx, input.reportId);
      if (
        !report ||
        report.authority_id !== found.value.authorityId ||
        report.status === 'withdrawn'
      )
        return refuse(
          'reportId',
          `Select a draft or published report of ${found.value.authorityName}`,
        );
    }
    const items = await listAgendaItems(trx, meetingId);
    const values = {
      meeting_id: meetingId,
      position: items.length,
      title: input.title,
      report_id: input.reportId ?? null,
    };
    const { id } = await trx
      .insertInto('agenda_items')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'agenda_item',
      entityId: id,
      action: 'added',
      after: values,
    });
    return done(id);
  });
}

export async function moveAgendaItem(
  db: Db,
  meetingId: number,
  itemId: number,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await editableMeeting(trx, meetingId, 'agenda');
    if (!found.ok) return found;
    const ids = (await listAgendaItems(trx, meetingId)).map((i) => i.id);
    const at = ids.indexOf(itemId);
    if (at < 0) return refuse('agenda', 'That item is no longer on the agenda');
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length)
      return refuse('agenda', `That item is already ${direction === 'up' ? 'first' : 'last'}`);
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await renumberAgenda(trx, meetingId, ids);
    await recordAudit(trx, {
      ...actor,
      entity: 'agenda_item',
      entityId: itemId,
      action: 'moved',
      before: { position: at },
      after: { position: to },
    });
    return done(undefined);
  });
}

export async function removeAgendaItem(
  db: Db,
  meetingId: number,
  itemId: number,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await editableMeeting(trx, meetingId, 'agenda');
    if (!found.ok) return found;
    const items = await listAgendaItems(trx, meetingId);
    const item = items.find((i) => i.id === itemId);
    if (!item) return refuse('agenda', 'That item is no longer on the agenda');
    await trx.deleteFrom('meeting_declarations').where('agenda_item_id', '=', itemId).execute();
    await trx.deleteFrom('agenda_items').where('id', '=', itemId).execute();
    await renumberAgenda(
      trx,
      meetingId,
      items.filter((i) => i.id !== itemId).map((i) => i.id),
    );
    await recordAudit(trx, {
      ...actor,
      entity: 'agenda_item',
      entityId: itemId,
      action: 'removed',
      before: { title: item.title, report_id: item.reportId, position: item.position },
    });
    return done(undefined);
  });
}

export type PublishAgendaResult =
  | { ok: true; value: { publishedReports: number } }
  | { ok: false; refusal: { field: string; message: string }; problems?: ReadinessProblem[] };

/**
 * Publish the agenda: every draft report on it must be ready (exempt ones too). Then, in one
 * transaction, the agenda is published and each open draft report with it; exempt reports
 * stay unpublished, the public agenda showing only their title and exempt paragraph.
 */
export async function publishAgenda(
  db: Db,
  meeting: MeetingRow,
  actor: Actor,
  now: Date = new Date(),
): Promise<PublishAgendaResult> {
  const items = await listAgendaItems(db, meeting.id);
  if (items.length === 0)
    return refuse('agenda', 'Add at least one item before publishing the agenda');
  const withdrawn = items.find((i) => i.reportStatus === 'withdrawn');
  if (withdrawn)
    return refuse(
      'agenda',
      `The report on item ${withdrawn.position + 1}, ${withdrawn.title}, has been withdrawn: remove the item first`,
    );
  const drafts = items
    .filter((i) => i.reportId !== null && i.reportStatus === 'draft')
    .map((i) => ({ id: i.reportId!, title: i.reportTitle ?? '' }));
  const problems = await readinessProblems(db, drafts);
  if (problems.length > 0)
    return {
      ...refuse('agenda', 'The agenda cannot be published until every report on it is ready'),
      problems,
    };
  return db.transaction().execute(async (trx) => {
    const found = await editableMeeting(trx, meeting.id, 'agenda');
    if (!found.ok) return found;
    const current = await listAgendaItems(trx, meeting.id);
    if (current.map((i) => i.id).join() !== items.map((i) => i.id).join())
      return refuse(
        'agenda',
        'The agenda changed while you were publishing it: check it and try again',
      );
    await trx
      .updateTable('meetings')
      .set({ agenda_published_at: now })
      .where('id', '=', meeting.id)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'meeting',
      entityId: meeting.id,
      action: 'agenda-published',
      after: { agenda_published_at: now },
    });
    const open = current.filter(
      (i) => i.reportId !== null && i.reportStatus === 'draft' && i.reportCategory === 'open',
    );
    for (const item of open) {
      const published = await trx
        .updateTable('reports')
        .set({ status: 'published', published_at: now, updated_at: now })
        .where('id', '=', item.reportId!)
        .where('status', '=', 'draft')
        .where('category', '=', 'open')
        .returning('id')
        .executeTakeFirst();
      if (!published) continue;
      await recordAudit(trx, {
        ...actor,
        entity: 'report',
        entityId: item.reportId!,
        action: 'published',
        before: { status: 'draft' },
        after: { status: 'published', published_at: now, meeting_id: meeting.id },
      });
    }
    return done({ publishedReports: open.length });
  });
}
