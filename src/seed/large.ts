import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import type { PersonKind } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/passwords.js';
import { DEMO_PASSWORD, type MembershipRole, type PersonRole } from './demo.js';
import { writeLargeCode } from './large-code.js';
import { writeLargeReports } from './large-reports.js';
import { writeLargeTraining } from './large-training.js';
import { writeLargeLearning } from './large-learning.js';
import { EXTRAS_ACTION, writeLargeExtras } from './large-extras.js';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  PLACE_ENDINGS,
  PLACE_STEMS,
  emailLocalPart,
  nameAt,
  type PersonName,
} from './names.js';

/**
 * A council big enough to benchmark against: a principal authority with hundreds of parishes,
 * thousands of councillors, tens of thousands of officers and years of membership history and
 * audit trail.
 *
 * The principal council's own structure (wards, seats, groups, committees: a few hundred rows
 * with history that has to hang together) is planned in TypeScript and written in batches.
 * The bulk (parishes, parish councillors, officers, audit events) is made by PostgreSQL itself
 * with `insert ... select ... from generate_series(...)`, so nothing large crosses the wire.
 */

export interface LargeDatasetOptions {
  /** parish and town councils */
  parishes?: number;
  /**
   * councillors in all, past and present: the principal council takes a few hundred (at
   * least ten wards' worth, whatever this says) and the parishes share the rest
   */
  members?: number;
  /** officers in all, the four statutory officers included */
  officers?: number;
  /** how far back memberships and the audit trail go (AUDIT_EVENTS_PER_YEAR for each) */
  years?: number;
}

export interface LargeDatasetResult {
  authorities: number;
  people: number;
  memberships: number;
  auditEvents: number;
  seconds: number;
}

export const LARGE_SLUG = 'large-city';
export const LARGE_DEFAULTS: Readonly<Required<LargeDatasetOptions>> = {
  parishes: 250,
  members: 3000,
  officers: 20_000,
  years: 8,
};
/** Sign-ins, register changes, reports and training records of a busy council. */
export const AUDIT_EVENTS_PER_YEAR = 25_000;

const COUNCIL_NAME = 'Large City Council';
const DOMAIN = 'large-city.example';
/** The accounts the benchmarks sign in with (password: DEMO_PASSWORD). */
export const LARGE_ACCOUNTS = {
  monitoringOfficer: `mo@${DOMAIN}`,
  councillor: `councillor@${DOMAIN}`,
  whip: `whip@${DOMAIN}`,
} as const;
const GROUP_NAMES = [
  'Civic Alliance',
  'Borough Progress Group',
  'Independent Residents Group',
  'Common Ground',
  'Valley Voice',
  'New Horizons Group',
];
/** Seat shares of the groups: a dozen seats split 4/3/2/1/1/1, so every group has a whip. */
const GROUP_PATTERN = [0, 1, 0, 2, 1, 0, 3, 1, 0, 2, 4, 5];
const COMMITTEES = [
  { name: 'Audit and Standards Committee', type: 'audit-and-standards', training: true, size: 10 },
  { name: 'Planning Committee', type: 'planning', training: true, size: 12 },
  { name: 'Licensing Committee', type: 'licensing', training: true, size: 12 },
  { name: 'Overview and Scrutiny Committee', type: 'scrutiny', training: false, size: 10 },
  { name: 'Appointments Committee', type: 'appointments', training: false, size: 6 },
  { name: 'Corporate Parenting Panel', type: 'corporate-parenting', training: false, size: 8 },
];
const DEPARTMENTS = [
  'Adult Social Care', "Children's Services", 'Highways and Transport', 'Housing',
  'Environmental Services', 'Planning and Regeneration', 'Finance', 'Legal and Governance',
  'Democratic Services', 'People and Organisational Development', 'Customer Services',
  'Public Health', 'Libraries and Culture', 'Digital and ICT',
]; // prettier-ignore
const JOB_TITLES = [
  'Assistant', 'Officer', 'Senior Officer', 'Team Leader', 'Service Manager', 'Adviser',
  'Coordinator', 'Practitioner', 'Technician', 'Analyst',
]; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// Dates

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The earlier of two end dates, where null means "not ended". */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** English local elections are held on the first Thursday in May. */
function electionDay(year: number): string {
  const first = new Date(Date.UTC(year, 4, 1));
  first.setUTCDate(1 + ((4 - first.getUTCDay() + 7) % 7));
  return isoDate(first);
}

interface Calendar {
  today: string;
  /** the year of the most recent election day that has passed */
  lastElectionYear: number;
  years: number;
  lastParishElection: string;
  previousParishElection: string;
}

function calendar(years: number): Calendar {
  const today = isoDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  const lastElectionYear = electionDay(thisYear) <= today ? thisYear : thisYear - 1;
  // Most parishes in England last voted in 2023 and do so every four years.
  const parishYear = lastElectionYear - ((((lastElectionYear - 2023) % 4) + 4) % 4);
  return {
    today,
    lastElectionYear,
    years,
    lastParishElection: electionDay(parishYear),
    previousParishElection: electionDay(parishYear - 4),
  };
}

/** When the term of a seat in a given election slot (0-2, by thirds) began, terms back. */
function termStart(cal: Calendar, slot: number, termsBack: number): string {
  return electionDay(cal.lastElectionYear - slot - 4 * termsBack);
}

/** Place names made from syllables; distinct for the first 300 indexes. */
function placeName(index: number): string {
  const stem = PLACE_STEMS[index % PLACE_STEMS.length] ?? '';
  const ending = PLACE_ENDINGS[Math.floor(index / PLACE_STEMS.length) % PLACE_ENDINGS.length];
  return `${stem}${ending ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// The principal council, planned in TypeScript.

interface Person {
  name: PersonName;
  email: string;
  kind: PersonKind;
  jobTitle?: string;
  department?: string;
  statutoryRoles?: string[];
  organisationName?: string;
  roles: PersonRole[];
}

interface Stint {
  /** index into `groups` or `committees` */
  organisation: number;
  role: MembershipRole;
  start: string;
  end: string | null;
}

interface Councillor {
  person: Person;
  seat: number;
  start: string;
  end: string | null;
  groups: Stint[];
  committees: Stint[];
}

interface PrincipalPlan {
  wardCount: number;
  councillors: Councillor[];
  staff: Person[];
}

function councillorPerson(index: number): Person {
  const name = nameAt(10_000 + index);
  const email = `${emailLocalPart(name)}.${index + 1}@councillors.${DOMAIN}`;
  return { name, email, kind: 'member', roles: [] };
}

/** A small integer hash: decides turnover without a random generator, the same on every run. */
function mix(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/**
 * The terms (counted back from the current one, 0) at which a new councillor took a seat,
 * oldest first: whoever held it when the history begins, then about one change in three
 * elections.
 */
function holderChanges(cal: Calendar, seat: number): number[] {
  const oldest = Math.max(0, Math.ceil((cal.years - (seat % 3)) / 4));
  const changes = [oldest];
  for (let term = oldest - 1; term >= 0; term -= 1) {
    if (mix(seat, term) % 3 === 0) changes.push(term);
  }
  return changes;
}

/**
 * Seats and who held them over the history. Former holders keep their ended memberships (of
 * the council and of a group); a councillor re-elected keeps one long membership. A few
 * sitting councillors crossed the floor partway through their term.
 */
function planSeats(cal: Calendar, wardCount: number): Councillor[] {
  const seats = wardCount * 3;
  const councillors: Councillor[] = [];
  let formerIndex = seats; // sitting councillors are numbered first, by seat
  for (let seat = 0; seat < seats; seat += 1) {
    const slot = seat % 3;
    const group = GROUP_PATTERN[(seat * 5) % GROUP_PATTERN.length] ?? 0;
    const changes = holderChanges(cal, seat);
    changes.forEach((term, position) => {
      const start = termStart(cal, slot, term);
      const next = changes[position + 1];
      const end = next === undefined ? null : addDays(termStart(cal, slot, next), -1);
      const holdersSince = changes.length - 1 - position;
      const index = end === null ? seat : formerIndex++;
      const groups: Stint[] =
        end === null
          ? groupStints(cal, seat, group, start)
          : [{ organisation: (group + holdersSince) % 6, role: 'member', start, end }];
      councillors.push({
        person: councillorPerson(index),
        seat,
        start,
        end,
        groups,
        committees: [],
      });
    });
  }
  return councillors;
}

function groupStints(cal: Calendar, seat: number, group: number, start: string): Stint[] {
  const served = daysBetween(start, cal.today);
  if (seat % 9 !== 4 || served < 60)
    return [{ organisation: group, role: 'member', start, end: null }];
  const moved = addDays(start, Math.floor(served / 2));
  return [
    { organisation: (group + 2) % 6, role: 'member', start, end: addDays(moved, -1) },
    { organisation: group, role: 'member', start: moved, end: null },
  ];
}

/** Each group's first two sitting members are its leader and whip. */
function appointGroupOfficers(councillors: Councillor[]): Map<number, Councillor> {
  const whips = new Map<number, Councillor>();
  const filled = new Map<number, number>();
  for (const councillor of councillors) {
    const stint = councillor.groups.find((s) => s.end === null);
    if (!stint || councillor.end !== null) continue;
    const count = filled.get(stint.organisation) ?? 0;
    if (count === 0) stint.role = 'leader';
    if (count === 1) {
      stint.role = 'whip';
      whips.set(stint.organisation, councillor);
    }
    filled.set(stint.organisation, count + 1);
  }
  return whips;
}

/** Committee places are given out afresh at each year's annual meeting. */
function planCommitteeYears(cal: Calendar, councillors: Councillor[]): void {
  const meetings: string[] = [];
  for (let y = cal.lastElectionYear - cal.years; y <= cal.lastElectionYear; y += 1) {
    const meeting = addDays(electionDay(y), 19);
    meetings.push(meeting < cal.today ? meeting : cal.today);
  }
  meetings.forEach((meeting, year) => {
    const next = meetings[year + 1];
    const end = next ? addDays(next, -1) : null;
    const sitting = councillors.filter((c) => c.start <= meeting && (c.end ?? '9999') >= meeting);
    COMMITTEES.forEach((committee, index) => {
      const size = Math.min(committee.size, sitting.length);
      const offset = (year * 7 + index * 11) % Math.max(sitting.length, 1);
      for (let place = 0; place < size; place += 1) {
        const councillor = sitting[(offset + place) % sitting.length];
        const role: MembershipRole = place === 0 ? 'chair' : place === 1 ? 'vice-chair' : 'member';
        const stintEnd = earlier(end, councillor?.end ?? null);
        councillor?.committees.push({ organisation: index, role, start: meeting, end: stintEnd });
      }
    });
  });
}

function staffPerson(index: number, details: Omit<Person, 'name' | 'email'>, email?: string) {
  const name = nameAt(20_000 + index);
  return { name, email: email ?? `${emailLocalPart(name)}@${DOMAIN}`, ...details };
}

/** Statutory officers, Independent Persons and facilitators: the few people with set roles. */
function planStaff(): Person[] {
  const legal = 'Legal and Governance';
  return [
    staffPerson(
      0,
      {
        kind: 'officer',
        jobTitle: 'Director of Governance',
        department: legal,
        statutoryRoles: ['monitoring-officer'],
        roles: ['monitoring-officer', 'officer'],
      },
      LARGE_ACCOUNTS.monitoringOfficer,
    ),
    staffPerson(1, {
      kind: 'officer',
      jobTitle: 'Deputy Monitoring Officer',
      department: legal,
      statutoryRoles: ['deputy-monitoring-officer'],
      roles: ['monitoring-officer', 'officer'],
    }),
    staffPerson(2, {
      kind: 'officer',
      jobTitle: 'Strategic Director of Resources',
      department: 'Finance',
      statutoryRoles: ['chief-finance-officer'],
      roles: ['officer'],
    }),
    staffPerson(3, {
      kind: 'officer',
      jobTitle: 'Chief Executive',
      department: "Chief Executive's Office",
      statutoryRoles: ['head-of-paid-service'],
      roles: ['officer'],
    }),
    ...[4, 5, 6].map((i) =>
      staffPerson(i, { kind: 'independent-person', roles: ['independent-person'] }),
    ),
    ...[7, 8].map((i) =>
      staffPerson(i, {
        kind: 'facilitator',
        organisationName: 'Moorgate Standards Consultancy',
        roles: ['facilitator'],
      }),
    ),
  ];
}

/** How many statutory officers `planStaff` makes: the generated officers make up the rest. */
const STATUTORY_OFFICERS = 4;

function planPrincipal(cal: Calendar, members: number): PrincipalPlan {
  // About one principal councillor in sixteen members; the rest sit on parish councils.
  const wardCount = Math.min(60, Math.max(10, Math.round(members / 50)));
  const councillors = planSeats(cal, wardCount);
  const whips = appointGroupOfficers(councillors);
  planCommitteeYears(cal, councillors);
  const firstWhip = whips.get(0);
  if (!firstWhip) throw new Error('The largest group has no whip');
  firstWhip.person.email = LARGE_ACCOUNTS.whip;
  const ordinary = councillors.find(
    (c) => c.end === null && c.groups.length === 1 && c.groups[0]?.role === 'member',
  );
  if (!ordinary) throw new Error('No ordinary councillor to sign in as');
  ordinary.person.email = LARGE_ACCOUNTS.councillor;
  return { wardCount, councillors, staff: planStaff() };
}

// ---------------------------------------------------------------------------------------------
// Writing the principal council.

interface PrincipalIds {
  council: number;
  groups: number[];
  committees: number[];
  posts: number[];
  people: Map<Person, number>;
}

/** Split a batch so no single statement passes PostgreSQL's 65,535 parameter limit. */
function* chunks<T>(rows: T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function writeOrganisations(trx: Trx, authorityId: number, since: string) {
  const rows = await trx
    .insertInto('organisations')
    .values([
      { authority_id: authorityId, name: COUNCIL_NAME, classification: 'council' },
      ...GROUP_NAMES.map((name) => ({
        authority_id: authorityId,
        name,
        classification: 'political-group' as const,
        founded_on: since,
      })),
      ...COMMITTEES.map((c) => ({
        authority_id: authorityId,
        name: c.name,
        classification: 'committee' as const,
        committee_type: c.type,
        training_required: c.training,
      })),
    ])
    .returning(['id', 'name'])
    .execute();
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  return {
    council: ids.get(COUNCIL_NAME) ?? 0,
    groups: GROUP_NAMES.map((name) => ids.get(name) ?? 0),
    committees: COMMITTEES.map((c) => ids.get(c.name) ?? 0),
  };
}

async function writeWards(trx: Trx, authorityId: number, councilId: number, wardCount: number) {
  const wards = Array.from({ length: wardCount }, (_, i) => ({
    name: placeName((i * 7 + 3) % 300),
    gss: `E05098${String(i + 1).padStart(3, '0')}`,
  }));
  const areas = await trx
    .insertInto('areas')
    .values(
      wards.map((w) => ({
        authority_id: authorityId,
        name: w.name,
        kind: 'ward',
        gss_code: w.gss,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const areaIds = new Map(areas.map((a) => [a.name, a.id]));
  const posts = wards.flatMap((w) =>
    [1, 2, 3].map((seat) => ({
      organisation_id: councilId,
      area_id: areaIds.get(w.name) ?? null,
      label: `Councillor for ${w.name} ward, seat ${seat}`,
    })),
  );
  const rows = await trx.insertInto('posts').values(posts).returning(['id', 'label']).execute();
  const postIds = new Map(rows.map((r) => [r.label, r.id]));
  return posts.map((p) => postIds.get(p.label) ?? 0);
}

async function writePeople(trx: Trx, authorityId: number, people: Person[]) {
  const ids = new Map<Person, number>();
  for (const batch of chunks(people)) {
    const rows = await trx
      .insertInto('people')
      .values(
        batch.map((p) => ({
          authority_id: authorityId,
          given_name: p.name.given,
          family_name: p.name.family,
          email: p.email,
          kind: p.kind,
          job_title: p.jobTitle ?? null,
          department: p.department ?? null,
          statutory_roles: p.statutoryRoles ?? [],
          organisation_name: p.organisationName ?? null,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    for (const person of batch) ids.set(person, byEmail.get(person.email) ?? 0);
  }
  return ids;
}

function membershipRows(plan: PrincipalPlan, ids: PrincipalIds) {
  return plan.councillors.flatMap((c) => {
    const personId = ids.people.get(c.person) ?? 0;
    const seat = { organisation_id: ids.council, post_id: ids.posts[c.seat] ?? null };
    const stint = (organisationId: number | undefined, s: Stint) => ({
      person_id: personId,
      organisation_id: organisationId ?? 0,
      post_id: null,
      role: s.role,
      start_date: s.start,
      end_date: s.end,
    });
    return [
      {
        person_id: personId,
        ...seat,
        role: 'member' as const,
        start_date: c.start,
        end_date: c.end,
      },
      ...c.groups.map((s) => stint(ids.groups[s.organisation], s)),
      ...c.committees.map((s) => stint(ids.committees[s.organisation], s)),
    ];
  });
}

function roleRows(plan: PrincipalPlan, ids: PrincipalIds) {
  const rows: { person_id: number; role: PersonRole; organisation_id: number | null }[] = [];
  for (const c of plan.councillors) {
    if (c.end !== null) continue; // former councillors no longer sign in as members
    const personId = ids.people.get(c.person) ?? 0;
    rows.push({ person_id: personId, role: 'member', organisation_id: null });
  }
  for (const person of plan.staff) {
    const personId = ids.people.get(person) ?? 0;
    for (const role of person.roles)
      rows.push({ person_id: personId, role, organisation_id: null });
  }
  return rows;
}

async function writePrincipal(trx: Trx, authorityId: number, plan: PrincipalPlan, cal: Calendar) {
  const since = electionDay(cal.lastElectionYear - cal.years - 4);
  const organisations = await writeOrganisations(trx, authorityId, since);
  const posts = await writeWards(trx, authorityId, organisations.council, plan.wardCount);
  const people = await writePeople(trx, authorityId, [
    ...plan.councillors.map((c) => c.person),
    ...plan.staff,
  ]);
  const ids: PrincipalIds = { ...organisations, posts, people };
  for (const batch of chunks(membershipRows(plan, ids))) {
    await trx.insertInto('memberships').values(batch).execute();
  }
  await trx.insertInto('person_roles').values(roleRows(plan, ids)).execute();
  const hash = await hashPassword(DEMO_PASSWORD);
  const emails: string[] = Object.values(LARGE_ACCOUNTS);
  const accounts = [...people].filter(([person]) => emails.includes(person.email));
  await trx
    .insertInto('credentials')
    .values(accounts.map(([, personId]) => ({ person_id: personId, password_hash: hash })))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The bulk, made by PostgreSQL.

/** The SQL twin of `nameAt`: the given and family name at a position in the sequence. */
function sqlNames(index: RawBuilder<unknown>) {
  const g = sql.lit(GIVEN_NAMES.length);
  const f = sql.lit(FAMILY_NAMES.length);
  return sql`(${GIVEN_NAMES}::text[])[1 + (${index}) % ${g}] as given,
    (${FAMILY_NAMES}::text[])[1 + ((${index}) * 7 + (${index}) / ${g}) % ${f}] as family`;
}

/**
 * Parish and town councils with invented names. Stepping through the syllables by a number
 * coprime to their combinations keeps neighbouring parishes from sharing an ending; past the
 * combinations, names repeat with an "Upper", "Lower"... prefix.
 */
async function writeParishes(trx: Trx, principalId: number, parishes: number): Promise<void> {
  const stems = sql.lit(PLACE_STEMS.length);
  const places = sql.lit(PLACE_STEMS.length * PLACE_ENDINGS.length);
  const prefixes = ['', 'Upper ', 'Lower ', 'Great ', 'Little '];
  await sql`
    insert into authorities (slug, name, kind, parent_id)
    select ${LARGE_SLUG} || '-parish-' || lpad(g::text, 4, '0'),
      coalesce((${prefixes}::text[])[1 + (g - 1) / ${places}], ((g - 1) / ${places})::text || ' ')
        || (${PLACE_STEMS}::text[])[1 + place % ${stems}]
        || (${PLACE_ENDINGS}::text[])[1 + (place / ${stems}) % ${sql.lit(PLACE_ENDINGS.length)}]
        || case when g % 12 = 0 then ' Town Council' else ' Parish Council' end,
      case when g % 12 = 0 then 'town' else 'parish' end,
      ${principalId}::int
    from generate_series(1, ${parishes}::int) g
    cross join lateral (select ((g - 1) * 137) % ${places} as place) p
  `.execute(trx);
  // Each parish council is the organisation its councillors are members of.
  await sql`
    insert into organisations (authority_id, name, classification)
    select id, name, 'council' from authorities where parent_id = ${principalId}::int
  `.execute(trx);
}

/**
 * Parish councillors, spread round-robin over the parishes. One in six stood down at the last
 * parish election (ended membership); one in four of the rest has sat since the one before.
 */
async function writeParishCouncillors(trx: Trx, principalId: number, count: number, cal: Calendar) {
  await sql`
    with parish as (
      select id, row_number() over (order by id) as n, count(*) over () as total
      from authorities where parent_id = ${principalId}::int
    )
    insert into people (authority_id, given_name, family_name, email, kind)
    select parish.id, n.given, n.family,
      lower(n.given || '.' || n.family) || '.' || g || '@parishes.' || ${DOMAIN}, 'member'
    from generate_series(1, ${count}::int) g
    cross join lateral (select ${sqlNames(sql`g + 50000`)}) n
    join parish on parish.n = 1 + (g - 1) % parish.total
  `.execute(trx);
  await sql`
    with councillor as (
      select p.id, p.authority_id, p.id % 6 = 0 as former,
        row_number() over (partition by p.authority_id, p.id % 6 = 0 order by p.id) as n
      from people p join authorities a on a.id = p.authority_id
      where a.parent_id = ${principalId}::int and p.kind = 'member'
    )
    insert into memberships (person_id, organisation_id, role, start_date, end_date)
    select c.id, o.id,
      case when c.former then 'member' when c.n = 1 then 'chair' when c.n = 2 then 'vice-chair'
        else 'member' end,
      case when c.former or c.id % 4 = 0 then ${cal.previousParishElection}::date
        else ${cal.lastParishElection}::date end,
      case when c.former then ${cal.lastParishElection}::date - 1 end
    from councillor c
    join organisations o on o.authority_id = c.authority_id and o.classification = 'council'
  `.execute(trx);
  await sql`
    insert into person_roles (person_id, role)
    select m.person_id, 'member'
    from memberships m join people p on p.id = m.person_id
    join authorities a on a.id = p.authority_id
    where a.parent_id = ${principalId}::int and m.end_date is null
  `.execute(trx);
}

async function writeOfficers(trx: Trx, principalId: number, count: number): Promise<void> {
  await sql`
    insert into people (authority_id, given_name, family_name, email, kind, job_title, department)
    select ${principalId}::int, n.given, n.family,
      lower(n.given || '.' || n.family) || '.' || g || '@staff.' || ${DOMAIN}, 'officer',
      (${JOB_TITLES}::text[])[1 + (g / ${sql.lit(DEPARTMENTS.length)}) % ${sql.lit(JOB_TITLES.length)}],
      (${DEPARTMENTS}::text[])[1 + g % ${sql.lit(DEPARTMENTS.length)}]
    from generate_series(1, ${count}::int) g
    cross join lateral (select ${sqlNames(sql`g + 100000`)}) n
  `.execute(trx);
}

/** About fifty officers can sign in: a few from Democratic Services, the rest as officers. */
async function grantOfficerRoles(trx: Trx, principalId: number): Promise<void> {
  const officers = await trx
    .selectFrom('people')
    .select(['id', 'department'])
    .where('authority_id', '=', principalId)
    .where('kind', '=', 'officer')
    .where(sql<boolean>`cardinality(statutory_roles) = 0`)
    .orderBy('id')
    .limit(400)
    .execute();
  const democratic = officers.filter((o) => o.department === 'Democratic Services').slice(0, 8);
  const others = officers.filter((o) => !democratic.includes(o)).slice(0, 38);
  const rows = [
    ...democratic.flatMap((o) => [
      { person_id: o.id, role: 'democratic-services' },
      { person_id: o.id, role: 'officer' },
    ]),
    ...others.map((o) => ({ person_id: o.id, role: 'officer' })),
  ];
  if (rows.length > 0) await trx.insertInto('person_roles').values(rows).execute();
}

const AUDIT_KINDS: ReadonlyArray<[entity: string, action: string, field: string, weight: number]> =
  [
    ['session', 'signed-in', '', 8],
    ['session', 'signed-out', '', 3],
    ['person', 'created', 'family_name', 1],
    ['person', 'updated', 'job_title', 2],
    ['membership', 'created', 'start_date', 2],
    ['membership', 'ended', 'end_date', 1],
    ['credential', 'password-changed', 'password_set_at', 1],
    ['invitation', 'sent', 'expires_at', 1],
    ['interest', 'registered', 'category', 2],
    ['interest', 'updated', 'description', 1],
    ['gift', 'registered', 'value', 2],
    ['report', 'created', 'title', 1],
    ['report', 'cleared', 'clearance', 1],
    ['report', 'published', 'status', 1],
    ['training-event', 'scheduled', 'starts_at', 1],
    ['attendance', 'recorded', 'status', 2],
    ['complaint', 'received', 'status', 1],
    ['complaint', 'decided', 'outcome', 1],
    ['code-of-conduct', 'adopted', 'version', 1],
  ];

/**
 * The audit trail, spread evenly from the start of the history to now (so ids rise with
 * time, as in real use), by people who can sign in, with about one event in thirteen by the
 * system. Created records carry only "after" values, as `recordAudit` writes them.
 */
async function writeAuditTrail(trx: Trx, principalId: number, count: number, cal: Calendar) {
  const actors = await trx
    .selectFrom('person_roles')
    .innerJoin('people', 'people.id', 'person_roles.person_id')
    .select('people.id')
    .distinct()
    .where('people.authority_id', '=', principalId)
    .execute();
  const actorIds = actors.map((a) => a.id);
  const kinds = AUDIT_KINDS.flatMap(([entity, action, field, weight]) =>
    Array.from({ length: weight }, () => ({ entity, action, field })),
  );
  const start = new Date(`${electionDay(cal.lastElectionYear - cal.years)}T08:00:00Z`);
  const step = (Date.now() - start.getTime()) / 1000 / Math.max(count, 1);
  const result = await sql`
    insert into audit_events
      (occurred_at, actor_person_id, entity, entity_id, action, changes, request_id)
    select ${start.toISOString()}::timestamptz + ((g - 1) * ${step}::float8) * interval '1 second',
      case when g % 13 = 0 then null
        else (${actorIds}::int[])[(1 + (g::bigint * 7919) % ${sql.lit(Math.max(actorIds.length, 1))})::int] end,
      kind.entity,
      (1 + (g::bigint * 31) % 50000)::text,
      kind.action,
      case
        when kind.field = '' then '{}'::jsonb
        when kind.action in ('created', 'registered', 'sent', 'received', 'scheduled')
          then jsonb_build_object(kind.field, jsonb_build_object('after', 'value ' || g % 997))
        else jsonb_build_object(kind.field,
          jsonb_build_object('before', 'value ' || g % 991, 'after', 'value ' || g % 997))
      end,
      case when g % 13 = 0 then null else substr(md5(g::text), 1, 16) end
    from generate_series(1, ${count}::int) g
    cross join lateral (select (1 + (g::bigint * 104729) % ${sql.lit(kinds.length)})::int as k) pick
    cross join lateral (select
      (${kinds.map((k) => k.entity)}::text[])[pick.k] as entity,
      (${kinds.map((k) => k.action)}::text[])[pick.k] as action,
      (${kinds.map((k) => k.field)}::text[])[pick.k] as field) kind
  `.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

// ---------------------------------------------------------------------------------------------

async function countWritten(trx: Trx, principalId: number) {
  const row = await sql<{ authorities: number; people: number; memberships: number }>`
    with authority as (select id from authorities where id = ${principalId}::int or parent_id = ${principalId}::int),
    person as (select id from people where authority_id in (select id from authority))
    select (select count(*) from authority)::int as authorities,
      (select count(*) from person)::int as people,
      (select count(*) from memberships where person_id in (select id from person))::int as memberships
  `.execute(trx);
  const counts = row.rows[0];
  if (!counts) throw new Error('Could not count the generated rows');
  return counts;
}

function wholeNumber(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 0)
    throw new Error(`${name} must be a whole number >= 0`);
  return result;
}

/**
 * Generate the benchmark council in one transaction. Refuses if it exists already: a second
 * copy would double every count the benchmarks are measured against.
 */
export async function generateLargeDataset(
  db: Db,
  options: LargeDatasetOptions = {},
): Promise<LargeDatasetResult> {
  const started = performance.now();
  const parishes = wholeNumber(options.parishes, LARGE_DEFAULTS.parishes, 'parishes');
  const members = wholeNumber(options.members, LARGE_DEFAULTS.members, 'members');
  const officers = wholeNumber(options.officers, LARGE_DEFAULTS.officers, 'officers');
  const years = Math.max(1, wholeNumber(options.years, LARGE_DEFAULTS.years, 'years'));
  const cal = calendar(years);
  const plan = planPrincipal(cal, members);

  const counts = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', LARGE_SLUG)
      .executeTakeFirst();
    if (existing) {
      throw new Error(
        `The large dataset already exists (an authority with slug "${LARGE_SLUG}"). ` +
          'Generate it into a fresh database instead.',
      );
    }
    const principal = await trx
      .insertInto('authorities')
      .values({ slug: LARGE_SLUG, name: COUNCIL_NAME, kind: 'principal', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writePrincipal(trx, principal.id, plan, cal);
    if (parishes > 0) {
      await writeParishes(trx, principal.id, parishes);
      const parishMembers = Math.max(0, members - plan.councillors.length);
      await writeParishCouncillors(trx, principal.id, parishMembers, cal);
    }
    await writeOfficers(trx, principal.id, Math.max(0, officers - STATUTORY_OFFICERS));
    await grantOfficerRoles(trx, principal.id);
    await writeLargeCode(trx, principal.id);
    await writeLargeReports(trx, principal.id);
    await writeLargeTraining(trx, principal.id);
    await writeLargeLearning(trx, principal.id);
    const extras = await writeLargeExtras(trx, principal.id);
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'large-dataset',
      entityId: LARGE_SLUG,
      action: EXTRAS_ACTION,
      after: extras,
    });
    const history = await writeAuditTrail(trx, principal.id, AUDIT_EVENTS_PER_YEAR * years, cal);
    const written = await countWritten(trx, principal.id);
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'large-dataset',
      entityId: LARGE_SLUG,
      action: 'generated',
      after: { ...written, auditEvents: history },
    });
    // The trail, the extras' row and the 'generated' row.
    return { ...written, auditEvents: history + 2 };
  });
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
