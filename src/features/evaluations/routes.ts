import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { memberRoutes } from './member-routes.js';
import { questionRoutes } from './question-routes.js';
import { requestEvaluations } from './requests.js';
import { resultsRoutes } from './results-routes.js';

const EVERY = 5 * 60 * 1000;

/** Evaluations after a session: questions per course, one response per attendee, results without names. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(questionRoutes, options);
  await app.register(memberRoutes, options);
  await app.register(resultsRoutes, options);

  // Every few minutes, ask the attendees of sessions that have just ended to evaluate them.
  // Tests call requestEvaluations themselves.
  const { deps } = options;
  if (deps.config.NODE_ENV === 'test') return;
  const run = async () => {
    try {
      const queued = await requestEvaluations(deps.db, deps.config.baseUrl);
      if (queued > 0) app.log.info({ queued }, 'evaluation requests queued');
    } catch (error) {
      app.log.error({ err: error }, 'queuing evaluation requests failed');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void run(), EVERY);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};
