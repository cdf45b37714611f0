import type { Db } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { bringIntoForce, findVersionById, lockAuthority } from '../code-of-conduct/index.js';
import { latestInForceFrom, listDueAdoptedVersions } from './write-repository.js';
import { change, versionIn } from './lifecycle-service.js';
import { longDate } from './dates.js';

/** A unique-index violation of "one version in force per authority", however it came about. */
export function isOneInForceViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === 'code_versions_one_in_force';
}

export interface AdoptInput {
  adoptedOn: string;
  adoptedMinute: string;
  inForceFrom: string;
}

/**
 * Record full Council's adoption. A version whose in-force date has come is brought into force
 * at once, in the same transaction (the version it replaces is superseded and everyone who must
 * sign is reminded); a later date is left to the hourly scheduler. The authority is locked
 * first, so two adoptions at once take turns; and if the database's one-in-force index ever
 * refuses, the adoption is refused with a message rather than failing.
 */
export async function adoptVersion(
  db: Db,
  versionId: number,
  input: AdoptInput,
  actor: Actor,
  options: { baseUrl: string; today?: string },
): Promise<Outcome<{ inForce: boolean }>> {
  const today = options.today ?? todayInEngland();
  try {
    return await db.transaction().execute(async (trx) => {
      const target = await findVersionById(trx, versionId);
      if (!target) return refuse('adoptedDate', 'That version no longer exists');
      await lockAuthority(trx, target.authority_id);
      const found = await versionIn(
        trx,
        versionId,
        ['agreed'],
        'adoptedDate',
        'only a version agreed by committee can be adopted',
      );
      if (!found.ok) return found;
      const version = found.value;
      if (input.adoptedOn > today)
        return refuse('adoptedDate', 'The date it was adopted must be today or in the past');
      if (version.agreed_on && input.adoptedOn < version.agreed_on)
        return refuse(
          'adoptedDate',
          `The date it was adopted must be on or after ${longDate(version.agreed_on)}, when the committee agreed it`,
        );
      if (input.inForceFrom < input.adoptedOn)
        return refuse('inForceDate', 'It cannot come into force before the day it is adopted');
      const latest = await latestInForceFrom(trx, version.authority_id);
      if (latest && input.inForceFrom < latest.in_force_from)
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
          adopted_on: input.adoptedOn,
          adopted_minute: input.adoptedMinute,
          in_force_from: input.inForceFrom,
        },
      );
      if (input.inForceFrom > today) return done({ inForce: false });
      // Versions adopted earlier whose date has also come take effect first, in their order,
      // so that this one, adopted last, is the one left in force.
      const due = await listDueAdoptedVersions(trx, version.authority_id, today);
      for (const other of due.filter((d) => d.id !== versionId)) {
        await bringIntoForce(trx, other.id, today, actor, options.baseUrl);
      }
      const inForce = await bringIntoForce(trx, versionId, today, actor, options.baseUrl);
      return done({ inForce });
    });
  } catch (error) {
    if (!isOneInForceViolation(error)) throw error;
    return refuse(
      'inForceDate',
      'Another version of this code came into force at the same moment, so this adoption was not recorded. Look at the versions and try again',
    );
  }
}
