import { dataVersion } from './data-version.js';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../db/database.js';
import type { ViewContext } from './views.js';

/** What a public page needs to be rendered: loading it may query the database. */
export interface PublicPage {
  template: string;
  context: ViewContext;
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Send a public page, from the cache when nothing has changed since it was made. Only
     * anonymous GETs are cached; signed-in people always get a fresh page.
     */
    renderPublicPage: (load: () => Promise<PublicPage>) => Promise<FastifyReply>;
  }
}

interface Entry {
  version: number;
  madeAt: number;
  /** The page's bytes, split where each response's CSP nonce goes. */
  parts: Buffer[];
}

/** Stands in for the CSP nonce in cached HTML; each response gets its own nonce. */
const NONCE_PLACEHOLDER = 'probity-nonce-placeholder';

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
 * A cache of rendered public pages (the directory of councillors and committees), keyed by URL.
 *
 * Invalidation: every change made through Probity writes an audit row in its own transaction,
 * so the highest audit id is a version of the data. A page is served from the cache only if it
 * was made at the current version. Ids are taken before commit, so a transaction can commit
 * with an id lower than the highest one already visible; the `maxAgeMs` bound makes even that
 * case show up within a minute.
 */
export const pageCachePlugin = fp(
  async (app: FastifyInstance, options: { db: Db; maxEntries?: number; maxAgeMs?: number }) => {
    const maxEntries = options.maxEntries ?? 500;
    const maxAgeMs = options.maxAgeMs ?? 60_000;
    const cache = new Map<string, Entry>();
    const send = (reply: FastifyReply, parts: Buffer[], hit: boolean) => {
      const nonce = Buffer.from(
        (reply.cspNonce as { script?: string } | undefined)?.script ?? '',
        'utf8',
      );
      const body = Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [nonce, part])));
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
          return send(this, entry.parts, true);
        }
        const page = await load();
        const html = this.renderToString(page.template, {
          ...page.context,
          cspNonce: NONCE_PLACEHOLDER,
        });
        const parts = cachedParts(html);
        cache.delete(key);
        cache.set(key, { version, madeAt: Date.now(), parts });
        if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
        return send(this, parts, false);
      },
    );
  },
  { name: 'probity-page-cache', dependencies: ['probity-views', 'probity-session'] },
);

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
