import type { Db, Trx } from '../db/database.js';
import { lockAuthority } from '../features/code-of-conduct/index.js';
import { recordAudit } from '../platform/audit.js';

/**
 * Add one part of the large dataset to a council generated before that part existed (the
 * benchmark keeps `.bench-data` between runs): once, with the council locked, and only when the
 * council has no row of that part yet. Writes one audit row, so caches see the change.
 */
export async function topUpLargeCouncil<R extends object>(
  db: Db,
  slug: string,
  part: {
    /**
     * the table whose rows for the council show that the part is there; null when only the
     * audit row this writes (its action, for the council) shows it
     */
    table: 'code_versions' | 'reports' | 'programmes' | 'workshop_plans' | null;
    action: string;
    write: (trx: Trx, authorityId: number) => Promise<R>;
  },
): Promise<{ added: false } | ({ added: true } & R)> {
  return db.transaction().execute(async (trx) => {
    const principal = await trx
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!principal) return { added: false as const };
    await lockAuthority(trx, principal.id);
    const existing =
      part.table === null
        ? await trx
            .selectFrom('audit_events')
            .select('id')
            .where('entity', '=', 'large-dataset')
            .where('entity_id', '=', slug)
            .where('action', '=', part.action)
            .limit(1)
            .executeTakeFirst()
        : await trx
            .selectFrom(part.table)
            .select('id')
            .where('authority_id', '=', principal.id)
            .limit(1)
            .executeTakeFirst();
    if (existing) return { added: false as const };
    const result = await part.write(trx, principal.id);
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'large-dataset',
      entityId: slug,
      action: part.action,
      after: { ...(result as Record<string, unknown>) },
    });
    return { added: true as const, ...result };
  });
}
