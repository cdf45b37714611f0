import type { DbOrTrx } from '../../db/database.js';
import {
  PUBLISHED_STATUSES,
  findVersionById,
  listItems,
  type CodeItem,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import { compareVersions } from '../code-compare/index.js';
import { codeAppendixView, type CodeAppendixView } from './code-appendix-view.js';

/**
 * Code of conduct appendices shown in full with the report. A version the public may read at
 * /code/... (adopted, in force, superseded) is linked instead; a draft, one under consultation,
 * agreed but not adopted, or withdrawn has no public page, so the report carries its text. A
 * comparison is shown in full when either of its versions is not public: the later (proposed)
 * version's text, marked against the earlier one. Read at the time the page is made.
 */
const isPublic = (version: CodeVersion): boolean => PUBLISHED_STATUSES.includes(version.status);

interface CodeAppendixRow {
  id: number;
  kind: string;
  code_version_id: number | null;
  compare_version_id: number | null;
}

/** What the comparison of two versions marks on the later one's items. */
function markChanges(before: readonly CodeItem[], after: readonly CodeItem[]) {
  const { rows } = compareVersions(before, after);
  const marks = new Map<number, 'New' | 'Changed'>();
  const removed: string[] = [];
  for (const row of rows) {
    if (row.status === 'added' && row.after) marks.set(row.after.id, 'New');
    else if (row.status === 'removed' && row.before) {
      removed.push(
        row.before.kind === 'appendix' ? `Appendix ${row.before.number}` : row.before.number,
      );
    } else if (row.after && (row.textChanged || row.markingChanged)) {
      marks.set(row.after.id, 'Changed');
    }
  }
  return { marks, removed };
}

/** The view of each code appendix of a report to be shown in full, by appendix id. */
export async function codeAppendixViews(
  db: DbOrTrx,
  appendices: readonly CodeAppendixRow[],
): Promise<Map<number, CodeAppendixView>> {
  const views = new Map<number, CodeAppendixView>();
  const wanted = appendices.filter(
    (a) => (a.kind === 'code-version' || a.kind === 'code-comparison') && a.code_version_id,
  );
  if (wanted.length === 0) return views;
  const versionIds = [
    ...new Set(
      wanted.flatMap((a) =>
        [a.code_version_id, a.compare_version_id].filter((id): id is number => id !== null),
      ),
    ),
  ];
  const versions = new Map<number, CodeVersion>();
  for (const id of versionIds) {
    const version = await findVersionById(db, id);
    if (version) versions.set(id, version);
  }
  const items = new Map<number, CodeItem[]>();
  const itemsOf = async (id: number) => {
    let found = items.get(id);
    if (!found) {
      found = await listItems(db, id);
      items.set(id, found);
    }
    return found;
  };
  for (const a of wanted) {
    const first = versions.get(a.code_version_id!);
    if (!first) continue;
    if (a.kind === 'code-version') {
      if (!isPublic(first)) views.set(a.id, codeAppendixView(first, await itemsOf(first.id)));
      continue;
    }
    const later = a.compare_version_id === null ? undefined : versions.get(a.compare_version_id);
    if (!later || (isPublic(first) && isPublic(later))) continue;
    const [before, after] = [await itemsOf(first.id), await itemsOf(later.id)];
    views.set(a.id, codeAppendixView(later, after, { from: first, ...markChanges(before, after) }));
  }
  return views;
}
