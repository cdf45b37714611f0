import type { LightMyRequestResponse } from 'fastify';
import {
  buildTestApp,
  createGroup,
  getForm,
  mergeCookies,
  postForm,
  type TestApp,
} from '../../testing/app.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';

/**
 * A test app with the Monitoring Officer of the test council signed in, a committee and two
 * political groups of that council, and another council with a programme, a course and a
 * session of its own (which must stay out of reach: 404).
 */
export async function programmeTestApp() {
  const t: TestApp = await buildTestApp();
  const admin = await t.signInAs(['monitoring-officer']);
  const { authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  const groupA = await createGroup(t.db, 'Blue Group');
  const groupB = await createGroup(t.db, 'Green Group');
  const committee = (
    await t.db
      .insertInto('organisations')
      .values({
        authority_id: authorityId,
        name: 'Planning Committee',
        classification: 'committee',
        parent_id: null,
        committee_type: 'planning',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const council = (
    await t.db
      .insertInto('organisations')
      .values({
        authority_id: authorityId,
        name: 'Test Council',
        classification: 'council',
        parent_id: null,
        committee_type: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const other = (
    await t.db
      .insertInto('authorities')
      .values({ slug: 'other-council', name: 'Other Council', kind: 'principal', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const otherProgramme = await createProgramme(t.db, other, { title: 'Their programme' });
  const otherCourse = await createCourse(t.db, otherProgramme);
  const otherSession = await createTrainingSession(t.db, otherCourse);

  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  const submit = async (
    formUrl: string,
    fields: Record<string, string | string[]>,
    action = formUrl,
  ): Promise<LightMyRequestResponse> => {
    const form = await getForm(t.app, formUrl, admin.cookie);
    return postForm(t.app, action, fields, form);
  };
  /** The page a form redirected to, as the browser shows it (with its flash banner). */
  const follow = (response: LightMyRequestResponse) =>
    t.app.inject({
      url: String(response.headers.location),
      headers: { cookie: mergeCookies(admin.cookie, response) },
    });
  const audits = (entity: string, entityId: number) =>
    t.db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_person_id'])
      .where('entity', '=', entity)
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute();
  return {
    t,
    admin,
    authorityId,
    groupA,
    groupB,
    committee,
    council,
    other: {
      authority: other,
      programme: otherProgramme,
      course: otherCourse,
      session: otherSession,
    },
    page,
    submit,
    follow,
    audits,
  };
}
export type ProgrammeTest = Awaited<ReturnType<typeof programmeTestApp>>;

export const dateFields = (name: string, date: string): Record<string, string> => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

/** The texts of a page's error summary. */
export const errorSummary = (html: string): string[] => {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .trim(),
  );
};

export const idFrom = (location: unknown, kind: string) =>
  Number(new RegExp(`/admin/${kind}/(\\d+)$`).exec(String(location))?.[1]);
