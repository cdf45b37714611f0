import type { DbOrTrx } from '../../db/database.js';
import {
  PUBLISHED_STATUSES,
  findVersionByNumber,
  findVersionInForce,
  listItems,
  listVersions,
  type CodeItem,
  type CodeVersion,
} from './repository.js';
import {
  findAuthority,
  listAuthorities,
  listCurrentVersions,
  type CurrentVersionSummary,
  type PublicAuthority,
} from './public-repository.js';

/**
 * What the public may read of the code of conduct: versions the council has adopted, in force
 * or no longer in force. Drafts, versions under consultation, agreed but not adopted, and
 * withdrawn versions are not published: for the public they do not exist.
 */

export const isPublished = (version: Pick<CodeVersion, 'status'>): boolean =>
  PUBLISHED_STATUSES.includes(version.status);

export interface CodeIndexEntry {
  authority: PublicAuthority;
  inForce: CurrentVersionSummary | null;
  /** adopted, to come into force on a later date */
  upcoming: CurrentVersionSummary | null;
}

export interface CodeIndexGroup {
  principal: CodeIndexEntry;
  /** the parish and town councils in its area */
  locals: CodeIndexEntry[];
}

/** Every council with its code in force, principal councils first and their parishes within. */
export async function loadCodeIndex(db: DbOrTrx): Promise<CodeIndexGroup[]> {
  const [authorities, versions] = await Promise.all([listAuthorities(db), listCurrentVersions(db)]);
  const entry = (authority: PublicAuthority): CodeIndexEntry => {
    const own = versions.filter((v) => v.authorityId === authority.id);
    return {
      authority,
      inForce: own.find((v) => v.status === 'in-force') ?? null,
      upcoming: own.find((v) => v.status === 'adopted') ?? null,
    };
  };
  const ids = new Set(authorities.map((a) => a.id));
  // A council without a (known) parent heads its own group; principal councils come first.
  const heads = authorities
    .filter((a) => a.parentId === null || !ids.has(a.parentId))
    .sort((a, b) => Number(a.kind !== 'principal') - Number(b.kind !== 'principal'));
  return heads.map((head) => ({
    principal: entry(head),
    locals: authorities.filter((a) => a.parentId === head.id).map(entry),
  }));
}

/** One published version with its text and the authority's other published versions. */
export interface PublishedVersionPage {
  version: CodeVersion;
  items: CodeItem[];
  /** every published version of the authority's code, newest first */
  published: CodeVersion[];
  /** the version in force now, if any (it may be `version` itself) */
  inForce: CodeVersion | null;
}

async function publishedPage(db: DbOrTrx, version: CodeVersion): Promise<PublishedVersionPage> {
  const [items, all] = await Promise.all([
    listItems(db, version.id),
    listVersions(db, version.authority_id),
  ]);
  const published = all.filter(isPublished);
  return {
    version,
    items,
    published,
    inForce: published.find((v) => v.status === 'in-force') ?? null,
  };
}

/** A version by its number, or null when there is none or it is not published. */
export async function loadPublishedVersion(
  db: DbOrTrx,
  slug: string,
  number: number,
): Promise<PublishedVersionPage | null> {
  const version = await findVersionByNumber(db, slug, number);
  if (!version || !isPublished(version)) return null;
  return publishedPage(db, version);
}

/**
 * The code in force for a council: null when there is no such council; `page` null when the
 * council has no code in force (it may have one adopted to come into force later).
 */
export async function loadCodeInForce(
  db: DbOrTrx,
  slug: string,
): Promise<{
  authority: PublicAuthority;
  page: PublishedVersionPage | null;
  published: CodeVersion[];
} | null> {
  const authority = await findAuthority(db, slug);
  if (!authority) return null;
  const inForce = await findVersionInForce(db, authority.id);
  if (inForce) {
    const page = await publishedPage(db, inForce);
    return { authority, page, published: page.published };
  }
  const published = (await listVersions(db, authority.id)).filter(isPublished);
  return { authority, page: null, published };
}

/** A council's published versions, newest first; null when there is no such council. */
export async function loadPublishedVersions(
  db: DbOrTrx,
  slug: string,
): Promise<{ authority: PublicAuthority; versions: CodeVersion[] } | null> {
  const authority = await findAuthority(db, slug);
  if (!authority) return null;
  const versions = (await listVersions(db, authority.id)).filter(isPublished);
  return { authority, versions };
}
