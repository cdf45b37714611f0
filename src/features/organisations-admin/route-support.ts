import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from './outcome.js';
import { listAuthorities } from './repository.js';
import { authorityQuery, idParams } from './schemas.js';

/** The signed-in administrator, for the audit trail. */
export const actorOf = (request: FastifyRequest): Actor => ({
  actorPersonId: request.user!.personId,
  requestId: request.id,
});

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
export const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body ?? {}) as Record<string, unknown>;
