import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import { anyone } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { codePaths, wordFileName } from './paths.js';
import { codeParams, versionParams, versionQuery } from './public-schemas.js';
import {
  loadCodeIndex,
  loadCodeInForce,
  loadPublishedVersion,
  loadPublishedVersions,
} from './public-service.js';
import {
  codeIndexView,
  noCodeView,
  printView,
  versionView,
  versionsView,
} from './public-view-model.js';
import { DOCX_TYPE, buildWordDocument } from './word-export.js';
import { contentDisposition } from '../../platform/downloads.js';

/** Route parameters that cannot name a record are a 404, the same as a record that is not there. */
function params<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * The public code of conduct: no sign-in needed. Only adopted, in-force and superseded versions
 * are published; any other version answers 404, as an unknown one does.
 */
export const publicCodeRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get('/code', { config: anyone }, async (_request, reply) =>
    reply.renderPublicPage(async () => ({
      template: 'code-of-conduct/templates/public-codes.njk',
      context: codeIndexView(await loadCodeIndex(db)),
    })),
  );

  app.get('/code/:slug', { config: anyone }, async (request, reply) => {
    const { slug } = params(codeParams, request.params);
    const { only } = versionQuery.parse(request.query ?? {});
    return reply.renderPublicPage(async () => {
      const found = await loadCodeInForce(db, slug);
      if (!found) throw notFound();
      if (!found.page) {
        return {
          template: 'code-of-conduct/templates/public-no-code.njk',
          context: noCodeView(found.authority, found.published),
        };
      }
      return {
        template: 'code-of-conduct/templates/public-code.njk',
        context: versionView(found.page, {
          onlyLocal: only === 'local',
          base: codePaths.inForce(slug),
        }),
      };
    });
  });

  app.get('/code/:slug/versions', { config: anyone }, async (request, reply) => {
    const { slug } = params(codeParams, request.params);
    return reply.renderPublicPage(async () => {
      const found = await loadPublishedVersions(db, slug);
      if (!found) throw notFound();
      return {
        template: 'code-of-conduct/templates/public-versions.njk',
        context: versionsView(found.authority, found.versions),
      };
    });
  });

  app.get('/code/:slug/:number', { config: anyone }, async (request, reply) => {
    const { slug, number } = params(versionParams, request.params);
    const { only } = versionQuery.parse(request.query ?? {});
    return reply.renderPublicPage(async () => {
      const page = await loadPublishedVersion(db, slug, number);
      if (!page) throw notFound();
      return {
        template: 'code-of-conduct/templates/public-code.njk',
        context: versionView(page, {
          onlyLocal: only === 'local',
          base: codePaths.version(slug, number),
        }),
      };
    });
  });

  app.get('/code/:slug/:number/print', { config: anyone }, async (request, reply) => {
    const { slug, number } = params(versionParams, request.params);
    return reply.renderPublicPage(async () => {
      const page = await loadPublishedVersion(db, slug, number);
      if (!page) throw notFound();
      return { template: 'code-of-conduct/templates/print.njk', context: printView(page) };
    });
  });

  app.get('/code/:slug/:number/word', { config: anyone }, async (request, reply) => {
    const { slug, number } = params(versionParams, request.params);
    // Anonymous visitors share one copy, made again when the data changes.
    return reply.sendKeptFile(async () => {
      const page = await loadPublishedVersion(db, slug, number);
      if (!page) throw notFound();
      return {
        type: DOCX_TYPE,
        body: await buildWordDocument(page.version, page.items),
        headers: {
          'content-disposition': contentDisposition(wordFileName(slug, number)),
          'cache-control': 'no-cache',
        },
      };
    });
  });
};
