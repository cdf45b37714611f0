import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../db/database.js';
import { notFound } from './errors.js';

/**
 * One deployment serves a principal council, its parishes and (in tests) other principal
 * councils. An administrator sees their own council's records and its parishes', never another
 * principal council's: such a record answers 404, as one that does not exist.
 */
export async function withinCouncil(
  db: Db,
  userAuthorityId: number,
  recordAuthorityId: number,
): Promise<boolean> {
  if (recordAuthorityId === userAuthorityId) return true;
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('id', '=', recordAuthorityId)
    .where('parent_id', '=', userAuthorityId)
    .executeTakeFirst();
  return row !== undefined;
}

/** For each route parameter guarded, the council of the record it names (null: no such record). */
export type CouncilOf = Record<string, (db: Db, value: string) => Promise<number | null>>;

/**
 * A preHandler for a feature's `/admin/...` routes: when a guarded parameter names a record of a
 * council outside the signed-in administrator's, the page answers 404 before the handler runs.
 * A record that does not exist is left to the handler (which answers 404 itself). Routes outside
 * `/admin/` (public pages) are not touched.
 */
export function councilGuard(db: Db, councilOf: CouncilOf): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/admin/') || !request.user) return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    for (const [name, lookup] of Object.entries(councilOf)) {
      const value = params[name];
      if (value === undefined) continue;
      const authorityId = await lookup(db, value);
      if (authorityId === null) continue;
      if (!(await withinCouncil(db, request.user.authorityId, authorityId))) throw notFound();
    }
  };
}

/** A positive whole number from a path segment, or null. */
export const idOf = (value: string): number | null =>
  /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;

const byId =
  (
    find: (db: Db, id: number) => Promise<{ authority_id: number } | undefined>,
  ): ((db: Db, value: string) => Promise<number | null>) =>
  async (db, value) => {
    const id = idOf(value);
    return id === null ? null : ((await find(db, id))?.authority_id ?? null);
  };

/** The council of the record a path parameter names, for the common kinds of record. */
export const councilOf = {
  codeVersion: byId((db, id) =>
    db.selectFrom('code_versions').select('authority_id').where('id', '=', id).executeTakeFirst(),
  ),
  authoritySlug: async (db: Db, slug: string): Promise<number | null> =>
    (await db.selectFrom('authorities').select('id').where('slug', '=', slug).executeTakeFirst())
      ?.id ?? null,
  person: byId((db, id) =>
    db.selectFrom('people').select('authority_id').where('id', '=', id).executeTakeFirst(),
  ),
  organisation: byId((db, id) =>
    db.selectFrom('organisations').select('authority_id').where('id', '=', id).executeTakeFirst(),
  ),
  area: byId((db, id) =>
    db.selectFrom('areas').select('authority_id').where('id', '=', id).executeTakeFirst(),
  ),
  trainingSession: byId((db, id) =>
    db
      .selectFrom('training_sessions')
      .innerJoin('courses', 'courses.id', 'training_sessions.course_id')
      .innerJoin('programmes', 'programmes.id', 'courses.programme_id')
      .select('programmes.authority_id')
      .where('training_sessions.id', '=', id)
      .executeTakeFirst(),
  ),
};
