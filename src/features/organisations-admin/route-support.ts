import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { listAuthorities } from './repository.js';
import { authorityQuery, idParams } from './schemas.js';
export { actorOf, bodyOf } from '../../platform/requests.js';

/** The signed-in administrator, for the audit trail. */

/** The `:id` in the path; anything but a plausible id is a page that does not exist. */
export function idFrom(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}

/**
 * The council a page is about: `?authority=<id>`, or the first principal council when none is
 * given. An unknown or malformed id is a 404, like any other record that does not exist.
 */
export async function authorityFrom(db: Db, query: unknown) {
  const parsed = authorityQuery.safeParse(query ?? {});
  if (!parsed.success) throw notFound();
  const authorities = await listAuthorities(db);
  const wanted = parsed.data.authority;
  const authority =
    wanted === undefined ? authorities[0] : authorities.find((a) => a.id === wanted);
  if (!authority) throw notFound();
  return { authority, authorities };
}

/** The submitted form as a plain record (an empty one when nothing was sent). */
