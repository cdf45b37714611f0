import type { DbOrTrx } from '../../db/database.js';
import type { AuthorityKind } from '../../db/schema.js';

/** Reads for the public code pages that the core repository does not already offer. */

export interface PublicAuthority {
  id: number;
  slug: string;
  name: string;
  kind: AuthorityKind;
  parentId: number | null;
}

export async function findAuthority(db: DbOrTrx, slug: string): Promise<PublicAuthority | null> {
  return (
    (await db
      .selectFrom('authorities')
      .select(['id', 'slug', 'name', 'kind', 'parent_id as parentId'])
      .where('slug', '=', slug)
      .executeTakeFirst()) ?? null
  );
}

export async function listAuthorities(db: DbOrTrx): Promise<PublicAuthority[]> {
  return db
    .selectFrom('authorities')
    .select(['id', 'slug', 'name', 'kind', 'parent_id as parentId'])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A version the public can see on the list of councils: in force, or adopted for later. */
export interface CurrentVersionSummary {
  authorityId: number;
  number: number;
  title: string;
  status: 'in-force' | 'adopted';
  inForceFrom: string | null;
}

/** Every version in force, and every version adopted to come into force later. */
export async function listCurrentVersions(db: DbOrTrx): Promise<CurrentVersionSummary[]> {
  const rows = await db
    .selectFrom('code_versions')
    .select([
      'authority_id as authorityId',
      'number',
      'title',
      'status',
      'in_force_from as inForceFrom',
    ])
    .where('status', 'in', ['in-force', 'adopted'])
    .orderBy('authority_id')
    .orderBy('number')
    .execute();
  return rows.map((row) => ({
    ...row,
    status: row.status === 'in-force' ? 'in-force' : 'adopted',
  }));
}

/** A principal council and the title of its code in force, for the start page. */
export interface PrincipalCode {
  slug: string;
  name: string;
  /** the code in force, or null when the council has none */
  title: string | null;
  inForceFrom: string | null;
}

export async function listPrincipalCodes(db: DbOrTrx): Promise<PrincipalCode[]> {
  return db
    .selectFrom('authorities as a')
    .leftJoin('code_versions as v', (join) =>
      join.onRef('v.authority_id', '=', 'a.id').on('v.status', '=', 'in-force'),
    )
    .select(['a.slug', 'a.name', 'v.title', 'v.in_force_from as inForceFrom'])
    .where('a.kind', '=', 'principal')
    .orderBy('a.name')
    .execute();
}
