import { sql, type Insertable } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import type {
  AuthorityKind,
  MembershipsTable,
  OrganisationsTable,
  PersonKind,
} from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/passwords.js';
import { writeDemoCode } from './demo-code.js';
import { writeDemoReports } from './demo-reports.js';
import { writeDemoTraining } from './demo-training.js';
import { writeDemoLearning } from './demo-learning.js';
import {
  emailLocalPart,
  fullName,
  seededRandom,
  uniqueNameSource,
  type PersonName,
} from './names.js';

/**
 * The demo council: a fictional city council with its wards, councillors, political groups,
 * committees, parishes, officers and Independent Persons, plus one account per role so that
 * someone trying Probity can sign in as each kind of user.
 *
 * The whole council is planned as plain data first (`planDemoCouncil`, no database), so the
 * server can list the demo accounts on start-up without querying, and the plan can only be
 * written in one go.
 */

/** Shared by every demo account, and by the benchmark accounts of the large dataset. */
export const DEMO_PASSWORD = 'demo-probity-2026';

export interface DemoAccount {
  role: string;
  label: string;
  email: string;
  name: string;
}

export type PersonRole =
  | 'monitoring-officer'
  | 'democratic-services'
  | 'member'
  | 'group-whip'
  | 'facilitator'
  | 'officer'
  | 'independent-person';

export type MembershipRole = NonNullable<Insertable<MembershipsTable>['role']>;
type Classification = OrganisationsTable['classification'];

const DEMO_SLUG = 'demo-city';
const DEMO_NAME = 'Demo City Council';
const DEMO_DOMAIN = 'demo-city.example';
/** Any fixed number works: it only has to differ from the other advisory locks the app takes. */
const DEMO_LOCK_KEY = 7_240_415_001;
const SEED = 20_260_502;

// Elections by thirds: each ward's three seats were last filled in three different years.
const SEAT_ELECTIONS = ['2024-05-02', '2023-05-04', '2022-05-05'] as const;
const ANNUAL_MEETING = '2024-05-21';
const PARISH_ELECTION = '2023-05-04';

// ---------------------------------------------------------------------------------------------
// The plan: rows described by reference to each other, not yet by database id.

interface PlannedAuthority {
  slug: string;
  name: string;
  kind: AuthorityKind;
  parent: PlannedAuthority | null;
}

interface PlannedArea {
  authority: PlannedAuthority;
  name: string;
  gssCode: string;
}

interface PlannedOrganisation {
  authority: PlannedAuthority;
  name: string;
  classification: Classification;
  committeeType: string | null;
  trainingRequired: boolean;
  parent: PlannedOrganisation | null;
}

interface PlannedPost {
  organisation: PlannedOrganisation;
  area: PlannedArea;
  label: string;
}

interface PlannedPerson {
  authority: PlannedAuthority;
  name: PersonName;
  email: string;
  kind: PersonKind;
  jobTitle: string | null;
  department: string | null;
  statutoryRoles: string[];
  coOptedVoting: boolean | null;
  organisationName: string | null;
}

interface PlannedMembership {
  person: PlannedPerson;
  organisation: PlannedOrganisation;
  post: PlannedPost | null;
  role: MembershipRole;
  voting: boolean;
  startDate: string;
}

interface PlannedRole {
  person: PlannedPerson;
  role: PersonRole;
  organisation: PlannedOrganisation | null;
}

interface PlannedAccount {
  person: PlannedPerson;
  role: PersonRole;
  label: string;
}

export interface DemoPlan {
  authorities: PlannedAuthority[];
  areas: PlannedArea[];
  organisations: PlannedOrganisation[];
  posts: PlannedPost[];
  people: PlannedPerson[];
  memberships: PlannedMembership[];
  roles: PlannedRole[];
  accounts: PlannedAccount[];
}

type PersonDetails = Partial<
  Pick<
    PlannedPerson,
    'jobTitle' | 'department' | 'statutoryRoles' | 'coOptedVoting' | 'organisationName'
  >
>;

/** Collects the plan; the `add*` helpers keep the call sites short. */
class PlanBuilder implements DemoPlan {
  authorities: PlannedAuthority[] = [];
  areas: PlannedArea[] = [];
  organisations: PlannedOrganisation[] = [];
  posts: PlannedPost[] = [];
  people: PlannedPerson[] = [];
  memberships: PlannedMembership[] = [];
  roles: PlannedRole[] = [];
  accounts: PlannedAccount[] = [];
  readonly random = seededRandom(SEED);
  readonly nextName = uniqueNameSource(this.random);

  authority(slug: string, name: string, kind: AuthorityKind, parent: PlannedAuthority | null) {
    const authority = { slug, name, kind, parent };
    this.authorities.push(authority);
    return authority;
  }

  organisation(
    authority: PlannedAuthority,
    name: string,
    classification: Classification,
    extra: Partial<Pick<PlannedOrganisation, 'committeeType' | 'trainingRequired' | 'parent'>> = {},
  ): PlannedOrganisation {
    const organisation = {
      authority,
      name,
      classification,
      committeeType: extra.committeeType ?? null,
      trainingRequired: extra.trainingRequired ?? false,
      parent: extra.parent ?? null,
    };
    this.organisations.push(organisation);
    return organisation;
  }

  /** A new person with a fresh name; `domain` is the part of their email after the '@'. */
  person(
    authority: PlannedAuthority,
    kind: PersonKind,
    domain: string,
    details: PersonDetails = {},
  ): PlannedPerson {
    const name = this.nextName();
    const person: PlannedPerson = {
      authority,
      name,
      email: `${emailLocalPart(name)}@${domain}`,
      kind,
      jobTitle: details.jobTitle ?? null,
      department: details.department ?? null,
      statutoryRoles: details.statutoryRoles ?? [],
      coOptedVoting: details.coOptedVoting ?? null,
      organisationName: details.organisationName ?? null,
    };
    this.people.push(person);
    return person;
  }

  membership(
    person: PlannedPerson,
    organisation: PlannedOrganisation,
    startDate: string,
    extra: Partial<Pick<PlannedMembership, 'post' | 'role' | 'voting'>> = {},
  ): void {
    this.memberships.push({
      person,
      organisation,
      startDate,
      post: extra.post ?? null,
      role: extra.role ?? 'member',
      voting: extra.voting ?? true,
    });
  }

  role(person: PlannedPerson, role: PersonRole, organisation: PlannedOrganisation | null = null) {
    this.roles.push({ person, role, organisation });
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// The fictional council, part by part.

const WARD_NAMES = [
  'Alderbrook', 'Ashcombe Park', 'Barley Cross', 'Bellwether', 'Birchen Hill', 'Brackenmoor',
  'Canal Quarter', 'Chapel Rise', 'Copper Kiln', 'Dunmere', 'Eastgate', 'Elmstead Vale',
  'Fennick', 'Gorsey Bank', 'Hallow Cross', 'Harrowden', 'Highfold', 'Kestrel Moor', 'Lanthorn',
  'Larkmead', 'Millrace', 'Northreach', 'Old Tannery', 'Quarryside', 'Saltings', 'Thornwick',
  'Westbrook Fields', 'Wychmoor',
]; // prettier-ignore

/** Invented, party-neutral groups, largest first; sizes add up to the 84 seats. */
const GROUPS = [
  { name: 'Civic Renewal Group', seats: 28 },
  { name: 'Community First Alliance', seats: 24 },
  { name: 'Harbourside Independents', seats: 16 },
  { name: 'Forward Together', seats: 10 },
  { name: 'Neighbourhood Voice', seats: 6 },
] as const;

const PARISHES = [
  { slug: 'hollinbrook', name: 'Hollinbrook Parish Council', kind: 'parish', seats: 7 },
  { slug: 'marstow', name: 'Marstow Town Council', kind: 'town', seats: 9 },
  { slug: 'elderby-on-wend', name: 'Elderby-on-Wend Parish Council', kind: 'parish', seats: 5 },
] as const;

interface Councillor {
  person: PlannedPerson;
  /** 0-2: which of the ward's three seats, and so which election filled it */
  seat: number;
}

function planWards(b: PlanBuilder, principal: PlannedAuthority, council: PlannedOrganisation) {
  return WARD_NAMES.map((name, index) => {
    const area = {
      authority: principal,
      name,
      gssCode: `E05099${String(index + 1).padStart(3, '0')}`,
    };
    b.areas.push(area);
    const posts = [1, 2, 3].map((seat) => {
      const post = {
        organisation: council,
        area,
        label: `Councillor for ${name} ward, seat ${seat}`,
      };
      b.posts.push(post);
      return post;
    });
    return { area, posts };
  });
}

function planCouncillors(
  b: PlanBuilder,
  principal: PlannedAuthority,
  council: PlannedOrganisation,
): Councillor[] {
  const councillors: Councillor[] = [];
  for (const { posts } of planWards(b, principal, council)) {
    posts.forEach((post, seat) => {
      const person = b.person(principal, 'member', `councillors.${DEMO_DOMAIN}`);
      const startDate = SEAT_ELECTIONS[seat] ?? ANNUAL_MEETING;
      b.membership(person, council, startDate, { post });
      b.role(person, 'member');
      councillors.push({ person, seat });
    });
  }
  return councillors;
}

/** Splits the councillors among the groups; each group's first two are its leader and whip. */
function planGroups(b: PlanBuilder, principal: PlannedAuthority, councillors: Councillor[]) {
  const seatsByGroup = b.shuffled(
    GROUPS.flatMap((group, index) => Array.from({ length: group.seats }, () => index)),
  );
  const groups = GROUPS.map((group) => ({
    organisation: b.organisation(principal, group.name, 'political-group'),
    members: [] as Councillor[],
  }));
  councillors.forEach((councillor, index) =>
    groups[seatsByGroup[index] ?? 0]?.members.push(councillor),
  );
  for (const group of groups) {
    group.members.forEach((councillor, position) => {
      const role: MembershipRole = position === 0 ? 'leader' : position === 1 ? 'whip' : 'member';
      const startDate = SEAT_ELECTIONS[councillor.seat] ?? ANNUAL_MEETING;
      b.membership(councillor.person, group.organisation, startDate, { role });
    });
  }
  return groups;
}

const COMMITTEES = [
  { name: 'Audit and Standards Committee', type: 'audit-and-standards', training: true, size: 10 },
  { name: 'Planning Committee', type: 'planning', training: true, size: 12 },
  { name: 'Licensing Committee', type: 'licensing', training: true, size: 11 },
  { name: 'Overview and Scrutiny Committee', type: 'scrutiny', training: false, size: 9 },
] as const;

/** Committees with a chair, a vice-chair and members drawn across the council. */
function planCommittees(b: PlanBuilder, principal: PlannedAuthority, councillors: Councillor[]) {
  const seats = new Map<PlannedOrganisation, PlannedPerson[]>();
  for (const committee of COMMITTEES) {
    const organisation = b.organisation(principal, committee.name, 'committee', {
      committeeType: committee.type,
      trainingRequired: committee.training,
    });
    const members = b
      .shuffled(councillors)
      .slice(0, committee.size)
      .map((c) => c.person);
    members.forEach((person, position) => {
      const role: MembershipRole =
        position === 0 ? 'chair' : position === 1 ? 'vice-chair' : 'member';
      b.membership(person, organisation, ANNUAL_MEETING, { role });
    });
    seats.set(organisation, members);
  }
  const [standards] = seats.keys();
  if (!standards) throw new Error('The demo council needs its Audit and Standards Committee');
  planHearingPanel(b, principal, standards, seats.get(standards) ?? []);
  planCoOptedMembers(b, principal, standards);
  return seats;
}

/** Complaints are heard by a small sub-committee of the standards committee. */
function planHearingPanel(
  b: PlanBuilder,
  principal: PlannedAuthority,
  standards: PlannedOrganisation,
  standardsMembers: PlannedPerson[],
): void {
  const panel = b.organisation(principal, 'Standards Hearing Sub-Committee', 'sub-committee', {
    committeeType: 'standards-hearing',
    trainingRequired: true,
    parent: standards,
  });
  standardsMembers.slice(0, 3).forEach((person, position) => {
    b.membership(person, panel, ANNUAL_MEETING, { role: position === 0 ? 'chair' : 'member' });
  });
}

/**
 * Two co-opted members: the voting one is bound by the code (and so gets the member role to
 * register interests); the non-voting one is the case the domain marks as configurable.
 */
function planCoOptedMembers(
  b: PlanBuilder,
  principal: PlannedAuthority,
  standards: PlannedOrganisation,
): void {
  for (const voting of [true, false]) {
    const person = b.person(principal, 'co-opted-member', `co-opted.${DEMO_DOMAIN}`, {
      coOptedVoting: voting,
    });
    b.membership(person, standards, '2023-09-01', { voting });
    if (voting) b.role(person, 'member');
  }
}

function planParishes(b: PlanBuilder, principal: PlannedAuthority): void {
  for (const parish of PARISHES) {
    const authority = b.authority(parish.slug, parish.name, parish.kind, principal);
    const council = b.organisation(authority, parish.name, 'council');
    for (let seat = 0; seat < parish.seats; seat += 1) {
      const person = b.person(authority, 'member', `${parish.slug}.parish.example`);
      const role: MembershipRole = seat === 0 ? 'chair' : seat === 1 ? 'vice-chair' : 'member';
      b.membership(person, council, PARISH_ELECTION, { role });
      b.role(person, 'member');
    }
  }
}

const LEGAL = 'Legal and Governance';
const FINANCE = 'Finance';

/** Officers, in a fixed order; `roles` are the Probity roles beyond the plain 'officer'. */
const OFFICERS: ReadonlyArray<{
  key: string;
  jobTitle: string;
  department: string;
  statutoryRoles?: string[];
  roles?: PersonRole[];
}> = [
  {
    key: 'monitoring-officer',
    jobTitle: 'Director of Legal and Governance',
    department: LEGAL,
    statutoryRoles: ['monitoring-officer'],
    roles: ['monitoring-officer'],
  },
  {
    key: 'deputy-monitoring-officer',
    jobTitle: 'Head of Legal Services',
    department: LEGAL,
    statutoryRoles: ['deputy-monitoring-officer'],
    roles: ['monitoring-officer'],
  },
  {
    key: 'chief-finance-officer',
    jobTitle: 'Director of Finance (Section 151 Officer)',
    department: FINANCE,
    statutoryRoles: ['chief-finance-officer'],
  },
  {
    key: 'head-of-paid-service',
    jobTitle: 'Chief Executive',
    department: "Chief Executive's Office",
    statutoryRoles: ['head-of-paid-service'],
  },
  { key: 'legal', jobTitle: 'Senior Solicitor', department: LEGAL },
  { key: 'finance', jobTitle: 'Principal Accountant', department: FINANCE },
  {
    key: 'democratic-services',
    jobTitle: 'Democratic Services Manager',
    department: LEGAL,
    roles: ['democratic-services'],
  },
  {
    key: 'committee-officer-1',
    jobTitle: 'Committee and Member Support Officer',
    department: LEGAL,
    roles: ['democratic-services'],
  },
  {
    key: 'committee-officer-2',
    jobTitle: 'Member Development Officer',
    department: LEGAL,
    roles: ['democratic-services'],
  },
  {
    key: 'hr',
    jobTitle: 'HR Business Partner',
    department: 'People and Organisational Development',
  },
];

function planOfficers(b: PlanBuilder, principal: PlannedAuthority): Map<string, PlannedPerson> {
  const byKey = new Map<string, PlannedPerson>();
  for (const officer of OFFICERS) {
    const person = b.person(principal, 'officer', DEMO_DOMAIN, {
      jobTitle: officer.jobTitle,
      department: officer.department,
      statutoryRoles: officer.statutoryRoles ?? [],
    });
    b.role(person, 'officer');
    for (const role of officer.roles ?? []) b.role(person, role);
    byKey.set(officer.key, person);
  }
  return byKey;
}

/** Best practice is at least two Independent Persons, so the demo has two. */
function planIndependentPersons(b: PlanBuilder, principal: PlannedAuthority): PlannedPerson[] {
  return [0, 1].map(() => {
    const person = b.person(principal, 'independent-person', `independent.${DEMO_DOMAIN}`);
    b.role(person, 'independent-person');
    return person;
  });
}

/** One trainer from a (fictional) training company, one member peer from another council. */
function planFacilitators(b: PlanBuilder, principal: PlannedAuthority): PlannedPerson[] {
  const sources = [
    { organisationName: 'Kestrel Governance Associates', domain: 'kestrel-governance.example' },
    { organisationName: 'Westmarch District Council (member peer)', domain: 'westmarch.example' },
  ];
  return sources.map(({ organisationName, domain }) => {
    const person = b.person(principal, 'facilitator', domain, { organisationName });
    b.role(person, 'facilitator');
    return person;
  });
}

/** A councillor with no leadership post anywhere, preferably on a committee needing training. */
function ordinaryCouncillor(b: PlanBuilder, councillors: Councillor[]): PlannedPerson {
  const special = new Set(b.memberships.filter((m) => m.role !== 'member').map((m) => m.person));
  const planning = b.organisations.find((o) => o.committeeType === 'planning');
  const onPlanning = new Set(
    b.memberships.filter((m) => m.organisation === planning).map((m) => m.person),
  );
  const ordinary = councillors.map((c) => c.person).filter((p) => !special.has(p));
  const chosen = ordinary.find((p) => onPlanning.has(p)) ?? ordinary[0];
  if (!chosen) throw new Error('The demo council has no ordinary councillor');
  return chosen;
}

function account(
  b: PlanBuilder,
  person: PlannedPerson | undefined,
  role: PersonRole,
  label: string,
  localPart: string,
): void {
  if (!person) throw new Error(`The demo council has nobody to sign in as ${label}`);
  // Real rows from the data above, given addresses short enough to type on a sign-in page.
  person.email = `${localPart}@${DEMO_DOMAIN}`;
  b.accounts.push({ person, role, label });
}

/** The whole demo council as data. Deterministic: the same plan on every call. */
export function planDemoCouncil(): DemoPlan {
  const b = new PlanBuilder();
  const principal = b.authority(DEMO_SLUG, DEMO_NAME, 'principal', null);
  const council = b.organisation(principal, DEMO_NAME, 'council');
  const councillors = planCouncillors(b, principal, council);
  const groups = planGroups(b, principal, councillors);
  planCommittees(b, principal, councillors);
  planParishes(b, principal);
  const officers = planOfficers(b, principal);
  const independentPersons = planIndependentPersons(b, principal);
  const facilitators = planFacilitators(b, principal);

  const whip = groups[0]?.members[1]?.person;
  account(b, officers.get('monitoring-officer'), 'monitoring-officer', 'Monitoring Officer', 'mo');
  account(
    b,
    officers.get('democratic-services'),
    'democratic-services',
    'Democratic Services',
    'democratic.services',
  );
  account(b, ordinaryCouncillor(b, councillors), 'member', 'Councillor', 'councillor');
  account(b, whip, 'group-whip', 'Group whip', 'whip');
  account(b, facilitators[0], 'facilitator', 'Training facilitator', 'facilitator');
  account(b, officers.get('finance'), 'officer', 'Officer (finance)', 'officer');
  account(b, independentPersons[0], 'independent-person', 'Independent Person', 'ip');
  return b;
}

function toDemoAccounts(plan: DemoPlan): DemoAccount[] {
  return plan.accounts.map(({ person, role, label }) => ({
    role,
    label,
    email: person.email,
    name: fullName(person.name),
  }));
}

/** The demo sign-in accounts, in a fixed order, without touching the database. */
export function demoAccounts(): DemoAccount[] {
  return toDemoAccounts(planDemoCouncil());
}

// ---------------------------------------------------------------------------------------------
// Writing the plan.

/** Maps each planned row to the id the database gave it, matched on a unique column. */
function idsByKey<T>(items: T[], key: (item: T) => string, rows: { id: number; key: string }[]) {
  const byKey = new Map(rows.map((row) => [row.key, row.id]));
  const ids = new Map<T, number>();
  for (const item of items) {
    const id = byKey.get(key(item));
    if (id === undefined) throw new Error(`No id came back for ${key(item)}`);
    ids.set(item, id);
  }
  return ids;
}

function need<T>(ids: Map<T, number>, item: T): number {
  const id = ids.get(item);
  if (id === undefined) throw new Error('A planned row refers to one that was not written');
  return id;
}

async function writeAuthorities(trx: Trx, plan: DemoPlan): Promise<Map<PlannedAuthority, number>> {
  const ids = new Map<PlannedAuthority, number>();
  // Parents first, so the parishes can point at the principal authority.
  for (const level of [
    plan.authorities.filter((a) => !a.parent),
    plan.authorities.filter((a) => a.parent),
  ]) {
    const rows = await trx
      .insertInto('authorities')
      .values(
        level.map((a) => ({
          slug: a.slug,
          name: a.name,
          kind: a.kind,
          parent_id: a.parent ? need(ids, a.parent) : null,
        })),
      )
      .returning(['id', 'slug as key'])
      .execute();
    for (const [item, id] of idsByKey(level, (a) => a.slug, rows)) ids.set(item, id);
  }
  return ids;
}

async function writeOrganisations(
  trx: Trx,
  plan: DemoPlan,
  authorityIds: Map<PlannedAuthority, number>,
): Promise<Map<PlannedOrganisation, number>> {
  const ids = new Map<PlannedOrganisation, number>();
  const top = plan.organisations.filter((o) => !o.parent);
  const children = plan.organisations.filter((o) => o.parent);
  for (const level of [top, children]) {
    const rows = await trx
      .insertInto('organisations')
      .values(
        level.map((o) => ({
          authority_id: need(authorityIds, o.authority),
          parent_id: o.parent ? need(ids, o.parent) : null,
          name: o.name,
          classification: o.classification,
          committee_type: o.committeeType,
          training_required: o.trainingRequired,
        })),
      )
      .returning(['id', 'name as key'])
      .execute();
    for (const [item, id] of idsByKey(level, (o) => o.name, rows)) ids.set(item, id);
  }
  return ids;
}

async function writeAreasAndPosts(
  trx: Trx,
  plan: DemoPlan,
  authorityIds: Map<PlannedAuthority, number>,
  organisationIds: Map<PlannedOrganisation, number>,
): Promise<Map<PlannedPost, number>> {
  const areaRows = await trx
    .insertInto('areas')
    .values(
      plan.areas.map((a) => ({
        authority_id: need(authorityIds, a.authority),
        name: a.name,
        kind: 'ward',
        gss_code: a.gssCode,
      })),
    )
    .returning(['id', 'name as key'])
    .execute();
  const areaIds = idsByKey(plan.areas, (a) => a.name, areaRows);
  const postRows = await trx
    .insertInto('posts')
    .values(
      plan.posts.map((p) => ({
        organisation_id: need(organisationIds, p.organisation),
        area_id: need(areaIds, p.area),
        label: p.label,
      })),
    )
    .returning(['id', 'label as key'])
    .execute();
  return idsByKey(plan.posts, (p) => p.label, postRows);
}

async function writePeople(
  trx: Trx,
  plan: DemoPlan,
  authorityIds: Map<PlannedAuthority, number>,
): Promise<Map<PlannedPerson, number>> {
  const rows = await trx
    .insertInto('people')
    .values(
      plan.people.map((p) => ({
        authority_id: need(authorityIds, p.authority),
        given_name: p.name.given,
        family_name: p.name.family,
        email: p.email,
        kind: p.kind,
        job_title: p.jobTitle,
        department: p.department,
        statutory_roles: p.statutoryRoles,
        co_opted_voting: p.coOptedVoting,
        organisation_name: p.organisationName,
      })),
    )
    .returning(['id', 'email as key'])
    .execute();
  return idsByKey(
    plan.people,
    (p) => p.email,
    rows.map((r) => ({ id: r.id, key: r.key ?? '' })),
  );
}

interface WrittenIds {
  people: Map<PlannedPerson, number>;
  organisations: Map<PlannedOrganisation, number>;
  posts: Map<PlannedPost, number>;
}

async function writeMembershipsAndRoles(trx: Trx, plan: DemoPlan, ids: WrittenIds): Promise<void> {
  await trx
    .insertInto('memberships')
    .values(
      plan.memberships.map((m) => ({
        person_id: need(ids.people, m.person),
        organisation_id: need(ids.organisations, m.organisation),
        post_id: m.post ? need(ids.posts, m.post) : null,
        role: m.role,
        voting: m.voting,
        start_date: m.startDate,
      })),
    )
    .execute();
  await trx
    .insertInto('person_roles')
    .values(
      plan.roles.map((r) => ({
        person_id: need(ids.people, r.person),
        role: r.role,
        organisation_id: r.organisation ? need(ids.organisations, r.organisation) : null,
      })),
    )
    .execute();
}

async function writeCredentials(trx: Trx, plan: DemoPlan, people: Map<PlannedPerson, number>) {
  // One hash per account (each with its own salt), computed side by side.
  const hashes = await Promise.all(plan.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  await trx
    .insertInto('credentials')
    .values(
      plan.accounts.map((a, index) => ({
        person_id: need(people, a.person),
        password_hash: hashes[index] ?? '',
      })),
    )
    .execute();
}

/** Fixed terms for the two Independent Persons, both in post, appointed a few months apart. */
const IP_TERMS = [
  { start: '2023-09-01', end: '2027-08-31' },
  { start: '2024-02-01', end: '2028-01-31' },
];

async function writeAppointments(
  trx: Trx,
  plan: DemoPlan,
  people: Map<PlannedPerson, number>,
  authorityIds: Map<PlannedAuthority, number>,
): Promise<void> {
  const ips = plan.people.filter((p) => p.kind === 'independent-person');
  await trx
    .insertInto('independent_person_appointments')
    .values(
      ips.map((p, index) => {
        const term = IP_TERMS[index % IP_TERMS.length]!;
        return {
          person_id: need(people, p),
          authority_id: need(authorityIds, p.authority),
          start_date: term.start,
          end_date: term.end,
          no_connection_declared: true,
          declared_on: term.start,
        };
      }),
    )
    .execute();
}

async function writePlan(trx: Trx, plan: DemoPlan): Promise<void> {
  const authorityIds = await writeAuthorities(trx, plan);
  const organisations = await writeOrganisations(trx, plan, authorityIds);
  const posts = await writeAreasAndPosts(trx, plan, authorityIds, organisations);
  const people = await writePeople(trx, plan, authorityIds);
  await writeMembershipsAndRoles(trx, plan, { people, organisations, posts });
  await writeAppointments(trx, plan, people, authorityIds);
  await writeCredentials(trx, plan, people);
  await recordAudit(trx, {
    actorPersonId: null,
    entity: 'demo-council',
    entityId: DEMO_SLUG,
    action: 'seeded',
    after: { authorities: plan.authorities.length, people: plan.people.length },
  });
}

async function anyAuthorityExists(db: Db | Trx): Promise<boolean> {
  const row = await db.selectFrom('authorities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Load the demo council into an empty database. Does nothing if any authority exists, so it
 * is safe to call on every start in demo mode, and never mixes demo data into a real council.
 */
export async function loadDemoCouncil(
  db: Db,
  options: { peopleOnly?: boolean } = {},
): Promise<{ loaded: boolean; accounts: DemoAccount[] }> {
  const plan = planDemoCouncil();
  const accounts = toDemoAccounts(plan);
  if (await anyAuthorityExists(db)) return { loaded: false, accounts };
  const loaded = await db.transaction().execute(async (trx) => {
    // Two processes starting together on an empty database: the second waits, then sees rows.
    await sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY}::bigint)`.execute(trx);
    if (await anyAuthorityExists(trx)) return false;
    await writePlan(trx, plan);
    // The people alone: a council at the start of its first year in Probity (the journey test).
    if (options.peopleOnly) return true;
    await writeDemoCode(trx, accounts);
    await writeDemoReports(trx, accounts);
    await writeDemoTraining(trx, accounts);
    await writeDemoLearning(trx);
    return true;
  });
  return { loaded, accounts };
}
