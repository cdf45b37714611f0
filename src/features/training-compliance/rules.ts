import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { trimmed } from '../../platform/forms.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';

const text = z.preprocess(trimmed, z.string().optional());

/**
 * A rule as the form gives it. Every field is checked in one pass, so the error summary names
 * every problem at once, whichever fields are missing.
 */
export const ruleForm = z
  .object({
    name: text,
    topic: text,
    kind: text,
    withinMonths: text,
    committeeId: text,
  })
  .superRefine((value, ctx) => {
    const problem = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (!value.name) problem('name', 'Enter a name for the rule');
    else if (value.name.length > 200) problem('name', 'The name must be 200 characters or fewer');
    if (!value.topic) problem('topic', 'Enter the topic a course must have to count');
    else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value.topic)) {
      problem(
        'topic',
        'The topic must be lower-case letters and digits joined by hyphens, like code-of-conduct',
      );
    }
    if (value.kind === 'within-months') {
      const months = Number(value.withinMonths);
      if (!value.withinMonths || !Number.isInteger(months) || months < 1 || months > 36) {
        problem('withinMonths', 'Enter a whole number of months from 1 to 36');
      }
    } else if (value.kind === 'before-sitting') {
      if (!value.committeeId || !/^\d+$/.test(value.committeeId)) {
        problem('committeeId', 'Select the committee');
      }
    } else {
      problem('kind', 'Select when the training must be done');
    }
  })
  .transform((value) => ({
    name: value.name!,
    topic: value.topic!,
    kind: value.kind as 'within-months' | 'before-sitting',
    withinMonths: value.withinMonths,
    committeeId: value.committeeId,
  }));
export type RuleInput = z.infer<typeof ruleForm>;

const columns = (input: RuleInput) => ({
  name: input.name,
  topic: input.topic,
  kind: input.kind,
  within_months: input.kind === 'within-months' ? Number(input.withinMonths) : null,
  committee_id: input.kind === 'before-sitting' ? Number(input.committeeId) : null,
});

/** Check that the committee is one of the council's own, still sitting. */
async function committeeOk(db: Db, authorityId: number, input: RuleInput): Promise<boolean> {
  if (input.kind !== 'before-sitting') return true;
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', Number(input.committeeId))
    .where('authority_id', '=', authorityId)
    .where('classification', 'in', ['committee', 'sub-committee'])
    .where('dissolved_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listCommittees(db: Db, authorityId: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where('classification', 'in', ['committee', 'sub-committee'])
    .where('dissolved_on', 'is', null)
    .orderBy('name')
    .execute();
}

export async function findRule(db: Db, authorityId: number, id: number) {
  return db
    .selectFrom('compliance_rules')
    .selectAll()
    .where('id', '=', id)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
}

export async function saveRule(
  db: Db,
  authorityId: number,
  ruleId: number | null,
  input: RuleInput,
  actor: Actor,
): Promise<Outcome<number>> {
  if (!(await committeeOk(db, authorityId, input))) {
    return refuse('committeeId', 'Select one of your council’s committees');
  }
  return db.transaction().execute(async (trx) => {
    const values = columns(input);
    if (ruleId === null) {
      const { id } = await trx
        .insertInto('compliance_rules')
        .values({ authority_id: authorityId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        ...actor,
        entity: 'compliance-rule',
        entityId: id,
        action: 'created',
        after: values,
      });
      return done(id);
    }
    const before = await trx
      .selectFrom('compliance_rules')
      .select(['name', 'topic', 'kind', 'within_months', 'committee_id'])
      .where('id', '=', ruleId)
      .where('authority_id', '=', authorityId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return refuse('name', 'That rule no longer exists');
    await trx.updateTable('compliance_rules').set(values).where('id', '=', ruleId).execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'compliance-rule',
      entityId: ruleId,
      action: 'changed',
      before,
      after: values,
    });
    return done(ruleId);
  });
}

export async function removeRule(db: Db, authorityId: number, ruleId: number, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom('compliance_rules')
      .where('id', '=', ruleId)
      .where('authority_id', '=', authorityId)
      .returning(['name', 'topic', 'kind', 'within_months', 'committee_id'])
      .executeTakeFirst();
    if (before) {
      await recordAudit(trx, {
        ...actor,
        entity: 'compliance-rule',
        entityId: ruleId,
        action: 'removed',
        before,
      });
    }
    return before !== undefined;
  });
}
