/* eslint-disable no-restricted-imports -- a test across every feature: it builds each kind of record with the features' own test helpers (production code in platform/ still never imports a feature) */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, getForm, postForm, type TestApp } from '../testing/app.js';
import {
  authorityIdOf,
  createAuthority,
  createCodeVersion,
} from '../features/code-of-conduct/testing.js';
import {
  createCommittee,
  createMeeting,
  createPersonNamed,
  createReport,
} from '../features/public-meetings/testing.js';
import {
  createCourse,
  createProgramme,
  createTrainingSession,
} from '../features/member-development/testing.js';
import {
  createScenario,
  createScenarioSet,
  createWorkshopPlan,
} from '../features/learning/testing.js';

/**
 * "A record a user may not see answers 404", across principal councils: every page of a record
 * of council A answers 404 to an administrator of council B (signInAs makes them in
 * 'test-council'), and a few changes answer 404 (or 403) and change nothing.
 */
describe('another principal council’s records', () => {
  let t: TestApp;
  let cookie: string;
  const ids = {} as Record<
    | 'version'
    | 'report'
    | 'committee'
    | 'meeting'
    | 'programme'
    | 'course'
    | 'session'
    | 'plan'
    | 'scenario'
    | 'set'
    | 'person'
    | 'ward',
    number
  >;

  before(async () => {
    t = await buildTestApp();
    ({ cookie } = await t.signInAs(['monitoring-officer']));
    const a = await createAuthority(t.db, 'council-a');
    ids.version = (await createCodeVersion(t.db, { authorityId: a, status: 'draft' })).id;
    ids.committee = await createCommittee(t.db, a, 'Standards Committee of A');
    ids.report = (
      await createReport(t.db, {
        authorityId: a,
        committeeId: ids.committee,
        title: 'Report of council A',
        status: 'draft',
      })
    ).id;
    ids.meeting = (
      await createMeeting(t.db, {
        organisationId: ids.committee,
        startsAt: new Date(Date.now() + 7 * 86_400_000),
        agendaPublished: false,
        items: [{ title: 'The report of A', reportId: ids.report }],
      })
    ).id;
    ids.programme = await createProgramme(t.db, a);
    ids.course = await createCourse(t.db, ids.programme);
    ids.session = await createTrainingSession(t.db, ids.course);
    ids.plan = await createWorkshopPlan(t.db, a);
    ids.scenario = await createScenario(t.db, a);
    ids.set = await createScenarioSet(t.db, a, [ids.scenario]);
    ids.person = await createPersonNamed(t.db, a, 'Ada', 'Elsewhere', 'member');
    const ward = await t.db
      .insertInto('areas')
      .values({ authority_id: a, name: 'North Ward of A', kind: 'ward' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.ward = ward.id;
  });
  after(() => t.close());

  const pages = (): string[] => [
    `/admin/code/versions/${ids.version}`,
    `/admin/code/versions/${ids.version}/preview`,
    `/admin/code/versions/${ids.version}/settings`,
    `/admin/code/versions/${ids.version}/items/new`,
    `/admin/code/versions/${ids.version}/consultation`,
    `/admin/code/versions/${ids.version}/agree`,
    `/admin/code/versions/${ids.version}/adopt`,
    `/admin/code/versions/${ids.version}/withdraw`,
    `/admin/code/versions/${ids.version}/compare`,
    `/admin/code/council-a`,
    `/admin/code/council-a/import`,
    `/admin/reports/${ids.report}`,
    `/admin/reports/${ids.report}/edit`,
    `/admin/reports/${ids.report}/withdraw`,
    `/admin/reports/${ids.report}/recommendations/new`,
    `/admin/reports/${ids.report}/body/new`,
    `/admin/reports/${ids.report}/implications`,
    `/admin/reports/${ids.report}/checklist`,
    `/admin/reports/${ids.report}/appendices`,
    `/admin/reports/${ids.report}/readiness`,
    `/admin/reports/${ids.report}/print`,
    `/admin/reports/${ids.report}/word`,
    `/admin/reports/${ids.report}/clearances/new`,
    `/admin/meetings/${ids.meeting}`,
    `/admin/meetings/${ids.meeting}/edit`,
    `/admin/meetings/${ids.meeting}/cancel`,
    `/admin/meetings/${ids.meeting}/attendance`,
    `/admin/meetings/${ids.meeting}/declarations`,
    `/admin/meetings/${ids.meeting}/minutes`,
    `/admin/programmes/${ids.programme}`,
    `/admin/programmes/${ids.programme}/edit`,
    `/admin/programmes/${ids.programme}/approve`,
    `/admin/programmes/${ids.programme}/courses/new`,
    `/admin/programmes/${ids.programme}/topics`,
    `/admin/programmes/${ids.programme}/evaluations`,
    `/admin/programmes/${ids.programme}/evaluations.csv`,
    `/admin/courses/${ids.course}`,
    `/admin/courses/${ids.course}/edit`,
    `/admin/courses/${ids.course}/sessions/new`,
    `/admin/courses/${ids.course}/workshop`,
    `/admin/courses/${ids.course}/evaluation`,
    `/admin/courses/${ids.course}/evaluation/new`,
    `/admin/courses/${ids.course}/evaluations`,
    `/admin/courses/${ids.course}/evaluations.csv`,
    `/admin/sessions/${ids.session}`,
    `/admin/sessions/${ids.session}/edit`,
    `/admin/sessions/${ids.session}/cancel`,
    `/admin/sessions/${ids.session}/confirm`,
    `/admin/sessions/${ids.session}/dates`,
    `/admin/sessions/${ids.session}/attendance`,
    `/admin/sessions/${ids.session}/live`,
    `/admin/sessions/${ids.session}/evaluations`,
    `/admin/sessions/${ids.session}/evaluations.csv`,
    `/admin/sessions/${ids.session}/facilitators`,
    `/admin/sessions/${ids.session}/invitations`,
    `/facilitating/sessions/${ids.session}/run-sheet`,
    `/admin/workshops/${ids.plan}`,
    `/admin/workshops/${ids.plan}/edit`,
    `/admin/workshops/${ids.plan}/paragraphs`,
    `/admin/scenarios/${ids.scenario}`,
    `/admin/scenarios/${ids.scenario}/edit`,
    `/admin/scenarios/${ids.scenario}/answers`,
    `/admin/scenario-sets/${ids.set}`,
    `/admin/scenario-sets/${ids.set}/edit`,
    `/my/scenarios/${ids.set}`,
    `/my/scenarios/${ids.set}/${ids.scenario}`,
    `/admin/people/${ids.person}`,
    `/admin/people/${ids.person}/edit`,
    `/admin/people/${ids.person}/training`,
    `/admin/people/${ids.person}/move-group`,
    `/admin/people/${ids.person}/appointments/new`,
    `/admin/people/${ids.person}/memberships/new`,
    `/admin/people/${ids.person}/invite`,
    `/admin/people/${ids.person}/reset-access`,
    `/admin/organisations/${ids.committee}/edit`,
    `/admin/organisations/${ids.committee}/dissolve`,
    `/admin/wards/${ids.ward}/edit`,
  ];

  test('every page of council A’s records answers 404 to council B’s administrator', async () => {
    const wrong: string[] = [];
    for (const url of pages()) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 404) wrong.push(`${url} → ${response.statusCode}`);
    }
    assert.deepEqual(wrong, []);
  });

  test('changes to council A’s records answer 404 and change nothing', async () => {
    const session = await getForm(t.app, '/admin/reports/new', cookie);
    const snapshot = async () => ({
      audit: await t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      version: await t.db
        .selectFrom('code_versions')
        .selectAll()
        .where('id', '=', ids.version)
        .executeTakeFirstOrThrow(),
      report: await t.db
        .selectFrom('reports')
        .selectAll()
        .where('id', '=', ids.report)
        .executeTakeFirstOrThrow(),
      person: await t.db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', ids.person)
        .executeTakeFirstOrThrow(),
      meeting: await t.db
        .selectFrom('meetings')
        .selectAll()
        .where('id', '=', ids.meeting)
        .executeTakeFirstOrThrow(),
      programme: await t.db
        .selectFrom('programmes')
        .selectAll()
        .where('id', '=', ids.programme)
        .executeTakeFirstOrThrow(),
      committee: await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', ids.committee)
        .executeTakeFirstOrThrow(),
    });
    const before = await snapshot();
    const posts: [string, Record<string, string>][] = [
      [`/admin/code/versions/${ids.version}/settings`, { giftsThreshold: '1' }],
      [`/admin/code/versions/${ids.version}/withdraw`, {}],
      [`/admin/code/council-a/drafts`, {}],
      [`/admin/reports/${ids.report}/edit`, { title: 'Taken over' }],
      [`/admin/reports/${ids.report}/withdraw`, {}],
      [`/admin/people/${ids.person}/edit`, { givenName: 'Taken', familyName: 'Over' }],
      [`/admin/meetings/${ids.meeting}/cancel`, {}],
      [`/admin/programmes/${ids.programme}/edit`, { title: 'Taken over' }],
      [`/admin/organisations/${ids.committee}/edit`, { name: 'Taken over' }],
      [`/admin/organisations/${ids.committee}/dissolve`, {}],
      [`/admin/sessions/${ids.session}/cancel`, {}],
      [`/admin/scenarios/${ids.scenario}/edit`, { title: 'Taken over' }],
    ];
    const wrong: string[] = [];
    for (const [url, fields] of posts) {
      const response = await postForm(t.app, url, fields, session);
      if (![403, 404].includes(response.statusCode)) wrong.push(`${url} → ${response.statusCode}`);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(await snapshot(), before);
  });

  test('the administrator still sees their own council’s records and its parishes’', async () => {
    const own = await authorityIdOf(t.db, 'test-council');
    const parish = await createAuthority(t.db, 'parish-of-b', { parentId: own });
    const ownVersion = await createCodeVersion(t.db, { authorityId: own, status: 'draft' });
    const parishVersion = await createCodeVersion(t.db, { authorityId: parish, status: 'draft' });
    const parishPerson = await createPersonNamed(t.db, parish, 'Pat', 'Parish', 'member');
    const parishCommittee = await createCommittee(t.db, parish, 'Parish council', 'council');
    for (const url of [
      `/admin/code/versions/${ownVersion.id}`,
      `/admin/code/versions/${parishVersion.id}`,
      `/admin/code/versions/${parishVersion.id}/settings`,
      `/admin/code/parish-of-b`,
      `/admin/code/test-council`,
      `/admin/people/${parishPerson}`,
      `/admin/organisations/${parishCommittee}/edit`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      assert.equal(response.statusCode, 200, url);
    }
  });
});
