import type { Db } from '../../db/database.js';

/** Helpers for the directory's integration tests, over the demo council. */

export async function authorityId(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationId(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function wardId(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The demo person who signs in with this address ('whip@demo-city.example', ...). */
export async function personByEmail(db: Db, email: string) {
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The text of each cell of each body row of the page's tables, tags removed. */
export function tableRows(html: string): string[][] {
  const body = [...html.matchAll(/<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The summary list's rows as key → value text. */
export function summaryRows(html: string): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const m of html.matchAll(
    /<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g,
  )) {
    const clean = (s: string | undefined) =>
      (s ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    rows[clean(m[1])] = clean(m[2]);
  }
  return rows;
}

export { dataChanged } from '../../testing/data.js';
