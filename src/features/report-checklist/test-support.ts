import { multipartBody } from '../../testing/data.js';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import type { Db } from '../../db/database.js';

/**
 * A test app with a Democratic Services officer signed in (of the test council), and short
 * ways to make reports and code versions directly, and to send this feature's forms.
 */
export async function checklistTestApp() {
  const t: TestApp = await buildTestApp();
  const admin = await t.signInAs(['democratic-services']);
  const authorityId = (
    await t.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'test-council')
      .executeTakeFirstOrThrow()
  ).id;
  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  const submit = async (
    formUrl: string,
    action: string,
    fields: Record<string, string>,
  ): Promise<LightMyRequestResponse> => {
    const form = await getForm(t.app, formUrl, admin.cookie);
    return postForm(t.app, action, fields, form);
  };
  return { t, admin, authorityId, page, submit };
}

export async function createAuthority(db: Db, slug: string): Promise<number> {
  const row = await db
    .insertInto('authorities')
    .values({ slug, name: `${slug} council`, kind: 'principal', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createReport(
  db: Db,
  authorityId: number,
  title = 'Review of the members’ code of conduct',
  status: 'draft' | 'published' = 'draft',
): Promise<number> {
  const row = await db
    .insertInto('reports')
    .values({
      authority_id: authorityId,
      title,
      status,
      published_at: status === 'published' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createCodeVersion(
  db: Db,
  authorityId: number,
  number: number,
  status: 'draft' | 'adopted' | 'in-force' = 'draft',
): Promise<number> {
  const row = await db
    .insertInto('code_versions')
    .values({
      authority_id: authorityId,
      number,
      title: `Code ${number}`,
      status,
      based_on_version_id: null,
      change_summary: null,
      ...(status === 'draft' ? {} : { adopted_on: '2025-01-10', in_force_from: '2025-02-01' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A multipart/form-data body: the fields, then the file if any. */
export const multipart = multipartBody;

export { minimalPdf, pngBytes, smallDocx } from './test-files.js';
