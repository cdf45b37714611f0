import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { formatDate } from '../../platform/views.js';
import {
  findVersionInForce,
  insertSignOff,
  listOutstandingPeople,
  mustSign,
  type SignOffMethod,
  type VersionInForce,
} from './repository.js';

const readable = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));

export type SignResult = 'signed' | 'already-signed' | 'not-found';

async function record(
  db: Db,
  version: VersionInForce,
  personId: number,
  signedOn: string,
  method: SignOffMethod,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await insertSignOff(trx, {
      versionId: version.id,
      personId,
      signedOn,
      method,
      recordedBy: actor.actorPersonId,
    });
    if (!inserted) return false;
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'code_sign_off',
      entityId: inserted.id,
      action: method === 'paper' ? 'recorded-paper' : 'signed',
      after: {
        version_id: version.id,
        authority: version.authoritySlug,
        version_number: version.number,
        person_id: personId,
        signed_on: signedOn,
        method,
        recorded_by: actor.actorPersonId,
      },
    });
    return true;
  });
}

/**
 * A member signs, online, the version in force that they must sign: recorded with today's
 * date, by them. Signing again changes nothing. A version not in force, or one they need not
 * sign, is 'not-found' (the page answers 404 and tells nothing more).
 */
export async function signCode(
  db: Db,
  versionId: number,
  actor: Actor,
  on: string,
): Promise<SignResult> {
  const version = await findVersionInForce(db, versionId);
  if (!version || !(await mustSign(db, version, actor.actorPersonId, on))) return 'not-found';
  const inserted = await record(db, version, actor.actorPersonId, on, 'online', actor);
  return inserted ? 'signed' : 'already-signed';
}

export interface PaperSignOff {
  personId: number | undefined;
  signedOn: string;
}

/**
 * An officer records a sign-off a member made on paper: the person must be one who must sign
 * the version and has not; the date may be neither in the future nor before the version came
 * into force.
 */
export async function recordPaperSignOff(
  db: Db,
  version: VersionInForce,
  input: PaperSignOff,
  actor: Actor,
  on: string,
): Promise<Outcome<{ name: string }>> {
  const outstanding = await listOutstandingPeople(db, version, on);
  const person = outstanding.find((p) => p.personId === input.personId);
  if (!person) {
    return refuse('personId', 'Choose someone who must sign this code and has not signed it yet');
  }
  if (input.signedOn > on) {
    return refuse('signedOn', 'The date it was signed must be today or in the past');
  }
  if (input.signedOn < version.inForceFrom) {
    return refuse(
      'signedOn',
      `The date it was signed must be on or after ${readable(version.inForceFrom)}, when this code came into force`,
    );
  }
  const inserted = await record(db, version, person.personId, input.signedOn, 'paper', actor);
  if (!inserted) {
    return refuse('personId', 'That person’s sign-off has just been recorded by someone else');
  }
  return done({ name: `${person.givenName} ${person.familyName}` });
}
