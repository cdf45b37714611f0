import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { allow } from '../../platform/access.js';
import { todayInEngland } from '../../db/current.js';
import { notFound } from '../../platform/errors.js';
import { listAllSignOffs, listSignOffs } from './list-repository.js';
import { PAGE_SIZE, signOffListView } from './list-view-model.js';
import { csvFileName, signOffsCsv } from './export.js';
import { listQuery } from './schemas.js';
import { resolveScope } from './scope.js';
import { cachedUntilDataChanges } from '../../platform/data-version.js';
import { FRAGMENT_PLACEHOLDER, cachedFragment, spliceFragment } from '../../platform/page-cache.js';
import { contentDisposition } from '../../platform/downloads.js';

export const SIGN_OFFS = '/sign-offs';

/** The Monitoring Officer, Democratic Services, and group whips (for their own groups). */
export const signOffReaders = allow('monitoring-officer', 'democratic-services', 'group-whip');

const isAdministrator = (request: FastifyRequest) =>
  request.user!.roles.has('monitoring-officer') || request.user!.roles.has('democratic-services');

export const listRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  /** The list the request asks for and may see; anything else is a page that does not exist. */
  const scopeOf = async (request: FastifyRequest, today: string) => {
    const query = listQuery.safeParse(request.query ?? {});
    if (!query.success) throw notFound();
    const scope = await resolveScope(deps.db, request.user!, query.data, today);
    if (!scope) throw notFound();
    return { scope, page: query.data.page ?? 1 };
  };

  app.get(SIGN_OFFS, { config: signOffReaders }, async (request, reply) => {
    const today = todayInEngland();
    const user = request.user!;
    const administrator = isAdministrator(request);
    // What decides the page: the day, who may see what, and the query.
    const key = [
      'sign-offs',
      today,
      administrator ? 'administrator' : `whip:${[...user.whipOf].sort((a, b) => a - b).join(',')}`,
      JSON.stringify(request.query ?? {}),
    ].join('|');
    const main = await cachedUntilDataChanges(deps.db, key, async () => {
      const query = listQuery.safeParse(request.query ?? {});
      if (!query.success) return null;
      const scope = await resolveScope(deps.db, user, query.data, today);
      if (!scope) return null;
      const page = query.data.page ?? 1;
      const result = scope.version
        ? await listSignOffs(
            deps.db,
            { version: scope.version, on: today, groupIds: scope.groupIds },
            { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
          )
        : null;
      if (page > 1 && (!result || result.rows.length === 0)) return null;
      return cachedFragment(
        reply.renderToString(
          'code-sign-off/templates/list-main.njk',
          signOffListView(scope, result, page, administrator),
        ),
      );
    });
    if (main === null) throw notFound();
    const page = reply.renderToString('code-sign-off/templates/list.njk', {
      pageTitle: 'Code of conduct sign-offs',
      mainHtml: FRAGMENT_PLACEHOLDER,
    });
    return reply.type('text/html; charset=utf-8').send(spliceFragment(page, main));
  });

  app.get(`${SIGN_OFFS}/export.csv`, { config: signOffReaders }, async (request, reply) =>
    reply.sendKeptFile(async () => {
      const today = todayInEngland();
      const { scope } = await scopeOf(request, today);
      if (!scope.version) throw notFound();
      const rows = await listAllSignOffs(deps.db, {
        version: scope.version,
        on: today,
        groupIds: scope.groupIds,
      });
      return {
        type: 'text/csv; charset=utf-8',
        body: signOffsCsv(scope.version, rows),
        headers: {
          'cache-control': 'no-store',
          'content-disposition': contentDisposition(csvFileName(scope.version, today)),
        },
      };
    }),
  );
};
