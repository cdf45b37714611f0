import type {
  PublicAreaRow,
  PublicMembershipRow,
  PublicOrganisationRow,
  PublicPersonRow,
  PublicPostRow,
  PublicRecords,
} from './repository.js';

/**
 * The Popolo shapes Probity publishes (http://www.popoloproject.com/specs/): only the fields it
 * fills. A field with no value is left out rather than sent as null.
 */
export interface PopoloPerson {
  id: string;
  name: string;
  given_name: string;
  family_name: string;
  sort_name: string;
  email?: string;
}

export interface PopoloOrganization {
  id: string;
  name: string;
  classification: string;
  parent_id?: string;
  founding_date?: string;
  dissolution_date?: string;
}

export interface PopoloMembership {
  id: string;
  person_id: string;
  organization_id: string;
  post_id?: string;
  area_id?: string;
  role: string;
  label?: string;
  start_date: string;
  end_date?: string;
}

export interface PopoloPost {
  id: string;
  label: string;
  organization_id: string;
  area_id?: string;
}

export interface PopoloIdentifier {
  scheme: string;
  identifier: string;
}

export interface PopoloArea {
  id: string;
  name: string;
  classification: string;
  identifier?: string;
  identifiers?: PopoloIdentifier[];
}

export interface PopoloDocument {
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  memberships: PopoloMembership[];
  posts: PopoloPost[];
  areas: PopoloArea[];
}

/**
 * Ids are the record's kind and database id: stable for as long as the record exists, and the
 * same in the whole-deployment file and in each council's file.
 */
export const popoloId = {
  person: (id: number) => `person/${id}`,
  organization: (id: number) => `organization/${id}`,
  membership: (id: number) => `membership/${id}`,
  post: (id: number) => `post/${id}`,
  area: (id: number) => `area/${id}`,
};

/** Only the keys whose value is set: optional Popolo fields are omitted, never null. */
function present<T extends object>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function toPerson(row: PublicPersonRow): PopoloPerson {
  return present({
    id: popoloId.person(row.id),
    name: `${row.given_name} ${row.family_name}`,
    given_name: row.given_name,
    family_name: row.family_name,
    sort_name: `${row.family_name}, ${row.given_name}`,
    email: row.email ?? undefined,
  });
}

/** Bodies that sit inside their authority's council: committees and political groups. */
const PART_OF_THE_COUNCIL = new Set<string>(['committee', 'political-group']);

function toOrganizations(rows: PublicOrganisationRow[]): PopoloOrganization[] {
  const councilByAuthority = new Map<number, number>();
  for (const row of rows) {
    const isCouncil = row.classification === 'council' && row.parent_id === null;
    if (isCouncil && !councilByAuthority.has(row.authority_id)) {
      councilByAuthority.set(row.authority_id, row.id);
    }
  }
  return rows.map((row) => {
    // A top-level committee or group belongs to its council: say so, so that a reader of the
    // whole-deployment file can tell which of the councils each one is part of.
    const parentId =
      row.parent_id ??
      (PART_OF_THE_COUNCIL.has(row.classification)
        ? (councilByAuthority.get(row.authority_id) ?? null)
        : null);
    return present({
      id: popoloId.organization(row.id),
      name: row.name,
      classification: row.classification,
      parent_id: parentId === null ? undefined : popoloId.organization(parentId),
      founding_date: row.founded_on ?? undefined,
      dissolution_date: row.dissolved_on ?? undefined,
    });
  });
}

function toMembership(row: PublicMembershipRow): PopoloMembership {
  return present({
    id: popoloId.membership(row.id),
    person_id: popoloId.person(row.person_id),
    organization_id: popoloId.organization(row.organisation_id),
    post_id: row.post_id === null ? undefined : popoloId.post(row.post_id),
    area_id: row.area_id === null ? undefined : popoloId.area(row.area_id),
    role: row.role,
    label: row.voting ? undefined : 'Non-voting member',
    start_date: row.start_date,
    end_date: row.end_date ?? undefined,
  });
}

function toPost(row: PublicPostRow): PopoloPost {
  return present({
    id: popoloId.post(row.id),
    label: row.label,
    organization_id: popoloId.organization(row.organisation_id),
    area_id: row.area_id === null ? undefined : popoloId.area(row.area_id),
  });
}

/**
 * Popolo's Area has a single `identifier`; the GSS code goes there, and also into an
 * `identifiers` list (as on Person and Organization) so that its scheme is stated.
 */
function toArea(row: PublicAreaRow): PopoloArea {
  const gss = row.gss_code ?? undefined;
  return present({
    id: popoloId.area(row.id),
    name: row.name,
    classification: row.kind,
    identifier: gss,
    identifiers: gss === undefined ? undefined : [{ scheme: 'gss', identifier: gss }],
  });
}

export function toPopoloDocument(records: PublicRecords): PopoloDocument {
  return {
    persons: records.people.map(toPerson),
    organizations: toOrganizations(records.organisations),
    memberships: records.memberships.map(toMembership),
    posts: records.posts.map(toPost),
    areas: records.areas.map(toArea),
  };
}
