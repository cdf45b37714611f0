import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn, todayInEngland } from '../../db/current.js';
import type { PeopleFilter } from './schemas.js';

export interface PersonRow {
  id: number;
  givenName: string;
  familyName: string;
  email: string | null;
  kind: string;
  authorityName: string;
  hasPassword: boolean;
  invitationPending: boolean;
}

export const PAGE_SIZE = 50;

export async function searchPeople(
  db: DbOrTrx,
  filter: PeopleFilter,
): Promise<{ rows: PersonRow[]; total: number }> {
  const today = todayInEngland();
  // Filters read only `people`: the count runs without the authorities join it does not need.
  let query = db.selectFrom('people as p');
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        // The same expression as the trigram index people_full_name_trgm (migration 0004).
        eb(sql<string>`p.given_name || ' ' || p.family_name`, 'ilike', pattern),
        eb('p.email', 'ilike', pattern),
      ]),
    );
  }
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.authority) query = query.where('p.authority_id', '=', filter.authority);
  // Ward, group and committee filters look at current memberships only.
  const currentlyIn = (organisationId: number) =>
    query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.person_id', '=', 'p.id')
          .where('m.organisation_id', '=', organisationId)
          .where(currentOn('m', today)),
      ),
    );
  if (filter.group) query = currentlyIn(filter.group);
  if (filter.committee) query = currentlyIn(filter.committee);
  if (filter.ward) {
    const ward = filter.ward;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('posts as s', 's.id', 'm.post_id')
          .select('m.id')
          .whereRef('m.person_id', '=', 'p.id')
          .where('s.area_id', '=', ward)
          .where(currentOn('m', today)),
      ),
    );
  }

  // The page's ids first (an index walk over the filters), then the details of those 50 only:
  // a deep page no longer works out the account status of every row it skips.
  const pageIds = query
    .select('p.id')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE);
  const [rows, count] = await Promise.all([
    db
      .selectFrom(pageIds.as('page'))
      .innerJoin('people as p', 'p.id', 'page.id')
      .innerJoin('authorities as a', 'a.id', 'p.authority_id')
      .select((eb) => [
        'p.id',
        'p.given_name',
        'p.family_name',
        'p.email',
        'p.kind',
        'a.name as authority_name',
        eb
          .exists(
            eb
              .selectFrom('credentials as c')
              .whereRef('c.person_id', '=', 'p.id')
              .select('c.person_id'),
          )
          .as('has_password'),
        eb
          .exists(
            eb
              .selectFrom('invitations as i')
              .whereRef('i.person_id', '=', 'p.id')
              .where('i.used_at', 'is', null)
              .where('i.expires_at', '>', new Date())
              .select('i.id'),
          )
          .as('invitation_pending'),
      ])
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .orderBy('p.id')
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      email: r.email,
      kind: r.kind,
      authorityName: r.authority_name,
      hasPassword: Boolean(r.has_password),
      invitationPending: Boolean(r.invitation_pending),
    })),
  };
}

export async function findPerson(db: DbOrTrx, id: number) {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.email',
      'p.kind',
      'p.job_title',
      'p.department',
      'a.name as authority_name',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!person) return null;
  const [roles, credentials, invitation] = await Promise.all([
    db
      .selectFrom('person_roles as r')
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['r.role', 'o.name as organisation_name'])
      .where('r.person_id', '=', id)
      .orderBy('r.role')
      .execute(),
    db
      .selectFrom('credentials')
      .select('password_set_at')
      .where('person_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('invitations')
      .select(['created_at', 'expires_at', 'purpose'])
      .where('person_id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    ...person,
    roles,
    passwordSetAt: credentials?.password_set_at ?? null,
    invitation: invitation ?? null,
  };
}

export async function listAuthorities(db: DbOrTrx) {
  return db
    .selectFrom('authorities')
    .select(['id', 'name', 'kind'])
    .orderBy((eb) => eb.case().when('kind', '=', 'principal').then(0).else(1).end())
    .orderBy('name')
    .execute();
}

export async function emailInUse(db: DbOrTrx, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** The choices for the list's filters: councils, and the wards, groups and committees of one. */
export async function listFilterChoices(db: DbOrTrx, authorityId: number | undefined) {
  const authorities = await listAuthorities(db);
  const chosen = authorityId ?? authorities[0]?.id;
  if (chosen === undefined) return { authorities, chosen, wards: [], organisations: [] };
  const [wards, organisations] = await Promise.all([
    db
      .selectFrom('areas')
      .select(['id', 'name'])
      .where('authority_id', '=', chosen)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'classification'])
      .where('authority_id', '=', chosen)
      .where('classification', 'in', [
        'political-group',
        'committee',
        'sub-committee',
        'outside-body',
        'council',
      ])
      .where('dissolved_on', 'is', null)
      .orderBy('name')
      .execute(),
  ]);
  return { authorities, chosen, wards, organisations };
}
