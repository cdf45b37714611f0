import { multipartBody } from '../../testing/data.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/database.js';
import { getForm } from '../../testing/app.js';

/**
 * Helpers for this feature's integration tests: a council built to order (wards with a fixed
 * number of seats, political groups) and uploads sent as a browser sends them.
 */

export interface TestCouncil {
  authorityId: number;
  councilId: number;
  slug: string;
  name: string;
}

/** A principal council with these wards (each with `seats` seats) and political groups. */
export async function createCouncil(
  db: Db,
  options: { slug: string; name: string; wards: string[]; seats: number; groups: string[] },
): Promise<TestCouncil> {
  const authority = await db
    .insertInto('authorities')
    .values({ slug: options.slug, name: options.name, kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const organisation = (name: string, classification: 'council' | 'political-group') => ({
    authority_id: authority.id,
    name,
    classification,
    parent_id: null,
    committee_type: null,
  });
  const council = await db
    .insertInto('organisations')
    .values(organisation(options.name, 'council'))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.groups.length > 0) {
    await db
      .insertInto('organisations')
      .values(options.groups.map((g) => organisation(g, 'political-group')))
      .execute();
  }
  if (options.wards.length > 0) {
    const areas = await db
      .insertInto('areas')
      .values(options.wards.map((name) => ({ authority_id: authority.id, name, kind: 'ward' })))
      .returning(['id', 'name'])
      .execute();
    await db
      .insertInto('posts')
      .values(
        areas.flatMap((area) =>
          Array.from({ length: options.seats }, (_, seat) => ({
            organisation_id: council.id,
            area_id: area.id,
            label: `Councillor for ${area.name} ward, seat ${seat + 1}`,
          })),
        ),
      )
      .execute();
  }
  return {
    authorityId: authority.id,
    councilId: council.id,
    slug: options.slug,
    name: options.name,
  };
}

/** A CSV file's text from rows of cells, quoting where needed, lines ending in CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export const HEADER = [
  'External ID',
  'Given name',
  'Family name',
  'Email',
  'Ward',
  'Group',
  'Election date',
  'Term end',
  'Authority',
];

/**
 * Upload a file through the import form as a signed-in person: GET the page for its CSRF token
 * and cookie, then POST the form. `csrf: null` leaves the token out; a string sends that one.
 */
export async function uploadFile(
  app: FastifyInstance,
  cookie: string,
  file: { name: string; content: Buffer | string; type?: string } | undefined,
  options: { csrf?: string | null } = {},
): Promise<{ response: LightMyRequestResponse; cookie: string; csrf: string }> {
  const form = await getForm(app, '/admin/import/members', cookie);
  const csrf = options.csrf === undefined ? form.csrf : options.csrf;
  const body = multipartBody(csrf === null ? {} : { _csrf: csrf }, file);
  const response = await app.inject({
    method: 'POST',
    url: '/admin/import/members',
    headers: { cookie: form.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
  return { response, cookie: form.cookie, csrf: form.csrf };
}

export { multipartBody };
