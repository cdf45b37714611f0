import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, getForm, mergeCookies, postForm, type TestApp } from '../../testing/app.js';
import { createWorkshopPlan } from '../learning/testing.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../member-development/testing.js';

/**
 * For this feature's tests: a test app with the Monitoring Officer of the test council signed
 * in, and another council with a plan, a course following it and a session of that course
 * (which must stay out of reach: 404).
 */
export async function workshopTestApp() {
  const t: TestApp = await buildTestApp();
  const admin = await t.signInAs(['monitoring-officer']);
  const { authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  const other = (
    await t.db
      .insertInto('authorities')
      .values({ slug: 'other-council', name: 'Other Council', kind: 'principal', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const otherPlan = await createWorkshopPlan(t.db, other, { values: { title: 'Their plan' } });
  const otherProgramme = await createProgramme(t.db, other, { title: 'Their programme' });
  const otherCourse = await createCourse(t.db, otherProgramme, { workshop_plan_id: otherPlan });
  const otherSession = await createTrainingSession(t.db, otherCourse, {
    starts_at: new Date('2026-11-10T18:00:00Z'),
    ends_at: new Date('2026-11-10T19:30:00Z'),
  });

  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  /** Post a form found on `formUrl` to `action`, as a browser would. */
  const submit = async (
    formUrl: string,
    fields: Record<string, string | string[]>,
    action = formUrl,
    cookie = admin.cookie,
  ): Promise<LightMyRequestResponse> => {
    const form = await getForm(t.app, formUrl, cookie);
    return postForm(t.app, action, fields, form);
  };
  /** The page a form redirected to, as the browser shows it (with its flash banner). */
  const follow = (response: LightMyRequestResponse, cookie = admin.cookie) =>
    t.app.inject({
      url: String(response.headers.location).replace(/#.*$/, ''),
      headers: { cookie: mergeCookies(cookie, response) },
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
    other: { authority: other, plan: otherPlan, course: otherCourse, session: otherSession },
    page,
    submit,
    follow,
    audits,
  };
}

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

/** A page's text without tags, with spaces squeezed: for reading what a person sees. */
export const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
