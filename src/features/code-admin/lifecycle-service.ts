import type { Updateable } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { CodeVersionStatus, CodeVersionsTable } from '../../db/schema.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { findVersionById } from '../code-of-conduct/index.js';
import { countItems, listAgreeingBodies } from './repository.js';
import { insertComment, lockVersion, updateVersion } from './write-repository.js';
import { STATUS_LABELS } from './statuses.js';
import { longDate } from './dates.js';

/**
 * A version's journey: draft → under consultation (optional) → agreed by committee → adopted
 * by full Council → in force → superseded; or withdrawn before adoption. Each step checks the
 * version's status as it is inside the step's own transaction, refuses with a reason otherwise,
 * and writes an audit record with the change.
 */
type Refused = { ok: false; refusal: { field: string; message: string } };

const wrongStatus = (
  field: string,
  number: number,
  status: CodeVersionStatus,
  allowed: string,
): Refused =>
  refuse(
    field,
    `Version ${number} is ${STATUS_LABELS[status].toLowerCase()}: ${allowed}. Nothing was changed`,
  );

/** Lock the version and check its status; the version as it is now, or why not. */
export async function versionIn(
  trx: Trx,
  versionId: number,
  statuses: readonly CodeVersionStatus[],
  field: string,
  allowed: string,
) {
  const locked = await lockVersion(trx, versionId);
  const version = locked ? await findVersionById(trx, versionId) : null;
  if (!version) return refuse(field, 'That version no longer exists');
  if (!statuses.includes(version.status))
    return wrongStatus(field, version.number, version.status, allowed);
  return done(version);
}

const EMPTY = 'A version with no paragraphs cannot leave draft: add its text first';

export async function change(
  trx: Trx,
  actor: Actor,
  versionId: number,
  action: string,
  before: Record<string, unknown>,
  after: Updateable<CodeVersionsTable>,
  audited: Record<string, unknown> = {},
) {
  await updateVersion(trx, versionId, after);
  await recordAudit(trx, {
    ...actor,
    entity: 'code_version',
    entityId: versionId,
    action,
    before,
    after: { ...after, ...audited },
  });
}

export async function openConsultation(
  db: Db,
  versionId: number,
  input: { openedOn: string; closesOn: string },
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await versionIn(
      trx,
      versionId,
      ['draft'],
      'openedDate',
      'only a draft can be put out to consultation',
    );
    if (!found.ok) return found;
    if ((await countItems(trx, versionId)) === 0) return refuse('openedDate', EMPTY);
    if (input.closesOn < input.openedOn)
      return refuse('closesDate', 'The consultation must close on or after the day it opens');
    await change(
      trx,
      actor,
      versionId,
      'consultation-opened',
      { status: 'draft', consultation_opened_on: null, consultation_closes_on: null },
      {
        status: 'consultation',
        consultation_opened_on: input.openedOn,
        consultation_closes_on: input.closesOn,
      },
    );
    return done(undefined);
  });
}

export interface CommentInput {
  consultee: string;
  organisation?: string | undefined;
  receivedOn: string;
  comment: string;
}

export async function recordConsultationComment(
  db: Db,
  versionId: number,
  input: CommentInput,
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await versionIn(
      trx,
      versionId,
      ['consultation'],
      'consultee',
      'comments are recorded only while a version is under consultation',
    );
    if (!found.ok) return found;
    if (input.receivedOn > today)
      return refuse('receivedDate', 'The date it was received must be today or in the past');
    const opened = found.value.consultation_opened_on;
    if (opened && input.receivedOn < opened)
      return refuse(
        'receivedDate',
        `The date it was received must be on or after ${longDate(opened)}, when the consultation opened`,
      );
    const values = {
      version_id: versionId,
      consultee: input.consultee,
      organisation: input.organisation ?? null,
      received_on: input.receivedOn,
      comment: input.comment,
      recorded_by: actor.actorPersonId,
    };
    const id = await insertComment(trx, values);
    await recordAudit(trx, {
      ...actor,
      entity: 'code_consultation_comment',
      entityId: id,
      action: 'recorded',
      after: values,
    });
    return done(undefined);
  });
}

export async function agreeVersion(
  db: Db,
  versionId: number,
  input: { agreedOn: string; organisationId: number; agreedMinute: string },
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await versionIn(
      trx,
      versionId,
      ['draft', 'consultation'],
      'agreedDate',
      'only a draft, or a version under consultation, can be agreed',
    );
    if (!found.ok) return found;
    const version = found.value;
    if ((await countItems(trx, versionId)) === 0) return refuse('agreedDate', EMPTY);
    if (input.agreedOn > today)
      return refuse('agreedDate', 'The date it was agreed must be today or in the past');
    if (version.consultation_opened_on && input.agreedOn < version.consultation_opened_on)
      return refuse(
        'agreedDate',
        `The date it was agreed must be on or after ${longDate(version.consultation_opened_on)}, when the consultation opened`,
      );
    const bodies = await listAgreeingBodies(trx, {
      id: version.authority_id,
      kind: version.authorityKind,
    });
    const body = bodies.find((b) => b.id === input.organisationId);
    if (!body)
      return refuse('organisationId', `Select a current committee of ${version.authorityName}`);
    // Issue 5 (committee reports and decisions) will link this agreement to the committee's
    // recorded decision; until then the committee, date and minute reference are kept here.
    await change(
      trx,
      actor,
      versionId,
      'agreed',
      { status: version.status },
      {
        status: 'agreed',
        agreed_on: input.agreedOn,
        agreed_by_organisation_id: body.id,
        agreed_minute: input.agreedMinute,
      },
      { agreed_by: body.name },
    );
    return done(undefined);
  });
}

export async function withdrawVersion(
  db: Db,
  versionId: number,
  input: { withdrawnOn: string; reason: string },
  actor: Actor,
  today: string = todayInEngland(),
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const found = await versionIn(
      trx,
      versionId,
      ['draft', 'consultation', 'agreed'],
      'withdrawnDate',
      'a version can be withdrawn only before full Council adopts it',
    );
    if (!found.ok) return found;
    if (input.withdrawnOn > today)
      return refuse('withdrawnDate', 'The date it was withdrawn must be today or in the past');
    await change(
      trx,
      actor,
      versionId,
      'withdrawn',
      { status: found.value.status },
      { status: 'withdrawn', withdrawn_on: input.withdrawnOn },
      { reason: input.reason },
    );
    return done(undefined);
  });
}
