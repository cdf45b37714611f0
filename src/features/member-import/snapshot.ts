/**
 * What the plan needs to know about Probity as it is: the councils named in the file, their
 * wards, seats and groups, and the people the file's rows could be. Loaded in a handful of
 * set-based queries (repository.ts), then planned against in memory (plan.ts).
 */

export interface AuthorityState {
  id: number;
  slug: string;
  name: string;
  /** the council as an organisation (classification 'council'): its seats are the posts */
  councilId: number | null;
}

export interface NamedState {
  id: number;
  authorityId: number;
  name: string;
}

export interface PostState {
  id: number;
  organisationId: number;
  areaId: number | null;
}

/** A membership holding a seat now or later: a seat is free on a date only if every hold has ended. */
export interface PostHold {
  membershipId: number;
  postId: number;
  endDate: string | null;
}

export interface PersonState {
  id: number;
  authorityId: number;
  givenName: string;
  familyName: string;
  email: string | null;
  externalId: string | null;
  kind: string;
  hasMemberRole: boolean;
}

/** A membership of a council (a seat) or of a political group that has not ended. */
export interface MembershipState {
  id: number;
  personId: number;
  organisationId: number;
  postId: number | null;
  areaId: number | null;
  startDate: string;
  endDate: string | null;
  termEndsOn: string | null;
}

export interface Snapshot {
  authorities: AuthorityState[];
  wards: NamedState[];
  groups: NamedState[];
  posts: PostState[];
  postHolds: PostHold[];
  people: PersonState[];
  /** current seats of `people` */
  seats: MembershipState[];
  /** current political group memberships of `people` */
  groupMemberships: MembershipState[];
}

/** What to load: the councils the file names and the people its rows could be. */
export interface SnapshotKeys {
  authorityIds: number[];
  emails: string[];
  externalIds: string[];
  /** the earliest election date in the file: seats ending before it are free for the file */
  earliestDate: string;
}
