import type { RowError } from './rows.js';

/** What a plan is made of: each row's outcome, and the writes that would bring it about. */

/** A person the writes refer to: one already in Probity, or the one a row adds. */
export type PersonRef = { personId: number } | { newRow: number };

export interface NewPerson {
  rowNumber: number;
  authorityId: number;
  givenName: string;
  familyName: string;
  email: string;
  externalId: string | null;
}

export type PersonFields = Partial<
  Record<'given_name' | 'family_name' | 'email' | 'external_id', string | null>
>;

export interface PersonUpdate {
  personId: number;
  before: PersonFields;
  after: PersonFields;
}

export interface MembershipEnd {
  membershipId: number;
  personId: number;
  endDate: string;
  reason: string;
}

export interface TermChange {
  membershipId: number;
  before: string | null;
  after: string | null;
}

export interface NewMembership {
  person: PersonRef;
  organisationId: number;
  /** for the audit trail: the council or group's name */
  organisationName: string;
  postId: number | null;
  startDate: string;
  termEndsOn: string | null;
}

export type RowStatus = 'new' | 'update' | 'unchanged' | 'error';

export interface RowOutcome {
  rowNumber: number;
  name: string;
  email: string;
  authority: string;
  ward: string;
  group: string;
  status: RowStatus;
  /** "ward North → South", in words a person reads */
  changes: string[];
}

export interface ImportPlan {
  outcomes: RowOutcome[];
  errors: RowError[];
  newPeople: NewPerson[];
  personUpdates: PersonUpdate[];
  roleGrants: PersonRef[];
  ends: MembershipEnd[];
  termChanges: TermChange[];
  starts: NewMembership[];
  counts: { created: number; updated: number; unchanged: number };
}
