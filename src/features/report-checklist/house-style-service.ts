import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { lockAuthority } from '../code-of-conduct/index.js';
import { findHouseStyleNamesake, type HouseStyleWord } from './repository.js';

export interface HouseStyleInput {
  pattern: string;
  advice: string;
}

const clash = (pattern: string) =>
  refuse('pattern', `The list already has advice for “${pattern}”: edit that entry instead`);

export async function addHouseStyleWord(
  db: Db,
  authorityId: number,
  input: HouseStyleInput,
  actor: Actor,
): Promise<Outcome<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockAuthority(trx, authorityId)))
      return refuse('pattern', 'That council no longer exists');
    const namesake = await findHouseStyleNamesake(trx, authorityId, input.pattern);
    if (namesake) return clash(namesake.pattern);
    const values = { authority_id: authorityId, pattern: input.pattern, advice: input.advice };
    const row = await trx
      .insertInto('house_style_words')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...actor,
      entity: 'house-style-word',
      entityId: row.id,
      action: 'created',
      after: values,
    });
    return done({ id: row.id });
  });
}

export async function updateHouseStyleWord(
  db: Db,
  word: HouseStyleWord,
  input: HouseStyleInput,
  actor: Actor,
): Promise<Outcome<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    await lockAuthority(trx, word.authority_id);
    const current = await trx
      .selectFrom('house_style_words')
      .selectAll()
      .where('id', '=', word.id)
      .executeTakeFirst();
    if (!current) return refuse('pattern', 'That entry has been removed from the list');
    const namesake = await findHouseStyleNamesake(trx, word.authority_id, input.pattern, word.id);
    if (namesake) return clash(namesake.pattern);
    if (current.pattern === input.pattern && current.advice === input.advice) {
      return done({ changed: false });
    }
    await trx
      .updateTable('house_style_words')
      .set({ pattern: input.pattern, advice: input.advice })
      .where('id', '=', word.id)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'house-style-word',
      entityId: word.id,
      action: 'updated',
      before: { pattern: current.pattern, advice: current.advice },
      after: { pattern: input.pattern, advice: input.advice },
    });
    return done({ changed: true });
  });
}

/** Take a word off the list; the audit trail keeps what it said. */
export async function removeHouseStyleWord(
  db: Db,
  word: HouseStyleWord,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('house_style_words')
      .where('id', '=', word.id)
      .returningAll()
      .executeTakeFirst();
    if (!removed) return false;
    await recordAudit(trx, {
      ...actor,
      entity: 'house-style-word',
      entityId: word.id,
      action: 'removed',
      before: {
        authority_id: removed.authority_id,
        pattern: removed.pattern,
        advice: removed.advice,
      },
    });
    return true;
  });
}
