import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getForm, postForm } from '../../testing/app.js';
import { loadReportDocument } from './document.js';
import { errorSummary, reportsTestApp, type ReportsTest } from './int-test-support.js';

let s: ReportsTest;
before(async () => {
  s = await reportsTestApp();
});
after(() => s.t.close());

test('a report is started with every field of the seed, its authors and an audit record', async () => {
  const id = await s.createReport({
    author3: '  ',
    category: 'exempt',
    exemptParagraph: '3',
    reservedForCouncil: 'yes',
    areasAffected: 'All wards',
  });
  const doc = await loadReportDocument(s.t.db, id);
  assert.ok(doc);
  assert.equal(doc.report.title, 'Updated members’ code and training');
  assert.equal(doc.report.committee_id, s.orgs.standards);
  assert.equal(doc.report.authority_id, s.authorityId);
  assert.equal(doc.report.report_of, 'Monitoring Officer');
  assert.equal(doc.report.report_date, '2027-03-25');
  assert.equal(doc.report.category, 'exempt');
  assert.equal(doc.report.exempt_paragraph, 3);
  assert.equal(doc.report.portfolio_member_id, s.councillor);
  assert.equal(doc.report.reserved_for_council, true);
  assert.equal(doc.report.press_release, false);
  assert.equal(doc.report.status, 'draft');
  assert.deepEqual(
    doc.authors.map((a) => a.name),
    ['Sam Carter', 'Alex Brown'],
  );
  const [created] = await s.audits(id);
  assert.equal(created?.action, 'report-created');
  assert.equal(created?.actor_person_id, s.admin.personId);

  const page = await s.page(`/admin/reports/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sam Carter \/ Alex Brown/);
  assert.match(page.body, /Exempt: paragraph 3 of Schedule 12A/);
  assert.match(page.body, /Councillor Terry Fenwick, Cabinet Member for Governance/);
  for (const link of ['implications', 'checklist', 'appendices', 'readiness'])
    assert.match(page.body, new RegExp(`href="/admin/reports/${id}/${link}"`));
});

test('the form refuses a missing subject, committee and answers, with the typed values kept', async () => {
  const response = await s.submit('/admin/reports/new', {
    title: '',
    committeeId: '',
    reportOf: 'Monitoring Officer',
    'reportDate-day': '31',
    'reportDate-month': '2',
    'reportDate-year': '2027',
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorSummary(response.body), [
    'Enter the subject of the report',
    'Select the committee the report goes to',
    'The date of the report must be a real date',
    'Select whether the report is open or exempt',
    'Select yes if the matter is reserved for full Council',
    'Select yes if there will be a press release',
  ]);
  assert.match(response.body, /value="Monitoring Officer"/);
  assert.match(response.body, /href="#reportDate-day"/);
});

test('an exempt report needs its Schedule 12A paragraph', async () => {
  const response = await s.submit('/admin/reports/new', s.validFields({ category: 'exempt' }));
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorSummary(response.body), [
    'Select the paragraph of Schedule 12A that makes the report exempt',
  ]);
  const eight = await s.submit(
    '/admin/reports/new',
    s.validFields({ category: 'exempt', exemptParagraph: '8', title: '' }),
  );
  assert.equal(eight.statusCode, 400);
  assert.deepEqual(errorSummary(eight.body), [
    'Enter the subject of the report',
    'Select the paragraph of Schedule 12A that makes the report exempt',
  ]);
});

test('a committee of another council, a dissolved one or a stranger as portfolio member is refused', async () => {
  for (const committeeId of [s.orgs.otherCommittee, s.orgs.dissolved, 999999, 'abc']) {
    const response = await s.submit(
      '/admin/reports/new',
      s.validFields({ committeeId: String(committeeId) }),
    );
    assert.equal(response.statusCode, 400, String(committeeId));
    assert.deepEqual(errorSummary(response.body), [
      'Select a committee of your council from the list',
    ]);
  }
  const stranger = await s.submit(
    '/admin/reports/new',
    s.validFields({ portfolioMemberId: String(s.admin.personId) }),
  );
  assert.equal(stranger.statusCode, 400);
  assert.deepEqual(errorSummary(stranger.body), [
    'Select a current councillor from the list, or none',
  ]);
  const form = await s.page('/admin/reports/new');
  assert.match(form.body, /Test Council<\/option>/, 'full Council is a choice');
  assert.match(form.body, /Hearings Sub-Committee/);
  assert.doesNotMatch(form.body, /Old Ethics Committee|Other Standards Committee/);
});

test('editing a draft changes its fields and authors, audited with before and after', async () => {
  const id = await s.createReport();
  const url = `/admin/reports/${id}/edit`;
  const form = await s.page(url);
  assert.match(form.body, /value="Sam Carter"/);
  const response = await s.submit(
    url,
    s.validFields({
      title: 'A new subject',
      author1: 'Jo Khan',
      author2: '',
      committeeId: String(s.orgs.council),
    }),
  );
  assert.equal(response.statusCode, 303);
  const doc = await loadReportDocument(s.t.db, id);
  assert.equal(doc?.report.title, 'A new subject');
  assert.equal(doc?.committee?.name, 'Test Council');
  assert.deepEqual(
    doc?.authors.map((a) => a.name),
    ['Jo Khan'],
  );
  const changed = (await s.audits(id)).at(-1);
  assert.equal(changed?.action, 'report-changed');
  assert.deepEqual(changed?.changes.title, {
    before: 'Updated members’ code and training',
    after: 'A new subject',
  });
  assert.ok(changed?.changes.authors);

  const bad = await s.submit(url, s.validFields({ title: '' }));
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(errorSummary(bad.body), ['Enter the subject of the report']);
});

test('a withdrawn or published report refuses every change with a clear message', async () => {
  const id = await s.createReport();
  const form = await getForm(s.t.app, `/admin/reports/${id}/edit`, s.admin.cookie);
  const withdrawn = await s.submit(`/admin/reports/${id}/withdraw`, {});
  assert.equal(withdrawn.statusCode, 303);
  const report = await s.t.db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(report.status, 'withdrawn');
  assert.equal((await s.audits(id)).at(-1)?.action, 'report-withdrawn');

  const again = await postForm(s.t.app, `/admin/reports/${id}/edit`, s.validFields(), form);
  assert.equal(again.statusCode, 400);
  assert.deepEqual(errorSummary(again.body), [
    'This report is withdrawn: only a draft report can be changed',
  ]);
  const editPage = await s.page(`/admin/reports/${id}/edit`);
  assert.match(editPage.body, /only a draft report can be changed/);
  assert.doesNotMatch(editPage.body, /name="title"/);
  const twice = await postForm(s.t.app, `/admin/reports/${id}/withdraw`, {}, form);
  assert.equal(twice.statusCode, 400);

  const published = await s.createReport();
  await s.t.db
    .updateTable('reports')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', published)
    .execute();
  const recommendation = await postForm(
    s.t.app,
    `/admin/reports/${published}/recommendations`,
    { text: 'Agree it' },
    form,
  );
  assert.equal(recommendation.statusCode, 400);
  assert.deepEqual(errorSummary(recommendation.body), [
    'This report is published: only a draft report can be changed',
  ]);
  const item = await postForm(
    s.t.app,
    `/admin/reports/${published}/body`,
    { after: 'start', kind: 'section', text: 'Introduction' },
    form,
  );
  assert.equal(item.statusCode, 400);
  const page = await s.page(`/admin/reports/${published}`);
  assert.doesNotMatch(page.body, /Insert an item at the start|Add a recommendation/);
});

test('the list filters by status and committee', async () => {
  const council = await s.createReport({
    title: 'To full Council',
    committeeId: String(s.orgs.council),
  });
  const withdrawnId = await s.createReport({ title: 'Gone away' });
  await s.submit(`/admin/reports/${withdrawnId}/withdraw`, {});
  const all = await s.page('/admin/reports');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /To full Council/);
  assert.match(all.body, /Gone away/);
  assert.doesNotMatch(all.body, /Their report/, 'another council’s reports are not listed');
  const byCommittee = await s.page(`/admin/reports?committee=${s.orgs.council}`);
  assert.match(byCommittee.body, new RegExp(`href="/admin/reports/${council}"`));
  assert.doesNotMatch(byCommittee.body, /Gone away/);
  const withdrawn = await s.page('/admin/reports?status=withdrawn');
  assert.match(withdrawn.body, /Gone away/);
  assert.doesNotMatch(withdrawn.body, /To full Council/);
  assert.equal((await s.page('/admin/reports?status=nonsense&committee=x')).statusCode, 200);
});

test('only administrators may draft; another council’s report does not exist for them', async () => {
  const id = await s.createReport();
  const urls = [
    '/admin/reports',
    '/admin/reports/new',
    `/admin/reports/${id}`,
    `/admin/reports/${id}/edit`,
    `/admin/reports/${id}/withdraw`,
    `/admin/reports/${id}/recommendations/new`,
    `/admin/reports/${id}/body/new?after=start`,
  ];
  const ds = await s.t.signInAs(['democratic-services']);
  for (const url of urls) assert.equal((await s.page(url, ds.cookie)).statusCode, 200, url);
  for (const role of [
    'member',
    'group-whip',
    'officer',
    'facilitator',
    'independent-person',
  ] as const) {
    const someone = await s.t.signInAs([role]);
    for (const url of urls)
      assert.equal((await s.page(url, someone.cookie)).statusCode, 403, `${role} ${url}`);
    const token = await getForm(s.t.app, '/account', someone.cookie);
    const post = await postForm(s.t.app, `/admin/reports/${id}/withdraw`, {}, token);
    assert.equal(post.statusCode, 403);
  }
  for (const url of [
    `/admin/reports/${s.otherReport}`,
    `/admin/reports/${s.otherReport}/edit`,
    `/admin/reports/${s.otherReport}/withdraw`,
    '/admin/reports/abc',
  ])
    assert.equal((await s.page(url)).statusCode, 404, url);
  const form = await getForm(s.t.app, '/admin/reports/new', s.admin.cookie);
  const theirs = await postForm(s.t.app, `/admin/reports/${s.otherReport}/withdraw`, {}, form);
  assert.equal(theirs.statusCode, 404);
  const still = await s.t.db
    .selectFrom('reports')
    .select('status')
    .where('id', '=', s.otherReport)
    .executeTakeFirstOrThrow();
  assert.equal(still.status, 'draft');
});

test('the reports list leads to the council’s checklist implications and house-style words', async () => {
  const list = await s.page('/admin/reports');
  for (const href of ['/admin/implication-types', '/admin/house-style']) {
    assert.match(list.body, new RegExp(`href="${href}"`));
    const page = await s.page(href);
    assert.equal(page.statusCode, 200, href);
  }
});
