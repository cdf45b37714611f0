import type { Db, DbOrTrx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import {
  EDITABLE_STATUSES,
  findVersionById,
  findVersionInForce,
  lockAuthority,
  nextVersionNumber,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import { findAuthorityById, type AuthorityRow } from './repository.js';
import {
  copyItems,
  insertReview,
  insertVersion,
  lockVersion,
  SETTINGS_COLUMNS,
  updateVersion,
} from './write-repository.js';
import type { SettingsForm } from './schemas.js';
import { longDate } from './dates.js';

export interface NewDraft {
  id: number;
  number: number;
}

/** A blank draft: no items yet, the model code's settings until someone changes them. */
export async function startBlankDraft(
  db: Db,
  authorityId: number,
  title: string,
  actor: Actor,
): Promise<Outcome<NewDraft>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId)))
      return refuse('title', 'That council no longer exists');
    const number = await nextVersionNumber(trx, authorityId);
    const values = {
      authority_id: authorityId,
      number,
      title,
      based_on_version_id: null,
      change_summary: null,
      created_by: actor.actorPersonId,
    };
    const id = await insertVersion(trx, values);
    await recordAudit(trx, {
      ...actor,
      entity: 'code_version',
      entityId: id,
      action: 'created',
      after: { ...values, status: 'draft' },
    });
    return done({ id, number });
  });
}

/**
 * A new draft of `authorityId` holding a copy of `source`: its items (with their lineage, so a
 * comparison can follow each paragraph) and its settings. Runs in the caller's transaction,
 * which must hold the authority's lock.
 */
async function copyIntoNewDraft(
  trx: DbOrTrx,
  authorityId: number,
  source: CodeVersion,
  changeSummary: string,
  actor: Actor,
): Promise<NewDraft> {
  const number = await nextVersionNumber(trx, authorityId);
  const settings = Object.fromEntries(SETTINGS_COLUMNS.map((c) => [c, source[c]]));
  const values = {
    authority_id: authorityId,
    number,
    title: source.title,
    based_on_version_id: source.id,
    change_summary: changeSummary,
    created_by: actor.actorPersonId,
    ...settings,
  };
  const id = await insertVersion(trx, values);
  const items = await copyItems(trx, source.id, id);
  await recordAudit(trx, {
    ...actor,
    entity: 'code_version',
    entityId: id,
    action: 'created',
    after: { ...values, status: 'draft', items_copied: items },
  });
  return { id, number };
}

/** Copy any version of an authority's code (even a withdrawn one) to start its next draft. */
export async function copyVersionToDraft(
  db: Db,
  authorityId: number,
  sourceId: number,
  actor: Actor,
): Promise<Outcome<NewDraft>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId)))
      return refuse('versionId', 'That council no longer exists');
    const source = await findVersionById(trx, sourceId);
    if (!source || source.authority_id !== authorityId)
      return refuse('versionId', 'That version is not one of this council’s');
    return done(
      await copyIntoNewDraft(
        trx,
        authorityId,
        source,
        `Copied from version ${source.number}`,
        actor,
      ),
    );
  });
}

/** A parish or town council starts from the code its principal council has in force. */
export async function copyPrincipalCode(
  db: Db,
  parish: AuthorityRow,
  actor: Actor,
): Promise<Outcome<NewDraft>> {
  if (parish.kind === 'principal' || parish.parent_id === null)
    return refuse(
      'principal',
      'Only a parish or town council can copy its principal council’s code',
    );
  const principal = await findAuthorityById(db, parish.parent_id);
  if (!principal) return refuse('principal', 'The principal council no longer exists');
  return db.transaction().execute(async (trx) => {
    await lockAuthority(trx, parish.id);
    const source = await findVersionInForce(trx, principal.id);
    if (!source) return refuse('principal', `${principal.name} has no code in force to copy`);
    return done(
      await copyIntoNewDraft(
        trx,
        parish.id,
        source,
        `Copied from ${principal.name}’s code in force (version ${source.number})`,
        actor,
      ),
    );
  });
}

/** The title, summary and settings of a version, while its text may still change. */
export async function updateSettings(
  db: Db,
  versionId: number,
  form: SettingsForm,
  actor: Actor,
): Promise<Outcome<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockVersion(trx, versionId);
    if (!locked) return refuse('title', 'That version no longer exists');
    if (!EDITABLE_STATUSES.includes(locked.status))
      return refuse('title', 'Only a draft, or a version under consultation, can be changed');
    const before = await findVersionById(trx, versionId);
    const after = {
      title: form.title,
      change_summary: form.changeSummary ?? null,
      gifts_threshold_pence: form.giftsThreshold,
      gifts_registration_days: form.giftsRegistrationDays,
      register_refused_offers: form.registerRefusedOffers === 'yes',
      training_required: form.trainingRequired === 'yes',
      non_voting_co_opted_sign: form.nonVotingCoOptedSign === 'yes',
    };
    const previous = Object.fromEntries(
      Object.keys(after).map((key) => [key, before?.[key as keyof typeof after] ?? null]),
    );
    if (Object.entries(after).every(([key, value]) => previous[key] === value))
      return done({ changed: false });
    await updateVersion(trx, versionId, after);
    await recordAudit(trx, {
      ...actor,
      entity: 'code_version',
      entityId: versionId,
      action: 'settings-changed',
      before: previous,
      after,
    });
    return done({ changed: true });
  });
}

export interface ReviewInput {
  reviewedOn: string;
  outcome: 'no-change' | 'new-draft';
  notes?: string | undefined;
}

/**
 * Record the annual review of an authority's code in force. "Start a new draft" copies the
 * version in force into a new draft, linked from the review.
 */
export async function recordReview(
  db: Db,
  authorityId: number,
  input: ReviewInput,
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome<{ reviewId: number; draft: NewDraft | null }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId)))
      return refuse('outcome', 'That council no longer exists');
    const inForce = await findVersionInForce(trx, authorityId);
    if (!inForce) return refuse('outcome', 'There is no code in force to review');
    if (input.reviewedOn > today)
      return refuse('reviewedDate', 'The date of the review must be today or in the past');
    if (inForce.in_force_from && input.reviewedOn < inForce.in_force_from)
      return refuse(
        'reviewedDate',
        `The date of the review must be on or after ${longDate(inForce.in_force_from)}, when version ${inForce.number} came into force`,
      );
    const draft =
      input.outcome === 'new-draft'
        ? await copyIntoNewDraft(
            trx,
            authorityId,
            inForce,
            `Started from the annual review of ${longDate(input.reviewedOn)}`,
            actor,
          )
        : null;
    const values = {
      authority_id: authorityId,
      version_id: inForce.id,
      reviewed_on: input.reviewedOn,
      outcome: input.outcome,
      notes: input.notes ?? null,
      new_version_id: draft?.id ?? null,
      recorded_by: actor.actorPersonId,
    };
    const reviewId = await insertReview(trx, values);
    await recordAudit(trx, {
      ...actor,
      entity: 'code_review',
      entityId: reviewId,
      action: 'recorded',
      after: { ...values, version_number: inForce.number },
    });
    return done({ reviewId, draft });
  });
}
