import { dataVersion } from './data-version.js';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import type { ViewContext } from './views.js';

/** What a public page needs to be rendered: loading it may query the database. */
export interface PublicPage {
  template: string;
  context: ViewContext;
  /** anything but 200 (a form's errors) is sent as made, never kept */
  statusCode?: number;
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Send a public page, from the cache when nothing has changed since it was made. Only
     * anonymous GETs are cached; signed-in people always get a fresh page.
     */
    renderPublicPage: (load: () => Promise<PublicPage>) => Promise<FastifyReply>;
    /**
     * Send a signed-in person's page, from their own cache when nothing has changed since it
     * was made for them (decision 0022). `load` checks what the person may see, as it would
     * for an uncached page: it runs whenever the page is made. `also`, when given, is part of
     * the page's key: a fingerprint of data that changes without changing the data version
     * (writes marked QUIET_WRITE, such as answers to a live scenario).
     */
    renderPersonalPage: (
      load: () => Promise<PublicPage | null>,
      also?: string,
    ) => Promise<FastifyReply>;
    /**
     * `renderPersonalPage` for a route whose page is made by render code written for an
     * ordinary reply (`reply.render(template, context, status)`): `make` runs against a
     * stand-in reply that keeps what it would render, whenever the page is made. A redirect
     * `make` sends instead is sent as it is, and nothing is kept.
     */
    /**
     * Send a download (CSV, Word, calendar), from the cache when nothing has changed since it
     * was made for this visitor: each signed-in person has their own copy, anonymous visitors
     * share one. `load` checks access as it would uncached, whenever the file is made; `also`
     * is part of the key, as for `renderPersonalPage`.
     */
    sendKeptFile: (load: () => Promise<KeptFile>, also?: string) => Promise<FastifyReply>;
    renderPersonalPageWith: (
      make: (reply: FastifyReply) => unknown,
      also?: string,
    ) => Promise<FastifyReply>;
  }
}

/** A download as it is sent. */
export interface KeptFile {
  /** the Content-Type */
  type: string;
  body: Buffer | string;
  /** Content-Disposition and the like */
  headers?: Record<string, string>;
}

interface FileEntry {
  version: number;
  madeAt: number;
  type: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** A cached page's bytes, split at the nonce's and the CSRF token's places. */
function pageParts(html: string): { parts: Buffer[]; holes: ('nonce' | 'csrf')[] } {
  const pieces = collapseBlankLines(html).split(
    new RegExp(`(${NONCE_PLACEHOLDER}|${CSRF_PLACEHOLDER})`),
  );
  const parts: Buffer[] = [];
  const holes: ('nonce' | 'csrf')[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) parts.push(Buffer.from(piece, 'utf8'));
    else holes.push(piece === CSRF_PLACEHOLDER ? 'csrf' : 'nonce');
  });
  return { parts, holes };
}

interface Entry {
  version: number;
  madeAt: number;
  /** The page's bytes, split where each response's CSP nonce and CSRF token go. */
  parts: Buffer[];
  /** what goes between part i and part i + 1 */
  holes: ('nonce' | 'csrf')[];
}

/** The largest page kept in a cache, in bytes. */
export const MAX_KEPT_BYTES = 512 * 1024;

/** Stands in for the CSP nonce in cached HTML; each response gets its own nonce. */
const NONCE_PLACEHOLDER = 'probity-nonce-placeholder';
/** Stands in for the CSRF token in a cached personal page; each response gets a fresh one. */
const CSRF_PLACEHOLDER = 'probity-csrf-placeholder';

/**
 * Templates indent generously; a run of blank space that holds a line break renders exactly as
 * one line break, except inside `<pre>` and `<textarea>`, so pages with those are left as made.
 */
export function collapseBlankLines(html: string): string {
  if (/<(pre|textarea)\b/i.test(html)) return html;
  return html.replace(/[ \t]*\n\s*/g, '\n');
}

/** The cached bytes of a page: encoded once, with the nonce's places kept apart. */
export function cachedParts(html: string): Buffer[] {
  return collapseBlankLines(html)
    .split(NONCE_PLACEHOLDER)
    .map((part) => Buffer.from(part, 'utf8'));
}

/**
 * Caches of rendered pages: public pages keyed by URL, and signed-in people's own pages keyed
 * by person, day and URL. A page is served from a cache only if it was made at the current data
 * version (decision 0022) and less than `maxAgeMs` ago, so even a change made outside Probity
 * shows within a minute. A response with a one-time banner is never cached or served from one.
 */
export const pageCachePlugin = fp(
  async (app: FastifyInstance, options: { db: Db; maxEntries?: number; maxAgeMs?: number }) => {
    const maxEntries = options.maxEntries ?? 500;
    const maxAgeMs = options.maxAgeMs ?? 60_000;
    const cache = new Map<string, Entry>();
    /**
     * Keep a page, the oldest going when there are more than `maxEntries`. A page larger than
     * `MAX_KEPT_BYTES` is sent but not kept: a few such pages per person would fill memory.
     */
    const keep = <E extends Entry | FileEntry>(map: Map<string, E>, key: string, entry: E) => {
      map.delete(key);
      const bytes =
        'parts' in entry ? entry.parts.reduce((n, part) => n + part.length, 0) : entry.body.length;
      if (bytes > MAX_KEPT_BYTES) return;
      map.set(key, entry);
      if (map.size > maxEntries) map.delete(map.keys().next().value as string);
    };
    /**
     * A cached page with this response's nonce in its nonce holes and, if it has a form, a CSRF
     * token made for this response (and the visitor's CSRF secret cookie, when they have none).
     */
    const send = (reply: FastifyReply, entry: Entry, hit: boolean) => {
      const nonce = Buffer.from(
        (reply.cspNonce as { script?: string } | undefined)?.script ?? '',
        'utf8',
      );
      const csrf = Buffer.from(entry.holes.includes('csrf') ? reply.generateCsrf() : '', 'utf8');
      const body = Buffer.concat(
        entry.parts.flatMap((part, i) =>
          i === 0 ? [part] : [entry.holes[i - 1] === 'csrf' ? csrf : nonce, part],
        ),
      );
      return reply
        .header('x-probity-cache', hit ? 'hit' : 'miss')
        .type('text/html; charset=utf-8')
        .send(body);
    };

    app.decorateReply(
      'renderPublicPage',
      async function (this: FastifyReply, load: () => Promise<PublicPage>) {
        const request = this.request;
        const cacheable =
          request.method === 'GET' && request.user === null && !request.cookies.probity_flash;
        if (!cacheable) {
          const page = await load();
          return this.render(page.template, page.context);
        }
        const key = request.url;
        const version = await dataVersion(options.db);
        const entry = cache.get(key);
        if (entry && entry.version === version && Date.now() - entry.madeAt < maxAgeMs) {
          return send(this, entry, true);
        }
        const page = await load();
        if (page.statusCode !== undefined && page.statusCode !== 200) {
          return this.render(page.template, page.context, page.statusCode);
        }
        // A public page with a form (sign-in) keeps a hole for the CSRF token: every visitor
        // gets a token of their own, never one made for somebody else.
        const html = this.renderToString(page.template, {
          ...page.context,
          cspNonce: NONCE_PLACEHOLDER,
          csrfToken: CSRF_PLACEHOLDER,
        });
        const made: Entry = { version, madeAt: Date.now(), ...pageParts(html) };
        keep(cache, key, made);
        return send(this, made, false);
      },
    );

    const personal = new Map<string, Entry>();
    app.decorateReply(
      'renderPersonalPage',
      async function (this: FastifyReply, load: () => Promise<PublicPage | null>, also = '') {
        const request = this.request;
        const user = request.user;
        if (request.method !== 'GET' || user === null || request.cookies.probity_flash) {
          const page = await load();
          if (page === null) return this;
          return this.render(page.template, page.context, page.statusCode);
        }
        // The person, the day and the address decide the page; access is checked by `load`
        // when it is made, and any change of data (roles included) makes it again.
        const key = `${user.personId}|${todayInEngland()}|${request.url}|${also}`;
        const version = await dataVersion(options.db);
        let entry = personal.get(key);
        const hit = !!entry && entry.version === version && Date.now() - entry.madeAt < maxAgeMs;
        if (!hit) {
          const page = await load();
          // The route answered itself (a redirect): nothing to keep.
          if (page === null) return this;
          if (page.statusCode !== undefined && page.statusCode !== 200) {
            return this.render(page.template, page.context, page.statusCode);
          }
          const html = this.renderToString(page.template, {
            ...page.context,
            cspNonce: NONCE_PLACEHOLDER,
            csrfToken: CSRF_PLACEHOLDER,
          });
          entry = { version, madeAt: Date.now(), ...pageParts(html) };
          keep(personal, key, entry);
        }
        return send(this, entry!, hit);
      },
    );

    const files = new Map<string, FileEntry>();
    app.decorateReply(
      'sendKeptFile',
      async function (this: FastifyReply, load: () => Promise<KeptFile>, also = '') {
        const request = this.request;
        const who = request.user?.personId ?? 'anyone';
        const key = `${who}|${todayInEngland()}|${request.url}|${also}`;
        const version = await dataVersion(options.db);
        let entry = files.get(key);
        const hit = !!entry && entry.version === version && Date.now() - entry.madeAt < maxAgeMs;
        if (!hit) {
          const file = await load();
          const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
          entry = {
            version,
            madeAt: Date.now(),
            type: file.type,
            body,
            headers: file.headers ?? {},
          };
          keep(files, key, entry);
        }
        return this.headers(entry!.headers)
          .header('x-probity-cache', hit ? 'hit' : 'miss')
          .type(entry!.type)
          .send(entry!.body);
      },
    );

    app.decorateReply(
      'renderPersonalPageWith',
      function (this: FastifyReply, make: (reply: FastifyReply) => unknown, also = '') {
        return this.renderPersonalPage(() => capturedPage(this, make), also);
      },
    );
  },
  { name: 'probity-page-cache', dependencies: ['probity-views', 'probity-session'] },
);

/**
 * What `make` renders, without sending it: `make` gets a stand-in for the reply whose `render`
 * keeps the template, context and status. A route's GET pages render, redirect (sent through
 * the real reply: null) or throw (404); one that does none of these is a mistake.
 */
async function capturedPage(
  reply: FastifyReply,
  make: (reply: FastifyReply) => unknown,
): Promise<PublicPage | null> {
  let page: PublicPage | null = null;
  let redirected = false;
  const standIn: FastifyReply = Object.create(reply, {
    redirect: {
      value: (url: string, code?: number) => {
        redirected = true;
        return code === undefined ? reply.redirect(url) : reply.redirect(url, code);
      },
    },
    // A reply is thenable (it resolves once sent): the stand-in must not be, or awaiting what
    // `make` returns would wait for a response that is only sent after `make` finishes.
    then: { value: undefined },
    render: {
      value: (template: string, context: ViewContext = {}, statusCode?: number) => {
        page = { template, context, ...(statusCode === undefined ? {} : { statusCode }) };
        return standIn;
      },
    },
  }) as FastifyReply;
  await make(standIn);
  if (page === null && redirected) return null;
  if (page === null) throw new Error('The page rendered nothing to keep');
  return page;
}

/** Stands in for a cached fragment in a page rendered around it. */
export const FRAGMENT_PLACEHOLDER = 'probity-fragment-placeholder';

/**
 * A page whose main part was cached as bytes (see `cachedFragment`): the page is rendered with
 * `FRAGMENT_PLACEHOLDER` where the fragment goes, and the fragment's bytes are spliced in, so a
 * long table is neither rendered nor encoded again.
 */
export function spliceFragment(page: string, fragment: Buffer): Buffer {
  const at = page.indexOf(FRAGMENT_PLACEHOLDER);
  if (at < 0) throw new Error('The page has no place for its cached fragment');
  return Buffer.concat([
    Buffer.from(page.slice(0, at), 'utf8'),
    fragment,
    Buffer.from(page.slice(at + FRAGMENT_PLACEHOLDER.length), 'utf8'),
  ]);
}

/** A rendered fragment as the bytes to cache: blank lines collapsed, encoded once. */
export function cachedFragment(html: string): Buffer {
  return Buffer.from(collapseBlankLines(html), 'utf8');
}
