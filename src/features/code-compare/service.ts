import type { Db } from '../../db/database.js';
import {
  PUBLISHED_STATUSES,
  findVersionById,
  findVersionByNumber,
  listItems,
  listVersions,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import { compareVersions } from './compare.js';
import { findAuthority, type CodeAuthority } from './repository.js';
import type { VersionComparison } from './view-model.js';

/** Versions the public may read: adopted, in force or superseded. */
export const isPublished = (version: CodeVersion): boolean =>
  PUBLISHED_STATUSES.includes(version.status);

/** Both versions' items in two queries, whatever the length of the code, then pure work. */
async function compare(db: Db, from: CodeVersion, to: CodeVersion): Promise<VersionComparison> {
  const [before, after] = await Promise.all([listItems(db, from.id), listItems(db, to.id)]);
  return { from, to, comparison: compareVersions(before, after) };
}

/**
 * Two published versions of an authority's code, by number, compared from the first to the
 * second; null when either is unknown or not published (the public may not know it exists).
 */
export async function comparePublishedVersions(
  db: Db,
  slug: string,
  fromNumber: number,
  toNumber: number,
): Promise<VersionComparison | null> {
  const [from, to] = await Promise.all([
    findVersionByNumber(db, slug, fromNumber),
    findVersionByNumber(db, slug, toNumber),
  ]);
  if (!from || !to || !isPublished(from) || !isPublished(to)) return null;
  return compare(db, from, to);
}

/** An authority and its published versions, newest first, for the public form; null if none. */
export async function listPublishedVersions(
  db: Db,
  slug: string,
): Promise<{ authority: CodeAuthority; versions: CodeVersion[] } | null> {
  const authority = await findAuthority(db, slug);
  if (!authority) return null;
  const versions = (await listVersions(db, authority.id)).filter(isPublished);
  return { authority, versions };
}

/** A version and every other version of the same authority's code, newest first. */
export async function findVersionAndOthers(
  db: Db,
  id: number,
): Promise<{ version: CodeVersion; others: CodeVersion[] } | null> {
  const version = await findVersionById(db, id);
  if (!version) return null;
  const others = (await listVersions(db, version.authority_id)).filter((v) => v.id !== id);
  return { version, others };
}

/**
 * Any two versions of one authority's code, drafts included, from the older to the newer (by
 * version number): the question an administrator asks is "what changed", whichever page they
 * started from. Null when the other version is unknown or another authority's.
 */
export async function compareAnyVersions(
  db: Db,
  version: CodeVersion,
  others: readonly CodeVersion[],
  otherId: number,
): Promise<VersionComparison | null> {
  const other = others.find((v) => v.id === otherId);
  if (!other || other.authority_id !== version.authority_id) return null;
  return other.number < version.number ? compare(db, other, version) : compare(db, version, other);
}
