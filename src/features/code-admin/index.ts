import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { listRoutes } from './list-routes.js';
import { versionRoutes } from './version-routes.js';
import { editorRoutes } from './editor-routes.js';
import { lifecycleRoutes } from './lifecycle-routes.js';
import { councilGuard, councilOf } from '../../platform/council-scope.js';

/**
 * The administration of each council's code of conduct, for the Monitoring Officer and
 * Democratic Services: drafts, the structured editor, settings, consultation, agreement,
 * adoption, withdrawal and the annual review.
 */
const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  // Another principal council's versions and council pages answer 404 (its parishes' do not).
  app.addHook(
    'preHandler',
    councilGuard(options.deps.db, {
      id: councilOf.codeVersion,
      slug: councilOf.authoritySlug,
    }),
  );
  await app.register(listRoutes, options);
  await app.register(versionRoutes, options);
  await app.register(editorRoutes, options);
  await app.register(lifecycleRoutes, options);
};

export const codeAdminFeature: Feature = { name: 'code-admin', plugin };

/** For the dashboard: the councils whose code in force is due for its annual review. */
export { codesDueForReview, type DueReview } from './repository.js';

/** For meetings: a recorded resolution agreeing or adopting a code version (issue 5). */
export {
  adoptVersionByResolution,
  agreeVersionByResolution,
  type ResolutionDecision,
} from './decision-service.js';
/** A unique-index violation of "one version in force per authority". */
export { isOneInForceViolation } from './adoption-service.js';
