import type { Db } from '../../db/database.js';
import { refuse, type Outcome } from '../../platform/outcome.js';
import {
  indexOfLineage,
  insertAfter,
  itemFromForm,
  move,
  removeAt,
  replaceAt,
  type BodyItem,
} from './body-ops.js';
import { numberReportItems, type ReportItemDraft } from './numbering.js';
import { listReportItems, replaceReportItems, type ReportItemRow } from './repository.js';
import type { ItemForm } from './schemas.js';
import { changeDraft, type Administrator } from './service.js';

/** What a change did, for the success banner: the item's number after renumbering. */
export interface ItemChange {
  number: string | null;
  lineage: string | null;
}

type Change =
  | { ok: true; items: BodyItem[]; index: number; action: string; lineage?: string }
  | { ok: false; refusal: { field: string; message: string } };

const GONE = 'That item is no longer in this report: someone may have changed it. Look again.';

const summary = (item: ReportItemDraft & { number: string }) => ({
  number: item.number,
  depth: item.depth,
  text: ((item.depth === 0 ? item.heading : item.body) ?? '').slice(0, 200),
});

const draftsFrom = (rows: readonly ReportItemRow[]): BodyItem[] =>
  rows.map((r) => ({ depth: r.depth, heading: r.heading, body: r.body, lineage: r.lineage }));

/**
 * Apply one change to a draft report's body: the changed list is numbered afresh and saved in
 * place of the old one, with an audit record, in one transaction. A list that cannot be
 * numbered is refused and nothing is saved.
 */
function changeBody(
  db: Db,
  reportId: number,
  admin: Administrator,
  field: string,
  change: (items: BodyItem[]) => Change,
): Promise<Outcome<ItemChange>> {
  return changeDraft(db, reportId, admin, field, async (trx) => {
    const current = await listReportItems(trx, reportId);
    const result = change(draftsFrom(current));
    if (!result.ok) return result;
    const numbered = numberReportItems(result.items);
    if (!numbered.ok) {
      const problem = numbered.problems[0]!;
      return refuse(
        field,
        `That change would leave the report impossible to number: ${problem.message.charAt(0).toLowerCase()}${problem.message.slice(1)}. Nothing was changed`,
      );
    }
    await replaceReportItems(trx, reportId, numbered.items);
    const removed = result.action === 'report-item-removed';
    const before = result.lineage ? current.find((i) => i.lineage === result.lineage) : undefined;
    const saved = removed ? undefined : (await listReportItems(trx, reportId))[result.index];
    return {
      ok: true,
      value: { number: saved?.number ?? null, lineage: saved?.lineage ?? null },
      audit: {
        action: result.action,
        before: before ? { item: summary(before) } : null,
        after: saved ? { item: summary(saved) } : null,
      },
    };
  });
}

/** Insert a new item after the one with lineage `after` ('start': before everything). */
export function insertBodyItem(
  db: Db,
  reportId: number,
  after: string,
  form: ItemForm,
  admin: Administrator,
): Promise<Outcome<ItemChange>> {
  return changeBody(db, reportId, admin, 'kind', (items) => {
    const index = after === 'start' ? -1 : indexOfLineage(items, after);
    if (after !== 'start' && index < 0) return refuse('kind', GONE);
    return {
      ok: true,
      items: insertAfter(items, index, itemFromForm(form)),
      index: index + 1,
      action: 'report-item-added',
    };
  });
}

/** Change an item's kind or text; it keeps its lineage. */
export function editBodyItem(
  db: Db,
  reportId: number,
  lineage: string,
  form: ItemForm,
  admin: Administrator,
): Promise<Outcome<ItemChange>> {
  return changeBody(db, reportId, admin, 'kind', (items) => {
    const index = indexOfLineage(items, lineage);
    if (index < 0) return refuse('kind', GONE);
    return {
      ok: true,
      items: replaceAt(items, index, itemFromForm(form, lineage)),
      index,
      action: 'report-item-edited',
      lineage,
    };
  });
}

/** Move an item one place up or down. */
export function moveBodyItem(
  db: Db,
  reportId: number,
  lineage: string,
  direction: 'up' | 'down',
  admin: Administrator,
): Promise<Outcome<ItemChange>> {
  const field = `item-${lineage}`;
  return changeBody(db, reportId, admin, field, (items) => {
    const index = indexOfLineage(items, lineage);
    if (index < 0) return refuse(field, GONE);
    const moved = move(items, index, direction);
    if (!moved)
      return refuse(
        field,
        direction === 'up' ? 'The first item cannot move up' : 'The last item cannot move down',
      );
    return {
      ok: true,
      items: moved,
      index: direction === 'up' ? index - 1 : index + 1,
      action: 'report-item-moved',
      lineage,
    };
  });
}

/** Remove an item; those after it are renumbered. */
export function removeBodyItem(
  db: Db,
  reportId: number,
  lineage: string,
  admin: Administrator,
): Promise<Outcome<ItemChange>> {
  return changeBody(db, reportId, admin, 'confirm', (items) => {
    const index = indexOfLineage(items, lineage);
    if (index < 0) return refuse('confirm', GONE);
    return {
      ok: true,
      items: removeAt(items, index),
      index,
      action: 'report-item-removed',
      lineage,
    };
  });
}
