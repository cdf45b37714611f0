import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { findVersionById, type CodeVersion } from '../code-of-conduct/index.js';
import { findAuthorityBySlug, type AuthorityRow } from './repository.js';
import { idParams, itemParams, slugParams } from './schemas.js';
export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** The signed-in administrator, for the audit trail. */

/** The submitted form as a plain record (an empty one when nothing was sent). */

/** The council named by `:slug`; an unknown or malformed slug is a page that does not exist. */
export async function authorityFrom(db: Db, params: unknown): Promise<AuthorityRow> {
  const parsed = slugParams.safeParse(params);
  const authority = parsed.success ? await findAuthorityBySlug(db, parsed.data.slug) : null;
  if (!authority) throw notFound();
  return authority;
}

/** The version named by `:id`. */
export async function versionFrom(db: Db, params: unknown): Promise<CodeVersion> {
  const parsed = idParams.safeParse(params);
  const version = parsed.success ? await findVersionById(db, parsed.data.id) : null;
  if (!version) throw notFound();
  return version;
}

/** The version and the item lineage named by `:id/items/:lineage`. */
export async function versionAndLineageFrom(db: Db, params: unknown) {
  const parsed = itemParams.safeParse(params);
  if (!parsed.success) throw notFound();
  const version = await findVersionById(db, parsed.data.id);
  if (!version) throw notFound();
  return { version, lineage: parsed.data.lineage.toLowerCase() };
}

export const paths = {
  list: '/admin/code',
  authority: (slug: string) => `/admin/code/${slug}`,
  version: (id: number) => `/admin/code/versions/${id}`,
  preview: (id: number) => `/admin/code/versions/${id}/preview`,
};

/** Form problems in page order: each field's message and the error summary's list. */
