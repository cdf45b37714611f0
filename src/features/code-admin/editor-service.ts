import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  EDITABLE_STATUSES,
  listItems,
  numberItems,
  replaceItems,
  type CodeItem,
  type NumberedItem,
} from '../code-of-conduct/index.js';
import {
  draftFromForm,
  draftsFrom,
  indexOfLineage,
  insertAfter,
  move,
  removeAt,
  replaceAt,
  type EditorItem,
} from './editor-ops.js';
import type { ItemForm } from './schemas.js';
import { lockVersion } from './write-repository.js';

/** What a change did, for the success banner: the item's number after renumbering. */
export interface ItemChange {
  number: string | null;
  lineage: string | null;
}

/**
 * A change worked out on the list: the new list, where the changed item now is (for a removal,
 * where it was), what to call it in the audit trail, and the lineage of the item it touched.
 */
type Change =
  | { ok: true; items: EditorItem[]; index: number; action: string; lineage?: string }
  | { ok: false; refusal: { field: string; message: string } };

const GONE = 'That item is no longer in this version: someone may have changed it. Look again.';

const summary = (item: NumberedItem | CodeItem | undefined) =>
  item
    ? {
        number: item.number,
        kind: item.kind,
        depth: item.depth,
        origin: item.origin,
        text: ((item.kind === 'paragraph' ? item.body : item.heading) ?? '').slice(0, 200),
      }
    : null;

/**
 * Apply one editor change to a version's items: the version is locked and must still be
 * editable; the changed list is numbered afresh and saved in place of the old one, with an
 * audit record, all in one transaction. When the new list cannot be numbered the change is
 * refused and nothing is saved.
 */
async function changeItems(
  db: Db,
  versionId: number,
  actor: Actor,
  field: string,
  change: (items: EditorItem[]) => Change,
): Promise<Outcome<ItemChange>> {
  return db.transaction().execute(async (trx) => {
    const version = await lockVersion(trx, versionId);
    if (!version) return refuse(field, 'That version no longer exists');
    if (!EDITABLE_STATUSES.includes(version.status))
      return refuse(
        field,
        'This version can no longer be changed: only a draft, or a version under consultation, can',
      );
    const current = await listItems(trx, versionId);
    const result = change(draftsFrom(current));
    if (!result.ok) return result;
    const numbered = numberItems(result.items);
    if (!numbered.ok) {
      const problem = numbered.problems[0]!;
      return refuse(
        field,
        `That change would leave the code impossible to number: ${problem.message.charAt(0).toLowerCase()}${problem.message.slice(1)}. Nothing was changed`,
      );
    }
    await replaceItems(trx, versionId, numbered.items);
    const removed = result.action === 'item-removed';
    const before = result.lineage
      ? current.find((item) => item.lineage === result.lineage)
      : undefined;
    await recordAudit(trx, {
      ...actor,
      entity: 'code_version',
      entityId: versionId,
      action: result.action,
      before: before ? { item: summary(before) } : null,
      after: removed ? null : { item: summary(numbered.items[result.index]) },
    });
    if (removed) return done({ number: null, lineage: null });
    const saved = (await listItems(trx, versionId))[result.index];
    return done({ number: saved?.number ?? null, lineage: saved?.lineage ?? null });
  });
}

/** Insert a new item after the one with lineage `after` ('start': before everything). */
export function insertItem(
  db: Db,
  versionId: number,
  after: string,
  form: ItemForm,
  actor: Actor,
): Promise<Outcome<ItemChange>> {
  return changeItems(db, versionId, actor, 'kind', (items) => {
    const index = after === 'start' ? -1 : indexOfLineage(items, after);
    if (after !== 'start' && index < 0) return refuse('kind', GONE);
    return {
      ok: true,
      items: insertAfter(items, index, draftFromForm(form)),
      index: index + 1,
      action: 'item-added',
    };
  });
}

/** Change an item's kind, text or marking; it keeps its lineage. */
export function editItem(
  db: Db,
  versionId: number,
  lineage: string,
  form: ItemForm,
  actor: Actor,
): Promise<Outcome<ItemChange>> {
  return changeItems(db, versionId, actor, 'kind', (items) => {
    const index = indexOfLineage(items, lineage);
    if (index < 0) return refuse('kind', GONE);
    return {
      ok: true,
      items: replaceAt(items, index, draftFromForm(form, lineage)),
      index,
      action: 'item-edited',
      lineage,
    };
  });
}

/** Move an item one place up or down. */
export function moveItem(
  db: Db,
  versionId: number,
  lineage: string,
  direction: 'up' | 'down',
  actor: Actor,
): Promise<Outcome<ItemChange>> {
  const field = `item-${lineage}`;
  return changeItems(db, versionId, actor, field, (items) => {
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
      action: 'item-moved',
      lineage,
    };
  });
}

/** Remove an item; those after it are renumbered. */
export function removeItem(
  db: Db,
  versionId: number,
  lineage: string,
  actor: Actor,
): Promise<Outcome<ItemChange>> {
  return changeItems(db, versionId, actor, 'confirm', (items) => {
    const index = indexOfLineage(items, lineage);
    if (index < 0) return refuse('confirm', GONE);
    return { ok: true, items: removeAt(items, index), index, action: 'item-removed', lineage };
  });
}
