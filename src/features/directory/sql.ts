import { sql, type RawBuilder } from 'kysely';
import type { AuthorityKind } from '../../db/schema.js';

/**
 * The pieces of SQL the directory's queries share: what "current" means, and the columns of
 * the council a page is about.
 */

export { currentOn } from '../../db/current.js';

/** Not dissolved on a date (an organisation's dissolved_on is its last day). */
export function notDissolvedOn(alias: string, on: string): RawBuilder<boolean> {
  const dissolved = sql.ref(`${alias}.dissolved_on`);
  return sql<boolean>`(${dissolved} is null or ${dissolved} >= ${on}::date)`;
}

export interface DirectoryAuthority {
  id: number;
  slug: string;
  name: string;
  kind: AuthorityKind;
  /** the principal council a parish or town council sits in */
  parent: { slug: string; name: string } | null;
  hasCommittees: boolean;
}

export interface AuthorityRow {
  authority_id: number;
  authority_slug: string;
  authority_name: string;
  authority_kind: AuthorityKind;
  parent_slug: string | null;
  parent_name: string | null;
  has_committees: boolean;
}

/** The columns of AuthorityRow, from `authorities a left join authorities parent`. */
export function authorityColumns(on: string): RawBuilder<unknown> {
  return sql`a.id as authority_id, a.slug as authority_slug, a.name as authority_name,
    a.kind as authority_kind, parent.slug as parent_slug, parent.name as parent_name,
    exists (
      select from organisations o
      where o.authority_id = a.id and o.classification in ('committee', 'sub-committee')
        and ${notDissolvedOn('o', on)}
    ) as has_committees`;
}

export const authorityFrom = sql`authorities a left join authorities parent on parent.id = a.parent_id`;

export function toAuthority(row: AuthorityRow): DirectoryAuthority {
  return {
    id: row.authority_id,
    slug: row.authority_slug,
    name: row.authority_name,
    kind: row.authority_kind,
    parent:
      row.parent_slug && row.parent_name ? { slug: row.parent_slug, name: row.parent_name } : null,
    hasCommittees: row.has_committees,
  };
}

export interface Option {
  id: number;
  name: string;
}
