import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from './outcome.js';
import {
  findCouncilOrganisation,
  findGssCodeHolder,
  findWardNamesake,
  insertOrganisation,
  lockAuthority,
  lockWard,
} from './write-repository.js';

export interface NewWard {
  authorityId: number;
  name: string;
  gssCode?: string | undefined;
  seats: number;
}

/** Name and GSS code clashes: a ward's name is unique in its council, a GSS code everywhere. */
async function clash(
  trx: Trx,
  authority: { id: number; name: string },
  input: { name: string; gssCode?: string | undefined },
  wardId?: number,
): Promise<ReturnType<typeof refuse> | null> {
  const namesake = await findWardNamesake(trx, authority.id, input.name, wardId);
  if (namesake)
    return refuse('name', `${authority.name} already has a ward called ${namesake.name}`);
  if (input.gssCode) {
    const holder = await findGssCodeHolder(trx, input.gssCode, wardId);
    if (holder)
      return refuse(
        'gssCode',
        `${holder.name} (${holder.authority_name}) already has the GSS code ${input.gssCode}`,
      );
  }
  return null;
}

/** The council's own organisation, which holds the seats: made, and audited, when missing. */
async function councilOrganisation(
  trx: Trx,
  authority: { id: number; name: string },
  actor: Actor,
) {
  const existing = await findCouncilOrganisation(trx, authority.id);
  if (existing) return existing;
  const values = {
    authority_id: authority.id,
    parent_id: null,
    name: authority.name,
    classification: 'council' as const,
    committee_type: null,
  };
  const id = await insertOrganisation(trx, values);
  await recordAudit(trx, {
    ...actor,
    entity: 'organisation',
    entityId: id,
    action: 'created',
    after: values,
  });
  return { id, name: authority.name };
}

/**
 * Add a ward and its seats on the council ("Seat 1", "Seat 2", ...), in one transaction: the
 * ward never exists without its seats. Wards are never deleted.
 */
export async function addWard(
  db: Db,
  input: NewWard,
  actor: Actor,
): Promise<Outcome<{ wardId: number; council: string }>> {
  return db.transaction().execute(async (trx) => {
    const authority = await lockAuthority(trx, input.authorityId);
    if (!authority) return refuse('authorityId', 'Select a council');
    const refused = await clash(trx, authority, input);
    if (refused) return refused;
    const council = await councilOrganisation(trx, authority, actor);
    const area = {
      authority_id: authority.id,
      name: input.name,
      kind: 'ward',
      gss_code: input.gssCode ?? null,
    };
    const ward = await trx
      .insertInto('areas')
      .values(area)
      .returning('id')
      .executeTakeFirstOrThrow();
    const seats = Array.from({ length: input.seats }, (_, i) => ({
      organisation_id: council.id,
      area_id: ward.id,
      label: `Seat ${i + 1}`,
    }));
    const posts = await trx.insertInto('posts').values(seats).returning('id').execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'ward',
      entityId: ward.id,
      action: 'created',
      after: { ...area, seats: input.seats, council: council.name },
    });
    for (const [index, post] of posts.entries()) {
      await recordAudit(trx, {
        ...actor,
        entity: 'post',
        entityId: post.id,
        action: 'created',
        after: seats[index] ?? null,
      });
    }
    return done({ wardId: ward.id, council: council.name });
  });
}

/** Correct a ward's name or GSS code; each changed field is audited. */
export async function updateWard(
  db: Db,
  wardId: number,
  input: { name: string; gssCode?: string | undefined },
  actor: Actor,
): Promise<Outcome<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('areas')
      .select('authority_id')
      .where('id', '=', wardId)
      .executeTakeFirst();
    const authority = owner && (await lockAuthority(trx, owner.authority_id));
    const before = await lockWard(trx, wardId);
    if (!authority || !before) return refuse('name', 'That ward no longer exists');
    const refused = await clash(trx, authority, input, wardId);
    if (refused) return refused;
    const was = { name: before.name, gss_code: before.gss_code };
    const now = { name: input.name, gss_code: input.gssCode ?? null };
    if (was.name === now.name && was.gss_code === now.gss_code) return done({ changed: false });
    await trx.updateTable('areas').set(now).where('id', '=', wardId).execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'ward',
      entityId: wardId,
      action: 'updated',
      before: was,
      after: now,
    });
    return done({ changed: true });
  });
}
