import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';

/**
 * The demo council, a Democratic Services officer signed in, and short ways to look at the
 * organisations pages and fill in the add-an-organisation form, for this feature's tests.
 */
export async function organisationsTestApp() {
  const t: TestApp = await buildTestApp();
  await loadDemoCouncil(t.db);
  const admin = await t.signInAs(['democratic-services']);
  const authority = (slug: string) =>
    t.db
      .selectFrom('authorities')
      .select(['id', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  const city = (
    await t.db
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Demo City Council')
      .executeTakeFirstOrThrow()
  ).id;
  // an administrator of the demo council (another principal council's records answer 404)
  await t.db
    .updateTable('people')
    .set({ authority_id: city })
    .where('id', '=', admin.personId)
    .execute();
  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  /** The first organisation with this name. */
  const organisation = (name: string) =>
    t.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', name)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  /** Fill in the add-an-organisation form of a council and send it. */
  const add = async (fields: Record<string, string>, authorityId = city) => {
    const form = await getForm(
      t.app,
      `/admin/organisations/new?authority=${authorityId}`,
      admin.cookie,
    );
    return postForm(
      t.app,
      '/admin/organisations',
      { authorityId: String(authorityId), ...fields },
      form,
    );
  };
  return { t, admin, city, authority, page, organisation, add };
}

export const committee = (name: string, extra: Record<string, string> = {}) => ({
  name,
  classification: 'committee',
  committeeType: 'licensing',
  trainingRequired: 'yes',
  ...extra,
});
