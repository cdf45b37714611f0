import type { DbOrTrx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/outcome.js';
import { lockAuthority } from '../code-of-conduct/index.js';

/**
 * The checklist a council starts with, in the order its report template lists it. Money and
 * law are always cleared by the officer responsible; so is equality, which the template asks a
 * named officer to sign for as well.
 */
export const DEFAULT_IMPLICATION_TYPES: readonly {
  key: string;
  label: string;
  needsClearance: boolean;
}[] = [
  { key: 'financial', label: 'Financial implications', needsClearance: true },
  { key: 'legal', label: 'Legal implications', needsClearance: true },
  { key: 'equality', label: 'Equality of opportunity implications', needsClearance: true },
  { key: 'health-inequalities', label: 'Health inequalities implications', needsClearance: false },
  { key: 'human-rights', label: 'Human rights implications', needsClearance: false },
  {
    key: 'environment',
    label: 'Environmental and sustainability implications',
    needsClearance: false,
  },
  { key: 'economic', label: 'Economic impact', needsClearance: false },
  { key: 'community-safety', label: 'Community safety implications', needsClearance: false },
  { key: 'human-resources', label: 'Human resources implications', needsClearance: false },
  { key: 'property', label: 'Property implications', needsClearance: false },
];

/**
 * Give an authority the default checklist if it has no implication types at all (retired ones
 * count: a council that retired everything keeps its choice). Locks the authority's row first,
 * so two requests at once add the list once. Returns how many types were added (0 or 10).
 * Call it inside a transaction.
 */
export async function ensureImplicationTypes(
  trx: DbOrTrx,
  authorityId: number,
  actor?: Actor,
): Promise<number> {
  const existing = await trx
    .selectFrom('implication_types')
    .select('id')
    .where('authority_id', '=', authorityId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  if (!(await lockAuthority(trx, authorityId))) return 0;
  const again = await trx
    .selectFrom('implication_types')
    .select('id')
    .where('authority_id', '=', authorityId)
    .limit(1)
    .executeTakeFirst();
  if (again) return 0;
  const rows = DEFAULT_IMPLICATION_TYPES.map((t, index) => ({
    authority_id: authorityId,
    key: t.key,
    label: t.label,
    position: index + 1,
    needs_clearance: t.needsClearance,
  }));
  await trx.insertInto('implication_types').values(rows).execute();
  await recordAudit(trx, {
    actorPersonId: actor?.actorPersonId ?? null,
    requestId: actor?.requestId ?? null,
    entity: 'authority',
    entityId: authorityId,
    action: 'implication-types-defaulted',
    after: { implication_types: rows.map((r) => r.key) },
  });
  return rows.length;
}
