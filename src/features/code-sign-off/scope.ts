import type { DbOrTrx } from '../../db/database.js';
import type { Role } from '../../platform/access.js';
import {
  findAuthorityById,
  findAuthorityBySlug,
  findFirstPrincipal,
  findGroups,
  listGroups,
  listVersionsInForce,
  type GroupChoice,
  type VersionInForce,
} from './repository.js';

export interface AuthorityChoice {
  id: number;
  slug: string;
  name: string;
}

/** What a sign-off list shows to this person: which council's code, and which groups. */
export interface ListScope {
  /** the councils they may choose between (those with a code in force, and the one shown) */
  authorities: AuthorityChoice[];
  authority: AuthorityChoice;
  /** the code in force there, if there is one */
  version: VersionInForce | null;
  /** the groups they may choose between */
  groups: GroupChoice[];
  /** the group chosen, if one is */
  group: GroupChoice | null;
  /** only members of these groups are listed; null for everyone */
  groupIds: number[] | null;
  /** a whip sees only their own groups, and cannot choose "all groups" */
  whip: boolean;
}

export interface Viewer {
  roles: ReadonlySet<Role>;
  whipOf: readonly number[];
}

const isAdministrator = (viewer: Viewer) =>
  viewer.roles.has('monitoring-officer') || viewer.roles.has('democratic-services');

const choiceOf = (v: VersionInForce): AuthorityChoice => ({
  id: v.authorityId,
  slug: v.authoritySlug,
  name: v.authorityName,
});

function uniqueAuthorities(choices: AuthorityChoice[]): AuthorityChoice[] {
  const seen = new Map<number, AuthorityChoice>();
  for (const c of choices) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}

/**
 * Which list a person may see. Administrators: any council (by default the principal council
 * whose code is in force) and any of its groups. A group whip: only the groups they whip; a
 * council or group outside those is null, which the page answers as not found.
 */
export async function resolveScope(
  db: DbOrTrx,
  viewer: Viewer,
  query: { authority?: string | undefined; group?: number | undefined },
  on: string,
): Promise<ListScope | null> {
  const versions = await listVersionsInForce(db);
  const inForce = versions.map(choiceOf);
  if (isAdministrator(viewer)) {
    let authority: AuthorityChoice | null;
    if (query.authority !== undefined) {
      authority = await findAuthorityBySlug(db, query.authority);
    } else {
      const principal = versions.find((v) => v.authorityKind === 'principal');
      authority = principal
        ? choiceOf(principal)
        : ((await findFirstPrincipal(db)) ?? inForce[0] ?? null);
    }
    if (!authority) return null;
    const groups = await listGroups(db, authority.id, on);
    let group: GroupChoice | null = null;
    if (query.group !== undefined) {
      group = groups.find((g) => g.id === query.group) ?? null;
      if (!group) return null;
    }
    return {
      authorities: uniqueAuthorities([...inForce, authority]),
      authority,
      version: versions.find((v) => v.authorityId === authority.id) ?? null,
      groups,
      group,
      groupIds: group ? [group.id] : null,
      whip: false,
    };
  }

  const mine = await findGroups(db, viewer.whipOf);
  if (mine.length === 0) return null;
  let group: GroupChoice | null = null;
  if (query.group !== undefined) {
    group = mine.find((g) => g.id === query.group) ?? null;
    if (!group) return null;
  }
  const theirAuthorities = new Set(mine.map((g) => g.authorityId));
  let authorityId: number | undefined = group?.authorityId;
  if (query.authority !== undefined) {
    const asked = await findAuthorityBySlug(db, query.authority);
    if (!asked || !theirAuthorities.has(asked.id)) return null;
    if (authorityId !== undefined && authorityId !== asked.id) return null;
    authorityId = asked.id;
  }
  authorityId ??=
    versions.find((v) => theirAuthorities.has(v.authorityId))?.authorityId ?? mine[0]!.authorityId;
  const version = versions.find((v) => v.authorityId === authorityId) ?? null;
  const authority = version ? choiceOf(version) : await findAuthorityById(db, authorityId);
  if (!authority) return null;
  const groups = mine.filter((g) => g.authorityId === authorityId);
  return {
    authorities: uniqueAuthorities([
      ...inForce.filter((a) => theirAuthorities.has(a.id)),
      authority,
    ]),
    authority,
    version,
    groups,
    group,
    groupIds: group ? [group.id] : groups.map((g) => g.id),
    whip: true,
  };
}
