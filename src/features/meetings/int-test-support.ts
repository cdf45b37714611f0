import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';

/**
 * A test app with the signed-in Monitoring Officer's council: the council organisation (full Council), a standards
 * committee with three members, a Monitoring Officer signed in, and short ways to make
 * meetings and reports straight in the database.
 */
export async function meetingsTestApp() {
  const t: TestApp = await buildTestApp();
  const tag = randomBytes(3).toString('hex');
  // the administrator's own council: administrators see only their council's meetings
  const admin = await t.signInAs(['monitoring-officer']);
  const authority = await t.db
    .selectFrom('people as p')
    .innerJoin('authorities as a', 'a.id', 'p.authority_id')
    .select(['a.id', 'a.name'])
    .where('p.id', '=', admin.personId)
    .executeTakeFirstOrThrow();
  const organisation = async (name: string, classification: 'council' | 'committee') =>
    (
      await t.db
        .insertInto('organisations')
        .values({
          authority_id: authority.id,
          parent_id: null,
          name,
          classification,
          committee_type: classification === 'committee' ? 'audit-and-standards' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const council = await organisation(`Test ${tag} Council`, 'council');
  const committee = await organisation(`Standards ${tag} Committee`, 'committee');
  const person = async (given: string, family: string) =>
    (
      await t.db
        .insertInto('people')
        .values({
          authority_id: authority.id,
          given_name: given,
          family_name: family,
          email: null,
          kind: 'member',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const members = [
    await person('Ann', `Chair${tag}`),
    await person('Bea', `Member${tag}`),
    await person('Cal', `Sub${tag}`),
  ];
  const roles = ['chair', 'member', 'substitute'] as const;
  for (const [i, id] of members.entries()) {
    await t.db
      .insertInto('memberships')
      .values([
        { person_id: id, organisation_id: committee, role: roles[i], start_date: '2020-01-01' },
        { person_id: id, organisation_id: council, start_date: '2020-01-01' },
      ])
      .execute();
  }
  const page = (url: string, cookie = admin.cookie) => t.app.inject({ url, headers: { cookie } });
  const submit = async (
    formUrl: string,
    fields: Record<string, string>,
    action = formUrl,
  ): Promise<LightMyRequestResponse> => {
    const form = await getForm(t.app, formUrl, admin.cookie);
    return postForm(t.app, action, fields, form);
  };

  const makeMeeting = async (
    startsAt: Date,
    extra: {
      organisation_id?: number;
      agenda_published_at?: Date | null;
      status?: 'scheduled' | 'held';
    } = {},
  ) =>
    (
      await t.db
        .insertInto('meetings')
        .values({ organisation_id: committee, starts_at: startsAt, venue: 'Room 1', ...extra })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  /** A report that passes the readiness check (this council has no checklist types). */
  const makeReport = async (
    options: {
      title?: string;
      category?: 'open' | 'exempt';
      status?: 'draft' | 'published';
      summary?: string;
      recommendations?: { text: string; codeVersionId?: number; programmeId?: number }[];
    } = {},
  ) => {
    const exempt = options.category === 'exempt';
    const report = await t.db
      .insertInto('reports')
      .values({
        authority_id: authority.id,
        committee_id: committee,
        title: options.title ?? `Report ${randomBytes(2).toString('hex')}`,
        report_of: 'Monitoring Officer',
        report_date: '2026-01-05',
        summary: options.summary ?? 'A short summary of the proposal.',
        category: exempt ? 'exempt' : 'open',
        exempt_paragraph: exempt ? 3 : null,
        status: options.status ?? 'draft',
        published_at: options.status === 'published' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('report_authors')
      .values({ report_id: report.id, position: 0, name: 'Pat Author' })
      .execute();
    const recs = options.recommendations ?? [{ text: 'Note the report.' }];
    const recIds: number[] = [];
    for (const [position, rec] of recs.entries()) {
      const row = await t.db
        .insertInto('report_recommendations')
        .values({
          report_id: report.id,
          position,
          text: rec.text,
          code_version_id: rec.codeVersionId ?? null,
          programme_id: rec.programmeId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      recIds.push(row.id);
    }
    return { id: report.id, recIds };
  };

  const addItem = async (meetingId: number, title: string, reportId: number | null = null) => {
    const n = await t.db
      .selectFrom('agenda_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    return (
      await t.db
        .insertInto('agenda_items')
        .values({ meeting_id: meetingId, position: Number(n.n), title, report_id: reportId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };

  const meeting = (id: number) =>
    t.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
    authority,
    council,
    committee,
    members,
    admin,
    page,
    submit,
    makeMeeting,
    makeReport,
    addItem,
    meeting,
    audits,
  };
}

export type MeetingsTest = Awaited<ReturnType<typeof meetingsTestApp>>;

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
