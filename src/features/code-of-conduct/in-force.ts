import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { enqueueEmail } from '../../platform/outbox.js';
import { findVersionById, lockAuthority } from './repository.js';
import { listSigners } from './signers.js';

/** Who or what is bringing a version into force, for the audit trail. */
export interface InForceActor {
  actorPersonId: number | null;
  requestId?: string | null;
}

/**
 * Bring an adopted version into force on `on`: the version in force until then is superseded
 * that day, and everyone who must sign the code is reminded through the outbox, because their
 * sign-off of the old version no longer counts. Run in the caller's transaction; the authority
 * row is locked first, so two adoptions racing each other take turns, and the partial unique
 * index on `code_versions` refuses a second version in force whatever happens.
 *
 * Returns false (changing nothing) unless the version is adopted and due.
 */
export async function bringIntoForce(
  trx: DbOrTrx,
  versionId: number,
  on: string,
  actor: InForceActor,
  baseUrl: string,
): Promise<boolean> {
  const before = await findVersionById(trx, versionId);
  if (!before) return false;
  await lockAuthority(trx, before.authority_id);
  const version = await findVersionById(trx, versionId);
  if (!version || version.status !== 'adopted' || version.in_force_from === null) return false;
  if (version.in_force_from > on) return false;

  const previous = await trx
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: version.in_force_from, updated_at: sql`now()` })
    .where('authority_id', '=', version.authority_id)
    .where('status', '=', 'in-force')
    .returning(['id', 'number'])
    .execute();
  for (const p of previous) {
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId ?? null,
      entity: 'code_version',
      entityId: p.id,
      action: 'superseded',
      before: { status: 'in-force' },
      after: {
        status: 'superseded',
        superseded_on: version.in_force_from,
        superseded_by: version.number,
      },
    });
  }
  await trx
    .updateTable('code_versions')
    .set({ status: 'in-force', updated_at: sql`now()` })
    .where('id', '=', versionId)
    .execute();
  await recordAudit(trx, {
    actorPersonId: actor.actorPersonId,
    requestId: actor.requestId ?? null,
    entity: 'code_version',
    entityId: versionId,
    action: 'in-force',
    before: { status: 'adopted' },
    after: { status: 'in-force', in_force_from: version.in_force_from },
  });
  await remindSigners(trx, versionId, baseUrl);
  return true;
}

/** One email per person who must sign the version and has an address, through the outbox. */
async function remindSigners(trx: DbOrTrx, versionId: number, baseUrl: string): Promise<void> {
  const version = await findVersionById(trx, versionId);
  if (!version || version.in_force_from === null) return;
  const signers = await listSigners(
    trx,
    version.authority_id,
    version.in_force_from,
    version.non_voting_co_opted_sign,
  );
  for (const signer of signers) {
    if (!signer.email) continue;
    await enqueueEmail(trx, {
      to: signer.email,
      subject: `Please sign the ${version.authorityName} code of conduct`,
      text: [
        `Dear ${signer.givenName} ${signer.familyName},`,
        '',
        `${version.authorityName} has a new code of conduct for members, "${version.title}", in force from ${version.in_force_from}.`,
        'Your sign-off of the previous code no longer counts. Please read the new code and record that you will observe it:',
        `${baseUrl}/dashboard`,
        '',
        `Read the code: ${baseUrl}/code/${version.authoritySlug}/${version.number}`,
      ].join('\n'),
    });
  }
}

/**
 * Bring into force every adopted version whose date has come (a council may adopt a code in
 * March to come into force in May). Each in its own transaction. Returns how many changed.
 */
export async function bringDueVersionsIntoForce(
  db: Db,
  baseUrl: string,
  on: string = todayInEngland(),
): Promise<number> {
  const due = await db
    .selectFrom('code_versions')
    .select('id')
    .where('status', '=', 'adopted')
    .where('in_force_from', '<=', on)
    .orderBy('in_force_from')
    .orderBy('id')
    .execute();
  let changed = 0;
  for (const { id } of due) {
    const did = await db
      .transaction()
      .execute((trx) => bringIntoForce(trx, id, on, { actorPersonId: null }, baseUrl));
    if (did) changed += 1;
  }
  return changed;
}
