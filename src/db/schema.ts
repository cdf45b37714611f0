import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column: read as YYYY-MM-DD text (see database.ts), written as text. */
type DateOnly = ColumnType<string, string, string>;

export type AuthorityKind = 'principal' | 'parish' | 'town';
export type PersonKind =
  'member' | 'co-opted-member' | 'officer' | 'independent-person' | 'facilitator';

export interface AuthoritiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: AuthorityKind;
  parent_id: number | null;
  created_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<number>;
  authority_id: number;
  given_name: string;
  family_name: string;
  email: string | null;
  kind: PersonKind;
  job_title: string | null;
  department: string | null;
  statutory_roles: ColumnType<string[], string[] | undefined, string[]>;
  co_opted_voting: boolean | null;
  organisation_name: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  external_id: string | null;
  publish_email: Generated<boolean>;
}

export interface AreasTable {
  id: Generated<number>;
  authority_id: number;
  name: string;
  kind: Generated<string>;
  gss_code: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  authority_id: number;
  parent_id: number | null;
  name: string;
  classification: 'council' | 'political-group' | 'committee' | 'sub-committee' | 'outside-body';
  committee_type: string | null;
  training_required: Generated<boolean>;
  founded_on: DateOnly | null;
  dissolved_on: DateOnly | null;
}

export interface PostsTable {
  id: Generated<number>;
  organisation_id: number;
  area_id: number | null;
  label: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  post_id: number | null;
  role: Generated<'member' | 'chair' | 'vice-chair' | 'substitute' | 'leader' | 'whip'>;
  voting: Generated<boolean>;
  start_date: DateOnly;
  end_date: DateOnly | null;
  term_ends_on: DateOnly | null;
  end_reason: string | null;
}

export interface IndependentPersonAppointmentsTable {
  id: Generated<number>;
  person_id: number;
  authority_id: number;
  start_date: DateOnly;
  end_date: DateOnly;
  no_connection_declared: boolean;
  declared_on: DateOnly | null;
}

export interface PersonRolesTable {
  id: Generated<number>;
  person_id: number;
  role: string;
  organisation_id: number | null;
  granted_at: Generated<Date>;
}

export interface CredentialsTable {
  person_id: number;
  password_hash: string;
  password_set_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  person_id: number;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInThrottlesTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: number | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_person_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: ColumnType<AuditChanges, string, never>;
  request_id: string | null;
}

/** before/after of each changed field */
export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

export interface Database {
  authorities: AuthoritiesTable;
  people: PeopleTable;
  areas: AreasTable;
  organisations: OrganisationsTable;
  posts: PostsTable;
  memberships: MembershipsTable;
  independent_person_appointments: IndependentPersonAppointmentsTable;
  person_roles: PersonRolesTable;
  credentials: CredentialsTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
}

export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type Authority = Selectable<AuthoritiesTable>;
