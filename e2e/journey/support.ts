// What the journey's steps share: one server over a council that has only its people, one
// browser, a signed-in page per person, and screenshots written into the user guide.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { hashPassword } from '../../src/platform/passwords.js';
import { DashboardPage, SignInPage } from '../pages/index.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from '../support/browser.js';
import { DEMO_PASSWORD, startServer, type TestServer } from '../support/server.js';

/** docs/guide/images/: the user guide's pictures, rewritten by every run of the journey. */
export const GUIDE_IMAGES = fileURLToPath(new URL('../../../docs/guide/images/', import.meta.url));

export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1100, height: 900 } };

/** Someone the journey signs in as (their own browser profile, so cookies never mix). */
export interface Person {
  id: number;
  email: string;
  name: string;
}

export interface GroupWithWhip {
  organisationId: number;
  name: string;
  whip: Person;
  /** two ordinary members of the group (no leader or whip), with accounts */
  members: Person[];
}

export interface Journey {
  server: TestServer;
  browser: Browser;
  authorityId: number;
  /** the demo council's slug, 'demo-city' */
  slug: string;
  mo: Person;
  democraticServices: Person;
  /** the Principal Accountant (finance) and the Senior Solicitor (legal) */
  financeOfficer: Person;
  legalOfficer: Person;
  facilitator: Person;
  independentPerson: Person;
  /** every political group, largest first, with its whip and two members who can sign in */
  groups: GroupWithWhip[];
  /** Audit and Standards Committee */
  standardsCommitteeId: number;
  /**
   * A page signed in as this person (desktop unless `phone`), made once and kept for the
   * journey; pass the same options each time. Script errors are collected for the end.
   */
  as(person: Person, options?: { phone?: boolean }): Promise<Page>;
  /** A page with nobody signed in (the public). */
  publicPage(): Promise<Page>;
  /** axe (WCAG 2.2 AA) on the page as it is now; fails the step on any violation. */
  axe(page: Page, label: string): Promise<void>;
  /**
   * Save what the screen shows as docs/guide/images/<name>.png for the user guide. Names are
   * like 'mo-code-import-preview'; the guide links them, so keep a name once it is used.
   */
  shot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  scriptErrors: string[];
  close(): Promise<void>;
}

async function personByEmail(server: TestServer, email: string): Promise<Person> {
  const row = await server.db
    .selectFrom('people')
    .select(['id', 'email', 'given_name', 'family_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email ?? email, name: `${row.given_name} ${row.family_name}` };
}

async function officerByTitle(server: TestServer, jobTitle: string): Promise<Person> {
  const row = await server.db
    .selectFrom('people')
    .select(['id', 'email', 'given_name', 'family_name'])
    .where('job_title', '=', jobTitle)
    .executeTakeFirstOrThrow();
  if (!row.email) throw new Error(`The ${jobTitle} has no email address`);
  return { id: row.id, email: row.email, name: `${row.given_name} ${row.family_name}` };
}

/** Give these people a password (DEMO_PASSWORD), as an administrator's invitation would. */
async function giveAccounts(server: TestServer, people: Person[]): Promise<void> {
  const existing = new Set(
    (await server.db.selectFrom('credentials').select('person_id').execute()).map(
      (r) => r.person_id,
    ),
  );
  const missing = people.filter((p) => !existing.has(p.id));
  if (missing.length === 0) return;
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await server.db
    .insertInto('credentials')
    .values(missing.map((p, i) => ({ person_id: p.id, password_hash: hashes[i] ?? '' })))
    .execute();
}

async function politicalGroups(server: TestServer, authorityId: number): Promise<GroupWithWhip[]> {
  const rows = await server.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select([
      'o.id as organisationId',
      'o.name as groupName',
      'm.role',
      'p.id',
      'p.email',
      'p.given_name',
      'p.family_name',
    ])
    .where('o.authority_id', '=', authorityId)
    .where('o.classification', '=', 'political-group')
    .where('m.end_date', 'is', null)
    .orderBy('o.id')
    .orderBy('p.id')
    .execute();
  const groups = new Map<
    number,
    { name: string; whip?: Person; members: Person[]; size: number }
  >();
  for (const row of rows) {
    const group = groups.get(row.organisationId) ?? { name: row.groupName, members: [], size: 0 };
    groups.set(row.organisationId, group);
    group.size += 1;
    if (!row.email) continue;
    const person = { id: row.id, email: row.email, name: `${row.given_name} ${row.family_name}` };
    if (row.role === 'whip') group.whip = person;
    else if (row.role === 'member' && group.members.length < 2) group.members.push(person);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.size - a.size)
    .map(([organisationId, g]) => {
      if (!g.whip) throw new Error(`${g.name} has no whip`);
      return { organisationId, name: g.name, whip: g.whip, members: g.members };
    });
}

/** Start the server and browser for the journey. Call close() in after(). */
export async function startJourney(): Promise<Journey> {
  const [server, browser] = await Promise.all([startServer({ peopleOnly: true }), launchBrowser()]);
  const authority = await server.db
    .selectFrom('authorities')
    .select(['id', 'slug'])
    .where('slug', '=', 'demo-city')
    .executeTakeFirstOrThrow();
  const committee = await server.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', authority.id)
    .where('name', '=', 'Audit and Standards Committee')
    .executeTakeFirstOrThrow();
  const account = (role: string) => {
    const found = server.accounts.find((a) => a.role === role);
    if (!found) throw new Error(`no demo account for ${role}`);
    return personByEmail(server, found.email);
  };
  const [mo, democraticServices, facilitator, independentPerson, financeOfficer, legalOfficer] =
    await Promise.all([
      account('monitoring-officer'),
      account('democratic-services'),
      account('facilitator'),
      account('independent-person'),
      officerByTitle(server, 'Principal Accountant'),
      officerByTitle(server, 'Senior Solicitor'),
    ]);
  const groups = await politicalGroups(server, authority.id);
  await giveAccounts(server, [legalOfficer, ...groups.flatMap((g) => [g.whip, ...g.members])]);

  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  const errorsByPage: string[][] = [];

  async function openContext(options: BrowserContextOptions): Promise<Page> {
    const context = await newContext(browser, server.baseURL, options);
    contexts.push(context);
    const page = await context.newPage();
    errorsByPage.push(watchForScriptErrors(page));
    return page;
  }

  return {
    server,
    browser,
    authorityId: authority.id,
    slug: authority.slug,
    mo,
    democraticServices,
    financeOfficer,
    legalOfficer,
    facilitator,
    independentPerson,
    groups,
    standardsCommitteeId: committee.id,
    async as(person, options = {}) {
      const key = `${person.email}${options.phone ? ' (phone)' : ''}`;
      const known = pages.get(key);
      if (known) return known;
      const page = await openContext(options.phone ? PHONE : DESKTOP);
      await (await SignInPage.open(page)).signIn(person.email, DEMO_PASSWORD);
      await DashboardPage.verifyOnPage(page);
      pages.set(key, page);
      return page;
    },
    async publicPage() {
      const known = pages.get('public');
      if (known) return known;
      const page = await openContext(DESKTOP);
      pages.set('public', page);
      return page;
    },
    axe: (page, label) => checkAccessibility(page, label),
    async shot(page, name, options = {}) {
      await mkdir(GUIDE_IMAGES, { recursive: true });
      await page.screenshot({
        path: path.join(GUIDE_IMAGES, `${name}.png`),
        fullPage: options.fullPage ?? false,
      });
    },
    get scriptErrors() {
      return errorsByPage.flat();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
