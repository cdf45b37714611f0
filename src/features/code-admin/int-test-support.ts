import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { CodeVersionStatus } from '../../db/schema.js';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import {
  listItems,
  nextVersionNumber,
  numberItems,
  replaceItems,
  type ItemDraft,
} from '../code-of-conduct/index.js';

export const section = (heading: string, local = false): ItemDraft => ({
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin: local ? 'local' : 'model',
});
export const paragraph = (body: string, depth: 1 | 2 = 1, local = false): ItemDraft => ({
  kind: 'paragraph',
  depth,
  heading: null,
  body,
  origin: local ? 'local' : 'model',
});
export const appendix = (heading: string): ItemDraft => ({
  kind: 'appendix',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});

/** A small code in our own words: 1, 1.1, 1.2, 2, 2.1, 2.1(a), 2.2 (local), A, A.1. */
export const SAMPLE: ItemDraft[] = [
  section('Respect'),
  paragraph('Be courteous to everyone you deal with as a member.'),
  paragraph('Disagree with ideas, not with people.'),
  section('Gifts and hospitality'),
  paragraph('Register what you are offered at or above the threshold:'),
  paragraph('whether you accept it or not', 2),
  paragraph('Tell the Monitoring Officer about any offer from a contractor.', 1, true),
  appendix('The seven principles'),
  paragraph('Selflessness: act solely in the public interest.'),
];

/**
 * A test app with a council of its own (a principal council with a standards committee, a
 * dissolved committee and a political group, and a parish council with its full council), a
 * Monitoring Officer signed in, and short ways to read pages, send forms and make versions.
 */
export async function codeAdminTestApp() {
  const t: TestApp = await buildTestApp();
  const tag = randomBytes(3).toString('hex');
  const principal = await t.db
    .insertInto('authorities')
    .values({
      slug: `shire-${tag}`,
      name: `Shire ${tag} Council`,
      kind: 'principal',
      parent_id: null,
    })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  const parish = await t.db
    .insertInto('authorities')
    .values({
      slug: `vale-${tag}`,
      name: `Vale ${tag} Parish Council`,
      kind: 'parish',
      parent_id: principal.id,
    })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  const organisation = async (
    authorityId: number,
    name: string,
    classification: 'council' | 'committee' | 'political-group',
    dissolvedOn: string | null = null,
  ) =>
    (
      await t.db
        .insertInto('organisations')
        .values({
          authority_id: authorityId,
          parent_id: null,
          name,
          classification,
          committee_type: classification === 'committee' ? 'audit-and-standards' : null,
          dissolved_on: dissolvedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const orgs = {
    principalCouncil: await organisation(principal.id, `Shire ${tag} Council`, 'council'),
    standards: await organisation(principal.id, 'Standards Committee', 'committee'),
    oldCommittee: await organisation(
      principal.id,
      'Old Ethics Committee',
      'committee',
      '2020-01-01',
    ),
    group: await organisation(principal.id, 'Independent Group', 'political-group'),
    parishCouncil: await organisation(parish.id, `Vale ${tag} Parish Council`, 'council'),
  };
  const admin = await t.signInAs(['monitoring-officer']);
  // an administrator of the principal council (another principal council's versions answer 404)
  await t.db
    .updateTable('people')
    .set({ authority_id: principal.id })
    .where('id', '=', admin.personId)
    .execute();

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

  /** A version straight in the database, in any status, with its items numbered. */
  const makeVersion = async (
    authorityId: number,
    status: CodeVersionStatus,
    items: ItemDraft[] = SAMPLE,
    extra: Record<string, unknown> = {},
  ) =>
    t.db.transaction().execute(async (trx) => {
      const number = await nextVersionNumber(trx, authorityId);
      const published = ['adopted', 'in-force', 'superseded'].includes(status);
      const row = await trx
        .insertInto('code_versions')
        .values({
          authority_id: authorityId,
          number,
          title: `Code ${number}`,
          status,
          adopted_on: published ? '2024-04-01' : null,
          in_force_from: published ? '2024-05-01' : null,
          superseded_on: status === 'superseded' ? '2025-05-01' : null,
          agreed_on: status === 'agreed' || published ? '2024-03-01' : null,
          ...extra,
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();
      const numbered = numberItems(items);
      if (!numbered.ok) throw new Error(JSON.stringify(numbered.problems));
      await replaceItems(trx, row.id, numbered.items);
      return row;
    });

  const version = (id: number) =>
    t.db.selectFrom('code_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A version's items as "number text" lines, origin marked with a * for local additions. */
  const outline = async (id: number) =>
    (await listItems(t.db, id)).map(
      (i) => `${i.number} ${i.heading ?? i.body}${i.origin === 'local' ? ' *' : ''}`,
    );
  const audits = (entity: string, entityId: number) =>
    t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity', '=', entity)
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute();

  return {
    t,
    tag,
    principal,
    parish,
    orgs,
    admin,
    page,
    submit,
    makeVersion,
    version,
    outline,
    audits,
  };
}

export type CodeAdminTest = Awaited<ReturnType<typeof codeAdminTestApp>>;

/** A GOV.UK date input's three fields. */
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
