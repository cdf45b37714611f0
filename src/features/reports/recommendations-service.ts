import type { Db, DbOrTrx } from '../../db/database.js';
import { refuse, type Outcome } from '../../platform/outcome.js';
import { indexOfLineage, move, removeAt, replaceAt } from './body-ops.js';
import {
  listCodeVersionChoices,
  listProgrammeChoices,
  listRecommendations,
  saveRecommendations,
  type RecommendationDraft,
  type RecommendationRow,
} from './repository.js';
import type { RecommendationForm } from './schemas.js';
import { changeDraft, type Administrator } from './service.js';

const GONE =
  'That recommendation is no longer in this report: someone may have changed it. Look again.';

/** The recommendation's number on screen (1, 2, 3) and its lineage, after the change. */
export interface RecommendationChange {
  number: number | null;
  lineage: string | null;
}

const draftsFrom = (rows: readonly RecommendationRow[]): RecommendationDraft[] =>
  rows.map((r) => ({
    text: r.text,
    codeVersionId: r.code_version_id,
    programmeId: r.programme_id,
    lineage: r.lineage,
  }));

const audited = (r: RecommendationDraft | undefined, index: number) =>
  r
    ? {
        recommendation: {
          number: index + 1,
          text: r.text.slice(0, 200),
          codeVersionId: r.codeVersionId,
          programmeId: r.programmeId,
        },
      }
    : null;

/** The linked code version, when it is one of the authority's versions a committee can move on. */
async function codeVersionOf(
  trx: DbOrTrx,
  authorityId: number,
  form: RecommendationForm,
): Promise<number | null | 'unknown'> {
  if (form.codeVersionId === undefined) return null;
  const choices = await listCodeVersionChoices(trx, authorityId);
  return choices.some((c) => c.id === form.codeVersionId) ? form.codeVersionId : 'unknown';
}

/**
 * What a recommendation decides: a code version of the council a committee can move on, or a
 * draft development programme of the council to approve, or neither; never both.
 */
async function subjectOf(
  trx: DbOrTrx,
  authorityId: number,
  form: RecommendationForm,
  before: RecommendationDraft | undefined,
): Promise<
  | { ok: true; codeVersionId: number | null; programmeId: number | null }
  | { ok: false; refusal: { field: string; message: string } }
> {
  const version = await codeVersionOf(trx, authorityId, form);
  if (version === 'unknown') return refuse('codeVersionId', UNKNOWN_VERSION);
  let programmeId: number | null = null;
  if (form.programmeId !== undefined) {
    const choices = await listProgrammeChoices(trx, authorityId);
    // A programme this recommendation already approved is no longer a draft: it stays linked.
    const kept = before?.programmeId === form.programmeId;
    if (!kept && !choices.some((c) => c.id === form.programmeId))
      return refuse(
        'programmeId',
        'Select a draft development programme of your council from the list, or none',
      );
    programmeId = form.programmeId;
  }
  if (version !== null && programmeId !== null)
    return refuse(
      'programmeId',
      'A recommendation can decide a code version or approve a programme, not both: choose one, and put the other in a recommendation of its own',
    );
  return { ok: true, codeVersionId: version, programmeId };
}

type Step =
  | {
      ok: true;
      list: RecommendationDraft[];
      index: number;
      before: RecommendationDraft | undefined;
    }
  | { ok: false; refusal: { field: string; message: string } };

function changeRecommendations(
  db: Db,
  reportId: number,
  admin: Administrator,
  field: string,
  action: string,
  step: (list: RecommendationDraft[], trx: DbOrTrx) => Promise<Step>,
): Promise<Outcome<RecommendationChange>> {
  return changeDraft(db, reportId, admin, field, async (trx) => {
    const current = draftsFrom(await listRecommendations(trx, reportId));
    const result = await step(current, trx);
    if (!result.ok) return result;
    await saveRecommendations(trx, reportId, result.list);
    const removed = action === 'recommendation-removed';
    const saved = removed ? undefined : (await listRecommendations(trx, reportId))[result.index];
    return {
      ok: true,
      value: {
        number: saved ? result.index + 1 : null,
        lineage: saved?.lineage ?? null,
      },
      audit: {
        action,
        before: audited(result.before, current.indexOf(result.before!)),
        after: saved ? audited(draftsFrom([saved])[0], result.index) : null,
      },
    };
  });
}

const UNKNOWN_VERSION = 'Select a code version of your council from the list, or none';

/** Add a recommendation at the end of the list. */
export function addRecommendation(
  db: Db,
  reportId: number,
  form: RecommendationForm,
  admin: Administrator,
): Promise<Outcome<RecommendationChange>> {
  return changeRecommendations(
    db,
    reportId,
    admin,
    'text',
    'recommendation-added',
    async (list, trx) => {
      const subject = await subjectOf(trx, admin.authorityId, form, undefined);
      if (!subject.ok) return subject;
      return {
        ok: true,
        list: [
          ...list,
          {
            text: form.text,
            codeVersionId: subject.codeVersionId,
            programmeId: subject.programmeId,
          },
        ],
        index: list.length,
        before: undefined,
      };
    },
  );
}

/** Change a recommendation's text or linked code version; it keeps its place and lineage. */
export function editRecommendation(
  db: Db,
  reportId: number,
  lineage: string,
  form: RecommendationForm,
  admin: Administrator,
): Promise<Outcome<RecommendationChange>> {
  return changeRecommendations(
    db,
    reportId,
    admin,
    'text',
    'recommendation-edited',
    async (list, trx) => {
      const index = indexOfLineage(list, lineage);
      if (index < 0) return refuse('text', GONE);
      const subject = await subjectOf(trx, admin.authorityId, form, list[index]);
      if (!subject.ok) return subject;
      return {
        ok: true,
        list: replaceAt(list, index, {
          text: form.text,
          codeVersionId: subject.codeVersionId,
          programmeId: subject.programmeId,
        }),
        index,
        before: list[index],
      };
    },
  );
}

/** Move a recommendation one place up or down. */
export function moveRecommendation(
  db: Db,
  reportId: number,
  lineage: string,
  direction: 'up' | 'down',
  admin: Administrator,
): Promise<Outcome<RecommendationChange>> {
  const field = `recommendation-${lineage}`;
  return changeRecommendations(db, reportId, admin, field, 'recommendation-moved', async (list) => {
    const index = indexOfLineage(list, lineage);
    if (index < 0) return refuse(field, GONE);
    const moved = move(list, index, direction);
    if (!moved)
      return refuse(
        field,
        direction === 'up'
          ? 'The first recommendation cannot move up'
          : 'The last recommendation cannot move down',
      );
    return {
      ok: true,
      list: moved,
      index: direction === 'up' ? index - 1 : index + 1,
      before: list[index],
    };
  });
}

/** Remove a recommendation; the ones after it move up a number. */
export function removeRecommendation(
  db: Db,
  reportId: number,
  lineage: string,
  admin: Administrator,
): Promise<Outcome<RecommendationChange>> {
  return changeRecommendations(
    db,
    reportId,
    admin,
    'confirm',
    'recommendation-removed',
    async (list) => {
      const index = indexOfLineage(list, lineage);
      if (index < 0) return refuse('confirm', GONE);
      return { ok: true, list: removeAt(list, index), index, before: list[index] };
    },
  );
}
