import type { DbOrTrx } from '../../db/database.js';
import { selectCommittees, type CommitteeSummary } from './committee-repository.js';
import { selectPersonWithMemberships, type PersonWithMemberships } from './person-repository.js';
import { standingOf, todayInEngland, type Standing } from './rules.js';

/** The parts of the directory's read model that apply a rule to what the queries return. */

export interface CouncillorProfile extends PersonWithMemberships {
  standing: Standing;
  /** for a former councillor: the last day they held a seat */
  councillorUntil: string | null;
}

/**
 * A councillor's or co-opted member's public profile in one council: all their memberships of
 * it, past and present, and where they stand. Null for anyone else (officers, Independent
 * Persons, people unknown to that council), so that callers answer 404.
 */
export async function findCouncillorProfile(
  db: DbOrTrx,
  authoritySlug: string,
  personId: number,
  on: string = todayInEngland(),
): Promise<CouncillorProfile | null> {
  const person = await selectPersonWithMemberships(db, authoritySlug, personId, on);
  if (!person) return null;
  return { ...person, ...standingOf(person.kind, person.memberships) };
}

/** A council's committees and sub-committees, by name, each sub-committee after its parent. */
export async function listCommittees(
  db: DbOrTrx,
  authorityId: number,
  on: string = todayInEngland(),
): Promise<CommitteeSummary[]> {
  const committees = await selectCommittees(db, authorityId, on);
  const ids = new Set(committees.map((c) => c.id));
  const isTop = (c: CommitteeSummary) => c.parentId === null || !ids.has(c.parentId);
  const ordered: CommitteeSummary[] = [];
  const place = (committee: CommitteeSummary) => {
    ordered.push(committee);
    for (const child of committees.filter((c) => !isTop(c) && c.parentId === committee.id)) {
      place(child);
    }
  };
  committees.filter(isTop).forEach(place);
  // A parent chain that loops (bad data) has no top: list those committees last, not never.
  return [...ordered, ...committees.filter((c) => !ordered.includes(c))];
}
