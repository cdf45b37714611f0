import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { AuthorityKind, CodeVersionStatus } from '../../db/schema.js';

export interface AuthorityRow {
  id: number;
  slug: string;
  name: string;
  kind: AuthorityKind;
  parent_id: number | null;
}

/** Every authority: each principal council followed by its parish and town councils, by name. */
export async function listAuthoritiesInOrder(db: DbOrTrx): Promise<AuthorityRow[]> {
  const rows = await db
    .selectFrom('authorities')
    .select(['id', 'slug', 'name', 'kind', 'parent_id'])
    .orderBy('name')
    .execute();
  const ids = new Set(rows.map((r) => r.id));
  const ordered: AuthorityRow[] = [];
  for (const top of rows.filter((r) => r.parent_id === null || !ids.has(r.parent_id))) {
    ordered.push(top, ...rows.filter((r) => r.parent_id === top.id));
  }
  return ordered;
}

export async function findAuthorityBySlug(db: DbOrTrx, slug: string): Promise<AuthorityRow | null> {
  return (
    (await db
      .selectFrom('authorities')
      .select(['id', 'slug', 'name', 'kind', 'parent_id'])
      .where('slug', '=', slug)
      .executeTakeFirst()) ?? null
  );
}

export async function findAuthorityById(db: DbOrTrx, id: number): Promise<AuthorityRow | null> {
  return (
    (await db
      .selectFrom('authorities')
      .select(['id', 'slug', 'name', 'kind', 'parent_id'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export interface VersionSummary {
  id: number;
  authority_id: number;
  number: number;
  title: string;
  status: CodeVersionStatus;
  in_force_from: string | null;
}

/** Every version of every authority, newest first within each: for the list of councils. */
export async function listAllVersionSummaries(db: DbOrTrx): Promise<VersionSummary[]> {
  return db
    .selectFrom('code_versions')
    .select(['id', 'authority_id', 'number', 'title', 'status', 'in_force_from'])
    .orderBy('authority_id')
    .orderBy('number', 'desc')
    .execute();
}

export async function countItems(db: DbOrTrx, versionId: number): Promise<number> {
  const row = await db
    .selectFrom('code_items')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface ReviewRow {
  id: number;
  reviewed_on: string;
  outcome: 'no-change' | 'new-draft';
  notes: string | null;
  versionId: number;
  versionNumber: number;
  newVersionId: number | null;
  newVersionNumber: number | null;
  recordedBy: string | null;
}

/** An authority's annual reviews, latest first. */
export async function listReviews(db: DbOrTrx, authorityId: number): Promise<ReviewRow[]> {
  return db
    .selectFrom('code_reviews as r')
    .innerJoin('code_versions as v', 'v.id', 'r.version_id')
    .leftJoin('code_versions as n', 'n.id', 'r.new_version_id')
    .leftJoin('people as p', 'p.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.reviewed_on',
      'r.outcome',
      'r.notes',
      'v.id as versionId',
      'v.number as versionNumber',
      'n.id as newVersionId',
      'n.number as newVersionNumber',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('recordedBy'),
    ])
    .where('r.authority_id', '=', authorityId)
    .orderBy('r.reviewed_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export interface CommentRow {
  id: number;
  consultee: string;
  organisation: string | null;
  received_on: string;
  comment: string;
}

export async function listComments(db: DbOrTrx, versionId: number): Promise<CommentRow[]> {
  return db
    .selectFrom('code_consultation_comments')
    .select(['id', 'consultee', 'organisation', 'received_on', 'comment'])
    .where('version_id', '=', versionId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

export interface AgreeingBody {
  id: number;
  name: string;
  classification: string;
}

/**
 * The bodies that may agree an authority's code: its current committees and sub-committees,
 * and for a parish or town council the council itself (it has no standards committee).
 */
export async function listAgreeingBodies(
  db: DbOrTrx,
  authority: { id: number; kind: AuthorityKind },
): Promise<AgreeingBody[]> {
  const classifications: ('council' | 'committee' | 'sub-committee')[] =
    authority.kind === 'principal'
      ? ['committee', 'sub-committee']
      : ['council', 'committee', 'sub-committee'];
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'classification'])
    .where('authority_id', '=', authority.id)
    .where('classification', 'in', classifications)
    .where('dissolved_on', 'is', null)
    .orderBy(sql`classification = 'council'`, 'desc')
    .orderBy('name')
    .execute();
}

export async function findOrganisationName(db: DbOrTrx, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** The version a version was copied from, with its authority (a parish may copy its principal). */
export async function findBasedOn(db: DbOrTrx, versionId: number) {
  return (
    (await db
      .selectFrom('code_versions as v')
      .innerJoin('authorities as a', 'a.id', 'v.authority_id')
      .select(['v.id', 'v.number', 'v.title', 'a.name as authorityName'])
      .where('v.id', '=', versionId)
      .executeTakeFirst()) ?? null
  );
}

export interface DueReview {
  authorityId: number;
  authoritySlug: string;
  authorityName: string;
  versionId: number;
  versionNumber: number;
  title: string;
  inForceFrom: string;
  lastReviewedOn: string | null;
  /** eleven months after it came into force or was last reviewed, whichever is later */
  dueOn: string;
}

/**
 * Authorities whose code in force has gone 11 months or more without a review: counted from the
 * day it came into force, or from the latest annual review recorded since then. For the
 * Monitoring Officer's dashboard warning; earliest due first.
 */
export async function codesDueForReview(db: DbOrTrx, on: string): Promise<DueReview[]> {
  const last = db
    .selectFrom('code_reviews')
    .select(['authority_id', sql<string>`max(reviewed_on)`.as('last_reviewed_on')])
    .groupBy('authority_id')
    .as('r');
  const due = sql<string>`(greatest(v.in_force_from, r.last_reviewed_on) + interval '11 months')::date`;
  return db
    .selectFrom('code_versions as v')
    .innerJoin('authorities as a', 'a.id', 'v.authority_id')
    .leftJoin(last, 'r.authority_id', 'v.authority_id')
    .select([
      'a.id as authorityId',
      'a.slug as authoritySlug',
      'a.name as authorityName',
      'v.id as versionId',
      'v.number as versionNumber',
      'v.title',
      sql<string>`v.in_force_from`.as('inForceFrom'),
      sql<
        string | null
      >`case when r.last_reviewed_on >= v.in_force_from then r.last_reviewed_on end`.as(
        'lastReviewedOn',
      ),
      due.as('dueOn'),
    ])
    .where('v.status', '=', 'in-force')
    .where(sql<boolean>`${due} <= ${on}::date`)
    .orderBy(due)
    .orderBy('a.name')
    .execute();
}
