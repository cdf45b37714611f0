import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import type { CodeVersion } from '../code-of-conduct/index.js';
import { administrators, anyone } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/forms.js';
import { adminChooseView, publicChooseView } from './choose-view-model.js';
import { versionName } from './labels.js';
import { paths } from './paths.js';
import {
  adminCompareQuery,
  idParams,
  publicCompareQuery,
  rawValue,
  slugParams,
} from './schemas.js';
import {
  compareAnyVersions,
  comparePublishedVersions,
  findVersionAndOthers,
  listPublishedVersions,
} from './service.js';
import { comparisonView } from './view-model.js';
import { councilGuard, councilOf } from '../../platform/council-scope.js';

const CHOOSE = 'code-compare/templates/choose.njk';
const COMPARE = 'code-compare/templates/compare.njk';

/** Route parameters that cannot name a record are a 404, the same as a record that is not there. */
function params<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * Comparing two versions of a code of conduct.
 *
 * - `/code/<slug>/compare?from=<n>&to=<m>` (anyone): published versions only. A version that
 *   is unknown or not published is a 404, as on every public page. Without `from` and `to` the
 *   page is a form to pick two; a form filled in wrongly (one left out, the same version twice,
 *   a number that is not one) is the form again with status 400 and an error summary, because
 *   it is a person's mistake to put right, not a missing page.
 * - `/admin/code/versions/<id>/compare?with=<otherId>` (administrators): any two versions of
 *   one authority's code, drafts included; another authority's version is a 404.
 */
export const codeCompareRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Another principal council's versions answer 404 to administrators (the public pages are
  // not guarded: they show published versions to anyone).
  app.addHook('preHandler', councilGuard(deps.db, { id: councilOf.codeVersion }));
  const { db } = deps;

  app.get('/code/:slug/compare', { config: anyone }, async (request, reply) => {
    const { slug } = params(slugParams, request.params);
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.from === undefined && query.to === undefined) {
      return reply.renderPublicPage(async () => {
        const found = await listPublishedVersions(db, slug);
        if (!found) throw notFound();
        return { template: CHOOSE, context: publicChooseView(found.authority, found.versions) };
      });
    }
    const form = parseForm(publicCompareQuery, query);
    if (!form.ok) {
      const found = await listPublishedVersions(db, slug);
      if (!found) throw notFound();
      const state = {
        values: { from: rawValue(query.from), to: rawValue(query.to) },
        showAll: query.all === '1',
        errors: form.errors,
        errorList: form.errorList,
      };
      return reply.render(CHOOSE, publicChooseView(found.authority, found.versions, state), 400);
    }
    const { from, to, all } = form.data;
    return reply.renderPublicPage(async () => {
      const compared = await comparePublishedVersions(db, slug, from, to);
      if (!compared) throw notFound();
      const name = compared.from.authorityName;
      return {
        template: COMPARE,
        context: comparisonView(compared, all, {
          caption: `${name}: code of conduct`,
          breadcrumbs: [
            { text: 'Home', href: '/' },
            { text: 'Codes of conduct', href: paths.codeIndex() },
            { text: `${name} code of conduct`, href: paths.code(slug) },
            { text: 'Compare versions', href: paths.publicCompare(slug) },
          ],
          versionHref: (v: CodeVersion) => paths.publicVersion(slug, v.number),
          showAllHref: `${paths.publicCompare(slug, { from, to, all: true })}#changes`,
          hideUnchangedHref: `${paths.publicCompare(slug, { from, to })}#changes`,
          chooseHref: paths.publicCompare(slug),
        }),
      };
    });
  });

  app.get('/admin/code/versions/:id/compare', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { id } = params(idParams, request.params);
      const query = (request.query ?? {}) as Record<string, unknown>;
      const found = await findVersionAndOthers(db, id);
      if (!found) throw notFound();
      const { version, others } = found;
      if (query.with === undefined) {
        return reply.render(CHOOSE, adminChooseView(version, others));
      }
      const form = parseForm(adminCompareQuery(id), query);
      if (!form.ok) {
        const state = {
          values: { with: rawValue(query.with) },
          showAll: query.all === '1',
          errors: form.errors,
          errorList: form.errorList,
        };
        return reply.render(CHOOSE, adminChooseView(version, others, state), 400);
      }
      const { with: otherId, all } = form.data;
      const compared = await compareAnyVersions(db, version, others, otherId);
      if (!compared) throw notFound();
      return reply.render(
        COMPARE,
        comparisonView(compared, all, {
          caption: `${version.authorityName}: code of conduct`,
          breadcrumbs: [
            { text: 'Codes of conduct', href: paths.adminCodeIndex() },
            { text: version.authorityName, href: paths.adminCode(version.authoritySlug) },
            { text: versionName(version), href: paths.adminVersion(version.id) },
          ],
          versionHref: (v: CodeVersion) => paths.adminVersion(v.id),
          showAllHref: `${paths.adminCompare(id, { with: otherId, all: true })}#changes`,
          hideUnchangedHref: `${paths.adminCompare(id, { with: otherId })}#changes`,
          chooseHref: paths.adminCompare(id),
        }),
      );
    }),
  );
};
