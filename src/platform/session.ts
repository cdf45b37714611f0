import { createHash, randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTrx, Db } from '../db/database.js';
import { currentOn, todayInEngland } from '../db/current.js';
import { ROLES, type Role } from './access.js';
import { dataVersion } from './data-version.js';
import { QUIET_WRITE } from '../db/data-changes.js';

export const SESSION_COOKIE = 'probity_session';

/** The signed-in person, as every route and query sees them. */
export interface SignedInUser {
  personId: number;
  authorityId: number;
  name: string;
  email: string | null;
  roles: ReadonlySet<Role>;
  /** organisation ids of the political groups this person is whip of */
  whipOf: readonly number[];
  sessionIdHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SignedInUser | null;
  }
}

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

interface FoundSession {
  user: SignedInUser;
  lastSeenAt: number;
  expiresAt: number;
}

/** Note that a session is in use: not a change of data, so no cache is remade for it. */
async function touchSession(db: DbOrTrx, idHash: string): Promise<void> {
  await sql`${sql.raw(QUIET_WRITE)} update sessions set last_seen_at = now() where id_hash = ${idHash}`.execute(
    db,
  );
}

async function findSession(
  db: DbOrTrx,
  idHash: string,
  settings: SessionSettings,
): Promise<FoundSession | null> {
  // One round trip: the session, the person, their roles and the groups they whip (a group
  // whip is whoever holds a current whip membership of a political group).
  const today = todayInEngland();
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select([
      's.person_id',
      's.last_seen_at',
      's.expires_at',
      'p.authority_id',
      'p.given_name',
      'p.family_name',
      'p.email',
      sql<string[]>`array(select r.role from person_roles r where r.person_id = s.person_id)`.as(
        'roles',
      ),
      sql<number[]>`array(
        select m.organisation_id from memberships m
          join organisations o on o.id = m.organisation_id
         where m.person_id = s.person_id and m.role = 'whip'
           and o.classification = 'political-group' and ${currentOn('m', today)}
         order by m.organisation_id)`.as('whip_of'),
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', new Date())
    .where('s.last_seen_at', '>', new Date(Date.now() - settings.idleMinutes * 60_000))
    .executeTakeFirst();
  if (!row) return null;
  // Touch the session at most once a minute: enough for the idle timeout, few writes.
  let lastSeenAt = row.last_seen_at.getTime();
  if (Date.now() - lastSeenAt > TOUCH_EVERY_MS) {
    await touchSession(db, idHash);
    lastSeenAt = Date.now();
  }
  const roles = new Set<Role>(
    row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  );
  if (row.whip_of.length > 0) roles.add('group-whip');
  return {
    user: {
      personId: row.person_id,
      authorityId: row.authority_id,
      name: `${row.given_name} ${row.family_name}`,
      email: row.email,
      roles,
      whipOf: row.whip_of.map(Number),
      sessionIdHash: idHash,
    },
    lastSeenAt,
    expiresAt: row.expires_at.getTime(),
  };
}

/** Load the person behind a session cookie, or null when it is unknown, idle or expired. */
export async function loadSessionUser(
  db: DbOrTrx,
  token: string,
  settings: SessionSettings,
): Promise<SignedInUser | null> {
  return (await findSession(db, hashToken(token), settings))?.user ?? null;
}

const TOUCH_EVERY_MS = 60_000;
/** A cached session is looked up again after this long, whatever the data version. */
const SESSION_CACHE_MS = 60_000;
const SESSION_CACHE_ENTRIES = 10_000;

interface CachedSession extends FoundSession {
  version: number;
  day: string;
  loadedAt: number;
}

/**
 * Signed-in people as the last lookup found them, kept while the data version stands still
 * (decision 0022): a change of roles, groups or people writes an audit event, and ending a
 * session is a change, so either makes the next request look the session up again. The idle
 * and absolute timeouts are checked on every request; the once-a-minute touch still happens.
 */
class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  constructor(
    private readonly db: Db,
    private readonly settings: SessionSettings,
  ) {}

  async user(idHash: string): Promise<SignedInUser | null> {
    const version = await dataVersion(this.db);
    const now = Date.now();
    const day = todayInEngland();
    const hit = this.entries.get(idHash);
    if (
      hit &&
      hit.version === version &&
      hit.day === day &&
      now - hit.loadedAt < SESSION_CACHE_MS &&
      hit.expiresAt > now &&
      hit.lastSeenAt > now - this.settings.idleMinutes * 60_000
    ) {
      if (now - hit.lastSeenAt > TOUCH_EVERY_MS) {
        await touchSession(this.db, idHash);
        hit.lastSeenAt = now;
      }
      return hit.user;
    }
    this.entries.delete(idHash);
    const found = await findSession(this.db, idHash, this.settings);
    if (!found) return null;
    this.entries.set(idHash, { ...found, version, day, loadedAt: now });
    if (this.entries.size > SESSION_CACHE_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return found.user;
  }
}

/** Start a new session (a new id every sign-in) and return the cookie token. */
export async function createSession(
  db: DbOrTrx,
  personId: number,
  settings: SessionSettings,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      person_id: personId,
      expires_at: new Date(Date.now() + settings.absoluteHours * 3_600_000),
    })
    .execute();
  return token;
}

export async function endSession(db: DbOrTrx, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Sign a person out everywhere: every session of theirs ends. Returns how many ended. */
export async function endAllSessions(db: DbOrTrx, personId: number): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  settings: SessionSettings,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: settings.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/** Reads the session cookie on every request and sets request.user. */
export const sessionPlugin = fp(
  async (app: FastifyInstance, options: { db: Db; settings: SessionSettings }) => {
    app.decorateRequest('user', null);
    const sessions = new SessionCache(options.db, options.settings);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      if (request.url.startsWith('/assets/')) return;
      request.user = await sessions.user(hashToken(token));
      if (request.user === null) clearSessionCookie(reply);
    });
  },
  { name: 'probity-session', dependencies: ['@fastify/cookie'] },
);
