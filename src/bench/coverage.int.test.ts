import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSession, SESSION_COOKIE } from '../platform/session.js';
import { generateLargeDataset, LARGE_ACCOUNTS } from '../seed/large.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { benchLiveAnswers, type LiveAnswersTiming } from './live-answers.js';
import type { PageSpec } from './measure.js';
import { benchPages, type BenchSessions } from './pages.js';
import { findTargets } from './targets.js';
import { UNMEASURED } from './unmeasured.js';

/** A small large council: the pages and their targets do not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let t: TestApp;
let live: LiveAnswersTiming;
let pages: PageSpec[];

before(async () => {
  t = await buildTestApp();
  await generateLargeDataset(t.db, OPTIONS);
  const targets = await findTargets(t.db);
  const signIn = async (email: string) => {
    const person = await t.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const token = await createSession(t.db, person.id, { idleMinutes: 60, absoluteHours: 2 });
    return `${SESSION_COOKIE}=${token}`;
  };
  const who: BenchSessions = {
    mo: await signIn(LARGE_ACCOUNTS.monitoringOfficer),
    whip: await signIn(LARGE_ACCOUNTS.whip),
    councillor: await signIn(LARGE_ACCOUNTS.councillor),
    officer: await signIn(targets.officerEmail),
  };
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  live = await benchLiveAnswers(address, t.db, { attendees: 3, rounds: 1, warmUp: 0 });
  pages = benchPages(targets, who, live);
});
after(async () => {
  await live?.cleanUp();
  await t.close();
});

/** A route's URL as a pattern its concrete paths match. */
const pattern = (url: string): RegExp =>
  new RegExp(`^${url.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/?]+')}(\\?.*)?$`);

test('the benchmark loads every page a GET route serves, or says why it does not', () => {
  const routes = t.app
    .declaredRoutes()
    .filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/'))
    .map((r) => r.url);
  const missing = routes.filter(
    (url) => !(url in UNMEASURED) && !pages.some((page) => pattern(url).test(page.path)),
  );
  assert.deepEqual(missing, [], 'GET routes neither measured by npm run bench nor in UNMEASURED');
  const stale = Object.keys(UNMEASURED).filter((url) => !routes.includes(url));
  assert.deepEqual(stale, [], 'routes in UNMEASURED that the app no longer has');
});

test('every page the benchmark measures answers 200 on the large council', async () => {
  const failures: string[] = [];
  for (const page of pages) {
    const response = await t.app.inject({
      method: 'GET',
      url: page.path,
      headers: page.cookie ? { cookie: page.cookie } : {},
    });
    if (response.statusCode !== 200) failures.push(`${page.label}: ${response.statusCode}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(new Set(pages.map((p) => p.label)).size, pages.length, 'two pages share a label');
});
