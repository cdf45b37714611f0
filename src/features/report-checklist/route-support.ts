import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findReport, listManagedAuthorities } from './repository.js';
import { appendixParams, authorityQuery, idParams } from './schemas.js';
export { actorOf, bodyOf } from '../../platform/requests.js';

/** The signed-in administrator, for the audit trail. */

/** The authority the administrator belongs to: theirs and its parishes are theirs to manage. */
export const homeAuthorityOf = (request: FastifyRequest): number => request.user!.authorityId;

/** The `:id` in the path; anything but a plausible id is a page that does not exist. */
export function idFrom(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}

export function appendixIdsFrom(params: unknown): { id: number; appendixId: number } {
  const parsed = appendixParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * The council a list page is about: `?authority=<id>` (or the `authorityId` field of a form)
 * among the administrator's own council and its parishes; their own council when none is given.
 */
export async function authorityFrom(db: Db, request: FastifyRequest, given?: unknown) {
  const parsed = authorityQuery.safeParse(
    given === undefined ? (request.query ?? {}) : { authority: given },
  );
  if (!parsed.success) throw notFound();
  const authorities = await listManagedAuthorities(db, homeAuthorityOf(request));
  const wanted = parsed.data.authority ?? homeAuthorityOf(request);
  const authority = authorities.find((a) => a.id === wanted);
  if (!authority) throw notFound();
  return { authority, authorities };
}

/** A report the administrator may see, or 404. */
export async function reportFrom(db: Db, request: FastifyRequest) {
  const report = await findReport(db, idFrom(request.params), homeAuthorityOf(request));
  if (!report) throw notFound();
  return report;
}
