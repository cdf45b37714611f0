import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Role } from '../platform/access.js';
import { createSession, SESSION_COOKIE } from '../platform/session.js';
import { hashPassword } from '../platform/passwords.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** the test database's connection string (for a second handle: another process) */
  url: string;
  config: Config;
  /** a person holding these roles, signed in: returns their cookie header and id */
  signInAs: (
    roles: Role[],
    options?: { whipOf?: number; authorityId?: number },
  ) => Promise<{ cookie: string; personId: number }>;
  close: () => Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PROBITY_DEMO: 'false',
    COOKIE_SECRET: 'test-cookie-secret-that-is-long-enough-0123456789',
    PROBITY_BASE_URL: 'http://probity.test',
    ...overrides,
  });
}

let personCounter = 0;

/** A person of the given kind in a fresh authority; with a password when one is given. */
export async function createPerson(
  db: Db,
  options: {
    roles?: Role[];
    email?: string;
    password?: string;
    kind?: 'member' | 'officer';
    whipOf?: number;
    /** the person's council; 'test-council' (made when first needed) when not given */
    authorityId?: number;
  } = {},
): Promise<number> {
  personCounter += 1;
  const authority =
    (options.authorityId === undefined ? undefined : { id: options.authorityId }) ??
    (await db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'test-council')
      .executeTakeFirst()) ??
    (await db
      .insertInto('authorities')
      .values({ slug: 'test-council', name: 'Test Council', kind: 'principal', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow());
  const person = await db
    .insertInto('people')
    .values({
      authority_id: authority.id,
      given_name: 'Test',
      family_name: `Person ${personCounter}`,
      email: options.email ?? `person${personCounter}-${Date.now()}@test.example`,
      kind: options.kind ?? 'officer',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let whipOf = options.whipOf;
  if (options.roles?.includes('group-whip') && whipOf === undefined) {
    whipOf = await createGroup(db, `Group ${personCounter}`);
  }
  for (const role of options.roles ?? []) {
    if (role === 'group-whip') {
      // The whip of a group is whoever holds its current whip membership.
      await db
        .insertInto('memberships')
        .values({
          person_id: person.id,
          organisation_id: whipOf!,
          role: 'whip',
          start_date: '2024-05-01',
        })
        .execute();
    } else {
      await db
        .insertInto('person_roles')
        .values({ person_id: person.id, role, organisation_id: null })
        .execute();
    }
  }
  if (options.password) {
    await db
      .insertInto('credentials')
      .values({ person_id: person.id, password_hash: await hashPassword(options.password) })
      .execute();
  }
  return person.id;
}

export async function createGroup(db: Db, name: string): Promise<number> {
  const authority = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'test-council')
    .executeTakeFirstOrThrow();
  const group = await db
    .insertInto('organisations')
    .values({
      authority_id: authority.id,
      name,
      classification: 'political-group',
      parent_id: null,
      committee_type: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return group.id;
}

export async function buildTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, db: database.db, logger: false });
  await app.ready();
  const settings = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
  return {
    app,
    db: database.db,
    url: database.url,
    config,
    signInAs: async (roles, options = {}) => {
      const personId = await createPerson(database.db, { roles, ...options });
      const token = await createSession(database.db, personId, settings);
      return { cookie: `${SESSION_COOKIE}=${token}`, personId };
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Cookies a response sets, as one Cookie header value merged over the ones we had. */
export function mergeCookies(existing: string, response: LightMyRequestResponse): string {
  const jar = new Map<string, string>();
  for (const part of existing.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) jar.set(name, rest.join('='));
  }
  for (const c of response.cookies as {
    name: string;
    value: string;
    maxAge?: number;
    expires?: Date;
  }[]) {
    const expired =
      c.maxAge === 0 ||
      (c.expires !== undefined && c.expires.getTime() < Date.now()) ||
      c.value === '';
    if (expired) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
  return [...jar.entries()].map(([n, v]) => `${n}=${v}`).join('; ');
}

/** GET a page with a form and return the cookies plus its CSRF token, as a browser would have them. */
export async function getForm(
  app: FastifyInstance,
  url: string,
  cookie = '',
): Promise<{ cookie: string; csrf: string; body: string; statusCode: number }> {
  const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
  if (!match?.[1]) throw new Error(`No CSRF token on ${url} (status ${response.statusCode})`);
  return {
    cookie: mergeCookies(cookie, response),
    csrf: match[1],
    body: response.body,
    statusCode: response.statusCode,
  };
}

/** POST a form as a browser does (urlencoded, with the CSRF token). */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  session: { cookie: string; csrf: string },
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...fields, _csrf: session.csrf })) {
    for (const value of [v].flat()) body.append(k, value);
  }
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/**
 * Read a page until it comes from a cache (`x-probity-cache: hit`). PostgreSQL's notice of a
 * test's own last commit can arrive just after the first read and make the next one a miss,
 * harmlessly (decision 0022); a page that is never served from the cache fails the test.
 */
export async function readUntilCached(
  read: () => Promise<LightMyRequestResponse>,
  what = 'the page',
): Promise<LightMyRequestResponse> {
  for (let i = 0; i < 50; i += 1) {
    const response = await read();
    if (response.headers['x-probity-cache'] === 'hit') return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what} was never served from the cache`);
}
