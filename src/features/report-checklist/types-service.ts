import type { Db, Trx } from '../../db/database.js';
import { todayInEngland } from '../../db/current.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { lockAuthority } from '../code-of-conduct/index.js';
import { ensureImplicationTypes } from './defaults.js';
import { listImplicationTypes, lockImplicationType, type ImplicationType } from './repository.js';
import { keyFromLabel } from './schemas.js';

/** The authority's checklist, with the defaults added the first time anyone looks. */
export async function loadChecklist(
  db: Db,
  authorityId: number,
  actor: Actor,
): Promise<ImplicationType[]> {
  return db.transaction().execute(async (trx) => {
    await ensureImplicationTypes(trx, authorityId, actor);
    return listImplicationTypes(trx, authorityId);
  });
}

const audited = (type: ImplicationType) => ({
  key: type.key,
  label: type.label,
  position: type.position,
  needs_clearance: type.needs_clearance,
  retired_on: type.retired_on,
});

const sameLabel = (types: ImplicationType[], label: string, exceptId?: number) =>
  types.find((t) => t.id !== exceptId && t.label.toLowerCase() === label.toLowerCase());

/** Add a type at the end of the checklist, with a key made from its name. */
export async function addImplicationType(
  db: Db,
  authorityId: number,
  input: { label: string; needsClearance: boolean },
  actor: Actor,
): Promise<Outcome<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId)))
      return refuse('label', 'That council no longer exists');
    await ensureImplicationTypes(trx, authorityId, actor);
    const types = await listImplicationTypes(trx, authorityId);
    const clash = sameLabel(types, input.label);
    if (clash) return refuse('label', `The checklist already has ${clash.label}`);
    const base = keyFromLabel(input.label);
    let key = base;
    for (let n = 2; types.some((t) => t.key === key); n += 1) key = `${base}-${n}`;
    const values = {
      authority_id: authorityId,
      key,
      label: input.label,
      position: Math.max(0, ...types.map((t) => t.position)) + 1,
      needs_clearance: input.needsClearance,
    };
    const row = await trx
      .insertInto('implication_types')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'implication-type',
      entityId: row.id,
      action: 'created',
      after: values,
    });
    return done({ id: row.id });
  });
}

type Change =
  | { kind: 'rename'; label: string }
  | { kind: 'toggle-clearance' }
  | { kind: 'retire' }
  | { kind: 'restore' }
  | { kind: 'move'; direction: 'up' | 'down' };

async function applyChange(
  trx: Trx,
  authorityId: number,
  type: ImplicationType,
  change: Change,
): Promise<Outcome<{ changed: boolean; after: ImplicationType }>> {
  const update = async (set: Partial<ImplicationType>) => {
    const after = await trx
      .updateTable('implication_types')
      .set(set)
      .where('id', '=', type.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return done({ changed: true, after });
  };
  switch (change.kind) {
    case 'rename': {
      if (change.label === type.label) return done({ changed: false, after: type });
      const clash = sameLabel(await listImplicationTypes(trx, authorityId), change.label, type.id);
      if (clash) return refuse('label', `The checklist already has ${clash.label}`);
      return update({ label: change.label });
    }
    case 'toggle-clearance':
      return update({ needs_clearance: !type.needs_clearance });
    case 'retire':
      if (type.retired_on) return done({ changed: false, after: type });
      return update({ retired_on: todayInEngland() });
    case 'restore':
      if (!type.retired_on) return done({ changed: false, after: type });
      return update({ retired_on: null });
    case 'move': {
      const types = await listImplicationTypes(trx, authorityId);
      const at = types.findIndex((t) => t.id === type.id);
      const other = types[change.direction === 'up' ? at - 1 : at + 1];
      if (!other) return done({ changed: false, after: type });
      const order = [...types];
      const to = change.direction === 'up' ? at - 1 : at + 1;
      [order[at], order[to]] = [other, type];
      for (const [index, t] of order.entries()) {
        if (t.position === index + 1) continue;
        await trx
          .updateTable('implication_types')
          .set({ position: index + 1 })
          .where('id', '=', t.id)
          .execute();
      }
      const after = await lockImplicationType(trx, type.id, authorityId);
      return done({ changed: true, after: after ?? type });
    }
  }
}

const ACTIONS: Record<Change['kind'], string> = {
  rename: 'renamed',
  'toggle-clearance': 'clearance-changed',
  retire: 'retired',
  restore: 'restored',
  move: 'moved',
};

/** Change one type of an authority's checklist, audited with what it was before. */
export async function changeImplicationType(
  db: Db,
  authorityId: number,
  typeId: number,
  change: Change,
  actor: Actor,
): Promise<Outcome<{ changed: boolean; type: ImplicationType }> | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId))) return null;
    const type = await lockImplicationType(trx, typeId, authorityId);
    if (!type) return null;
    const outcome = await applyChange(trx, authorityId, type, change);
    if (!outcome.ok) return outcome;
    if (outcome.value.changed) {
      await recordAudit(trx, {
        ...actor,
        entity: 'implication-type',
        entityId: type.id,
        action: ACTIONS[change.kind],
        before: audited(type),
        after: audited(outcome.value.after),
      });
    }
    return done({ changed: outcome.value.changed, type: outcome.value.after });
  });
}
