import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { createSession, SESSION_COOKIE } from '../platform/session.js';
import { loadDemoCouncil } from './demo.js';
import { ADOPTION_REPORT, DRAFT_REPORT } from './demo-reports-text.js';

/** The demo's reports and meetings as the pages show them, to the people the demo signs in as. */
let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
});
after(() => t.close());

async function cookieOf(email: string): Promise<string> {
  const person = await t.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const token = await createSession(t.db, person.id, { idleMinutes: 30, absoluteHours: 1 });
  return `${SESSION_COOKIE}=${token}`;
}

async function page(url: string, cookie?: string): Promise<string> {
  const response = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
  assert.equal(response.statusCode, 200, url);
  return response.body;
}

const idOf = async (title: string) =>
  (
    await t.db
      .selectFrom('reports')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id;

const escaped = (text: string) => text.replace(/'/g, '&#39;');

test('the demo officer’s dashboard shows the clearance waiting for them', async () => {
  const body = await page('/dashboard', await cookieOf('officer@demo-city.example'));
  assert.match(body, /1 request is waiting for you/);
  assert.ok(body.includes(escaped(DRAFT_REPORT.title)) || body.includes(DRAFT_REPORT.title));
});

test('the Monitoring Officer sees the draft and its readiness problems', async () => {
  const mo = await cookieOf('mo@demo-city.example');
  const draft = await idOf(DRAFT_REPORT.title);
  await page(`/admin/reports/${draft}`, mo);
  const readiness = await page(`/admin/reports/${draft}/readiness`, mo);
  assert.match(readiness, /Property implications: answer yes or no/);
  assert.match(readiness, /best practise/);
  assert.match(readiness, /complimentary training/);
});

test('the December draft carries the updated code and the draft programme as its appendices', async () => {
  const mo = await cookieOf('mo@demo-city.example');
  const draft = await idOf(DRAFT_REPORT.title);
  const body = await page(`/admin/reports/${draft}`, mo);
  assert.match(
    body,
    /Appendix A: Updated Members(&#39;|')? Code of Conduct, with the changes marked/,
  );
  assert.match(
    body,
    /<h3[^>]*>Appendix B: Member Development Training Programme 2027\/28 \(draft\)<\/h3>/,
  );
  assert.match(body, /Status\s*<\/dt>\s*<dd[^>]*>\s*Draft, not yet approved/);
  assert.match(body, /The updated code, group by group/);
  assert.match(body, /Each political group, in a session of its own/);
});

test('the public sees the meetings, the 2021 minutes and the published report', async () => {
  const list = await page('/meetings');
  assert.match(list, /Audit and Standards Committee/);
  assert.match(list, /Planning Committee/);
  const held = await t.db
    .selectFrom('meetings')
    .select('id')
    .where('status', '=', 'held')
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  await page(`/meetings/${held.id}`);
  const minutes = await page(`/meetings/${held.id}/minutes`);
  assert.match(minutes, /ASC 25\/03\/21 item 7/);
  await page(`/reports/${await idOf(ADOPTION_REPORT.title)}`);
  const draft = await t.app.inject({ url: `/reports/${await idOf(DRAFT_REPORT.title)}` });
  assert.equal(draft.statusCode, 404, 'a draft is not public');
});
