import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';

/**
 * A test app whose administrators belong to the test council, which has a full council, a
 * standards committee, a dissolved committee, a councillor with a current seat and a code
 * version; plus another council with a committee and a report of its own.
 */
export async function reportsTestApp() {
  const t: TestApp = await buildTestApp();
  const admin = await t.signInAs(['monitoring-officer']);
  const { authority_id: authorityId } = await t.db
    .selectFrom('people')
    .select('authority_id')
    .where('id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  const organisation = (
    authority: number,
    name: string,
    classification: 'council' | 'committee' | 'sub-committee',
    dissolvedOn: string | null = null,
  ) =>
    t.db
      .insertInto('organisations')
      .values({
        authority_id: authority,
        parent_id: null,
        name,
        classification,
        committee_type: null,
        dissolved_on: dissolvedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const other = await t.db
    .insertInto('authorities')
    .values({
      slug: 'other-borough',
      name: 'Other Borough Council',
      kind: 'principal',
      parent_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orgs = {
    council: await organisation(authorityId, 'Test Council', 'council'),
    standards: await organisation(authorityId, 'Audit and Standards Committee', 'committee'),
    hearings: await organisation(authorityId, 'Hearings Sub-Committee', 'sub-committee'),
    dissolved: await organisation(authorityId, 'Old Ethics Committee', 'committee', '2020-01-01'),
    otherCommittee: await organisation(other.id, 'Other Standards Committee', 'committee'),
  };
  const councillor = await t.db
    .insertInto('people')
    .values({
      authority_id: authorityId,
      given_name: 'Terry',
      family_name: 'Fenwick',
      email: null,
      kind: 'member',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('memberships')
    .values({ person_id: councillor.id, organisation_id: orgs.council, start_date: '2024-05-01' })
    .execute();
  const codeVersion = await t.db
    .insertInto('code_versions')
    .values({
      authority_id: authorityId,
      number: 1,
      title: 'Model code with local additions',
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const otherReport = await t.db
    .insertInto('reports')
    .values({ authority_id: other.id, committee_id: orgs.otherCommittee, title: 'Their report' })
    .returning('id')
    .executeTakeFirstOrThrow();

  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  /** Open `formUrl` for its CSRF token, then post `fields` to `action` (default: the same URL). */
  const submit = async (
    formUrl: string,
    fields: Record<string, string>,
    action = formUrl,
  ): Promise<LightMyRequestResponse> => {
    const form = await getForm(t.app, formUrl, admin.cookie);
    return postForm(t.app, action, fields, form);
  };
  /** The fields of a valid new report, to be varied by each test. */
  const validFields = (extra: Record<string, string> = {}): Record<string, string> => ({
    title: 'Updated members’ code and training',
    committeeId: String(orgs.standards),
    reportOf: 'Monitoring Officer',
    'reportDate-day': '25',
    'reportDate-month': '3',
    'reportDate-year': '2027',
    author1: 'Sam Carter',
    author2: 'Alex Brown',
    summary: 'To ask the committee to agree the updated code.',
    backgroundPapers: '',
    category: 'open',
    portfolioMemberId: String(councillor.id),
    portfolioTitle: 'Cabinet Member for Governance',
    reservedForCouncil: 'no',
    pressRelease: 'no',
    areasAffected: '',
    ...extra,
  });
  /** Start a report through the form; returns its id. */
  const createReport = async (extra: Record<string, string> = {}) => {
    const response = await submit('/admin/reports/new', validFields(extra));
    if (response.statusCode !== 303) throw new Error(`not created: ${response.statusCode}`);
    return Number(/\/admin\/reports\/(\d+)$/.exec(response.headers.location as string)![1]);
  };
  const audits = (reportId: number) =>
    t.db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_person_id'])
      .where('entity', '=', 'report')
      .where('entity_id', '=', String(reportId))
      .orderBy('id')
      .execute();

  return {
    t,
    admin,
    authorityId,
    orgs,
    councillor: councillor.id,
    codeVersion: codeVersion.id,
    otherReport: otherReport.id,
    page,
    submit,
    validFields,
    createReport,
    audits,
  };
}

export type ReportsTest = Awaited<ReturnType<typeof reportsTestApp>>;

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
