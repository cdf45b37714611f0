import type { Selectable } from 'kysely';
import type { MembershipsTable, OrganisationsTable, PersonKind } from '../../db/schema.js';

/**
 * The rules of the public directory, with no database and no HTTP: when a membership counts as
 * current, and what a person's memberships of one council say about them (a sitting councillor,
 * a former one, a co-opted member).
 */

export { todayInEngland } from '../../db/current.js';

export type MembershipStatus = 'current' | 'past' | 'upcoming';

/** Current means started on or before `on` and not ended before it (an end date is inclusive). */
export function membershipStatus(
  membership: { startDate: string; endDate: string | null },
  on: string,
): MembershipStatus {
  if (membership.startDate > on) return 'upcoming';
  if (membership.endDate !== null && membership.endDate < on) return 'past';
  return 'current';
}

export type Classification = Selectable<OrganisationsTable>['classification'];
export type MembershipRole = Selectable<MembershipsTable>['role'];

/** The people the directory shows: officers, Independent Persons and facilitators are not. */
export type PublicPersonKind = Extract<PersonKind, 'member' | 'co-opted-member'>;

/** One membership, as the directory reads it. */
export interface MembershipRecord {
  id: number;
  organisation: {
    id: number;
    name: string;
    classification: Classification;
    /** the committee a sub-committee belongs to */
    parentName: string | null;
    authorityName: string;
  };
  role: MembershipRole;
  voting: boolean;
  /** the ward of a council seat */
  ward: string | null;
  startDate: string;
  endDate: string | null;
  termEndsOn: string | null;
  status: MembershipStatus;
}

/**
 * Where a person stands with one council: sitting on it; once sat on it and no longer does; a
 * co-opted member (who never held a seat); or neither (say, a councillor-elect).
 */
export type Standing = 'councillor' | 'former-councillor' | 'co-opted-member' | 'none';

export function standingOf(
  kind: PublicPersonKind,
  memberships: readonly MembershipRecord[],
): { standing: Standing; councillorUntil: string | null } {
  const seats = memberships.filter((m) => m.organisation.classification === 'council');
  if (seats.some((m) => m.status === 'current')) {
    return { standing: 'councillor', councillorUntil: null };
  }
  const ended = seats
    .filter((m) => m.status === 'past')
    .map((m) => m.endDate ?? '')
    .sort();
  const lastDay = ended.at(-1);
  if (lastDay) return { standing: 'former-councillor', councillorUntil: lastDay };
  if (kind === 'co-opted-member') return { standing: 'co-opted-member', councillorUntil: null };
  return { standing: 'none', councillorUntil: null };
}
