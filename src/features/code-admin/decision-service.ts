import type { Trx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { bringIntoForce, findVersionById, lockAuthority } from '../code-of-conduct/index.js';
import { countItems } from './repository.js';
import { latestInForceFrom, listDueAdoptedVersions } from './write-repository.js';
import { change, versionIn } from './lifecycle-service.js';
import { longDate } from './dates.js';

/**
 * A committee's or full Council's recorded decision moving a code version on (issue 5). These
 * run inside the caller's transaction — the one that records the resolution — so a refusal
 * here means the caller returns without committing and nothing at all is written. The checks
 * are those of the manual agree and adopt steps; the dates come from the meeting.
 */
export interface ResolutionDecision {
  /** the resolution being recorded */
  resolutionId: number;
  /** the meeting's date in England */
  meetingDate: string;
  /** the committee, sub-committee or council organisation that met */
  organisationId: number;
  organisationAuthorityId: number;
  organisationName: string;
  minuteReference: string;
}

const notSameCouncil = (field: string) =>
  refuse(
    field,
    'The code version linked to this recommendation belongs to another council, so this meeting cannot decide on it',
  );

/** A committee or sub-committee agreed the version: it becomes "agreed by committee". */
export async function agreeVersionByResolution(
  trx: Trx,
  versionId: number,
  decision: ResolutionDecision,
  actor: Actor,
  field: string,
  today: string = todayInEngland(),
): Promise<Outcome> {
  const found = await versionIn(
    trx,
    versionId,
    ['draft', 'consultation'],
    field,
    'only a draft, or a version under consultation, can be agreed by a committee',
  );
  if (!found.ok) return found;
  const version = found.value;
  if (version.authority_id !== decision.organisationAuthorityId) return notSameCouncil(field);
  if ((await countItems(trx, versionId)) === 0)
    return refuse(field, `Version ${version.number} has no paragraphs, so it cannot be agreed`);
  if (decision.meetingDate > today)
    return refuse(field, 'A decision can be recorded only on or after the day of the meeting');
  if (version.consultation_opened_on && decision.meetingDate < version.consultation_opened_on)
    return refuse(
      field,
      `The meeting was before ${longDate(version.consultation_opened_on)}, when the consultation on version ${version.number} opened`,
    );
  await change(
    trx,
    actor,
    versionId,
    'agreed',
    { status: version.status },
    {
      status: 'agreed',
      agreed_on: decision.meetingDate,
      agreed_by_organisation_id: decision.organisationId,
      agreed_minute: decision.minuteReference,
      agreed_resolution_id: decision.resolutionId,
    },
    { agreed_by: decision.organisationName },
  );
  return done(undefined);
}

/**
 * Full Council adopted the version: it is adopted, and brought into force at once when its
 * in-force date (the meeting's date unless a later one is given) has come, exactly as the
 * manual adoption does. The authority is locked first, so adoptions take turns.
 */
export async function adoptVersionByResolution(
  trx: Trx,
  versionId: number,
  decision: ResolutionDecision & { inForceFrom?: string | undefined },
  actor: Actor,
  field: string,
  options: { baseUrl: string; today?: string },
): Promise<Outcome<{ inForce: boolean }>> {
  const today = options.today ?? todayInEngland();
  const target = await findVersionById(trx, versionId);
  if (!target) return refuse(field, 'That code version no longer exists');
  if (target.authority_id !== decision.organisationAuthorityId) return notSameCouncil(field);
  await lockAuthority(trx, target.authority_id);
  const found = await versionIn(
    trx,
    versionId,
    ['agreed'],
    field,
    'only a version agreed by committee can be adopted by full Council',
  );
  if (!found.ok) return found;
  const version = found.value;
  const adoptedOn = decision.meetingDate;
  const inForceFrom = decision.inForceFrom ?? adoptedOn;
  if (adoptedOn > today)
    return refuse(field, 'A decision can be recorded only on or after the day of the meeting');
  if (version.agreed_on && adoptedOn < version.agreed_on)
    return refuse(
      field,
      `The meeting was before ${longDate(version.agreed_on)}, when the committee agreed version ${version.number}`,
    );
  if (inForceFrom < adoptedOn)
    return refuse('inForceDate', 'It cannot come into force before the day of the meeting');
  const latest = await latestInForceFrom(trx, version.authority_id);
  if (latest && inForceFrom < latest.in_force_from)
    return refuse(
      'inForceDate',
      `It cannot come into force before ${longDate(latest.in_force_from)}, when version ${latest.number} ${latest.status === 'in-force' ? 'came' : 'comes'} into force`,
    );
  await change(
    trx,
    actor,
    versionId,
    'adopted',
    { status: 'agreed' },
    {
      status: 'adopted',
      adopted_on: adoptedOn,
      adopted_minute: decision.minuteReference,
      adopted_resolution_id: decision.resolutionId,
      in_force_from: inForceFrom,
    },
  );
  if (inForceFrom > today) return done({ inForce: false });
  const due = await listDueAdoptedVersions(trx, version.authority_id, today);
  for (const other of due.filter((d) => d.id !== versionId)) {
    await bringIntoForce(trx, other.id, today, actor, options.baseUrl);
  }
  const inForce = await bringIntoForce(trx, versionId, today, actor, options.baseUrl);
  return done({ inForce });
}
