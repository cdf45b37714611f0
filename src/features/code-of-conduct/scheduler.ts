import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { bringDueVersionsIntoForce } from './in-force.js';

const HOUR = 60 * 60 * 1000;

/**
 * A version adopted to come into force on a later date comes into force on that date: checked
 * when Probity starts and every hour after. Several servers may run it at once; each version
 * changes in a transaction that locks its authority, so it comes into force exactly once.
 */
export const inForceScheduler: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const run = async () => {
    try {
      const changed = await bringDueVersionsIntoForce(deps.db, deps.config.baseUrl);
      if (changed > 0) app.log.info({ changed }, 'code of conduct versions came into force');
    } catch (error) {
      app.log.error({ err: error }, 'bringing code of conduct versions into force failed');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(() => void run(), HOUR);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};
