import { sql, type Generated, type Kysely } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { ColumnKey } from './columns.js';
import type { RawRow } from './rows.js';
import type { AuthorityState, MembershipState, Snapshot, SnapshotKeys } from './snapshot.js';

/** The table of migration 0003: imports that were previewed and wait for confirmation. */
export interface MemberImportsTable {
  id: Generated<string>;
  uploaded_by: number;
  uploaded_at: Generated<Date>;
  file_name: string;
  encoding: string;
  row_count: number;
  /** the file's heading for each column it had, and the headings that were ignored */
  columns: StoredColumns;
  rows: RawRow[];
}

export interface StoredColumns {
  labels: Partial<Record<ColumnKey, string>>;
  ignored: string[];
}

/**
 * The database as this feature sees it: the shared schema plus its own table. A transaction is
 * a Kysely instance too, and stays a transaction when tables are added to its type.
 */
function withImports(db: DbOrTrx) {
  return (db as Kysely<Database>).withTables<{ member_imports: MemberImportsTable }>();
}

/** Every council with the organisation its councillors' seats belong to (if set up). */
export async function listAuthorities(db: DbOrTrx): Promise<AuthorityState[]> {
  const rows = await db
    .selectFrom('authorities as a')
    .select((eb) => [
      'a.id',
      'a.slug',
      'a.name',
      eb
        .selectFrom('organisations as o')
        .whereRef('o.authority_id', '=', 'a.id')
        .where('o.classification', '=', 'council')
        .select((inner) => inner.fn.min('o.id').as('id'))
        .as('council_id'),
    ])
    .orderBy((eb) => eb.case().when('a.kind', '=', 'principal').then(0).else(1).end())
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, councilId: r.council_id }));
}

const textArray = (values: readonly string[]) => sql<string[]>`${[...values]}::text[]`;
const intArray = (values: readonly number[]) => sql<number[]>`${[...values]}::int[]`;

/**
 * Probity as the plan needs it, in seven queries whatever the size of the file. With `lock`
 * (inside the confirming transaction) the people and memberships read are locked until commit.
 */
export async function loadSnapshot(
  db: DbOrTrx,
  authorities: AuthorityState[],
  keys: SnapshotKeys,
  options: { today: string; lock: boolean },
): Promise<Snapshot> {
  const authorityIds = intArray(keys.authorityIds);
  const councilIds = intArray(
    authorities
      .filter((a) => keys.authorityIds.includes(a.id) && a.councilId !== null)
      .map((a) => a.councilId ?? 0),
  );
  const [wards, groups, posts, postHolds] = await Promise.all([
    db
      .selectFrom('areas')
      .select(['id', 'authority_id', 'name'])
      .where(sql<boolean>`authority_id = any(${authorityIds})`)
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'authority_id', 'name'])
      .where('classification', '=', 'political-group')
      .where(sql<boolean>`authority_id = any(${authorityIds})`)
      .where((eb) =>
        eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>=', options.today)]),
      )
      .execute(),
    db
      .selectFrom('posts')
      .select(['id', 'organisation_id', 'area_id'])
      .where(sql<boolean>`organisation_id = any(${councilIds})`)
      .execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('posts as s', 's.id', 'm.post_id')
      .select(['m.id', 'm.post_id', 'm.end_date'])
      .where(sql<boolean>`s.organisation_id = any(${councilIds})`)
      .where((eb) =>
        eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', keys.earliestDate)]),
      )
      .execute(),
  ]);

  let peopleQuery = db
    .selectFrom('people as p')
    .select((eb) => [
      'p.id',
      'p.authority_id',
      'p.given_name',
      'p.family_name',
      'p.email',
      'p.external_id',
      'p.kind',
      eb
        .exists(
          eb
            .selectFrom('person_roles as r')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.role', '=', 'member')
            .select('r.id'),
        )
        .as('has_member_role'),
    ])
    .where((eb) =>
      eb.or([
        sql<boolean>`lower(p.email) in (select unnest(${textArray(keys.emails)}))`,
        eb.and([
          sql<boolean>`p.authority_id = any(${authorityIds})`,
          sql<boolean>`p.external_id in (select unnest(${textArray(keys.externalIds)}))`,
        ]),
      ]),
    );
  if (options.lock) peopleQuery = peopleQuery.forUpdate();
  const people = await peopleQuery.execute();
  const personIds = intArray(people.map((p) => p.id));

  const currentMemberships = (classification: 'council' | 'political-group') => {
    let query = db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('posts as s', 's.id', 'm.post_id')
      .select([
        'm.id',
        'm.person_id',
        'm.organisation_id',
        'm.post_id',
        's.area_id',
        'm.start_date',
        'm.end_date',
        'm.term_ends_on',
      ])
      // A semi-join on the ids, so the plan stays cheap even when the statistics are stale
      // (right after a big import): `= any(array)` could be checked once per joined row.
      .where(sql<boolean>`m.person_id in (select unnest(${personIds}))`)
      .where('o.classification', '=', classification)
      .whereRef('o.authority_id', '=', 'p.authority_id')
      .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', options.today)]));
    if (options.lock) query = query.forUpdate('m');
    return query.execute();
  };
  const [seats, groupMemberships] = await Promise.all([
    currentMemberships('council'),
    currentMemberships('political-group'),
  ]);
  const toMembership = (m: (typeof seats)[number]): MembershipState => ({
    id: m.id,
    personId: m.person_id,
    organisationId: m.organisation_id,
    postId: m.post_id,
    areaId: m.area_id,
    startDate: m.start_date,
    endDate: m.end_date,
    termEndsOn: m.term_ends_on,
  });

  return {
    authorities,
    wards: wards.map((w) => ({ id: w.id, authorityId: w.authority_id, name: w.name })),
    groups: groups.map((g) => ({ id: g.id, authorityId: g.authority_id, name: g.name })),
    posts: posts.map((p) => ({ id: p.id, organisationId: p.organisation_id, areaId: p.area_id })),
    postHolds: postHolds.map((h) => ({
      membershipId: h.id,
      postId: h.post_id ?? 0,
      endDate: h.end_date,
    })),
    people: people.map((p) => ({
      id: p.id,
      authorityId: p.authority_id,
      givenName: p.given_name,
      familyName: p.family_name,
      email: p.email,
      externalId: p.external_id,
      kind: p.kind,
      hasMemberRole: Boolean(p.has_member_role),
    })),
    seats: seats.map(toMembership),
    groupMemberships: groupMemberships.map(toMembership),
  };
}

/** Serialise imports: two confirmed at once would each plan without seeing the other. */
export async function lockImports(db: DbOrTrx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7240415003)`.execute(db);
}

export async function savePendingImport(
  db: DbOrTrx,
  pending: {
    uploadedBy: number;
    fileName: string;
    encoding: string;
    columns: StoredColumns;
    rows: RawRow[];
  },
): Promise<string> {
  const row = await withImports(db)
    .insertInto('member_imports')
    .values({
      uploaded_by: pending.uploadedBy,
      file_name: pending.fileName,
      encoding: pending.encoding,
      row_count: pending.rows.length,
      columns: sql`${JSON.stringify(pending.columns)}::jsonb`,
      rows: sql`${JSON.stringify(pending.rows)}::jsonb`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A pending import, only for the person who uploaded it (anyone else gets nothing). */
export async function findPendingImport(db: DbOrTrx, id: string, personId: number) {
  return withImports(db)
    .selectFrom('member_imports')
    .selectAll()
    .where('id', '=', id)
    .where('uploaded_by', '=', personId)
    .executeTakeFirst();
}

export async function deletePendingImport(db: DbOrTrx, id: string): Promise<void> {
  await withImports(db).deleteFrom('member_imports').where('id', '=', id).execute();
}

/** Previews nobody confirmed within a day: their rows are personal data, so they go. */
export async function deleteStaleImports(db: DbOrTrx): Promise<void> {
  await withImports(db)
    .deleteFrom('member_imports')
    .where('uploaded_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

/**
 * The seats of one council not yet over, with the columns the import takes. A councillor whose
 * next term is already recorded has two: the caller keeps one per person.
 */
export async function listCurrentCouncillors(
  db: DbOrTrx,
  authority: AuthorityState,
  today: string,
) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('posts as s', 's.id', 'm.post_id')
    .leftJoin('areas as w', 'w.id', 's.area_id')
    .select((eb) => [
      'p.id as person_id',
      'm.end_date',
      'p.external_id',
      'p.given_name',
      'p.family_name',
      'p.email',
      'w.name as ward',
      'm.start_date',
      'm.term_ends_on',
      eb
        .selectFrom('memberships as gm')
        .innerJoin('organisations as g', 'g.id', 'gm.organisation_id')
        .whereRef('gm.person_id', '=', 'p.id')
        .where('g.classification', '=', 'political-group')
        .where('g.authority_id', '=', authority.id)
        .where((inner) =>
          inner.or([inner('gm.end_date', 'is', null), inner('gm.end_date', '>=', today)]),
        )
        .select('g.name')
        .orderBy('gm.start_date', 'desc')
        .limit(1)
        .as('group'),
    ])
    .where('m.organisation_id', '=', authority.councilId ?? 0)
    .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', today)]))
    .orderBy('w.name')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}
