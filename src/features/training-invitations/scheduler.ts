import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { dispatchInvitations } from './dispatcher.js';

const MINUTE = 60 * 1000;

/**
 * Sends invitations, updates, cancellations and reminders every minute. Not in tests, which
 * call `dispatchInvitations` themselves with the time they need.
 */
export const invitationScheduler: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  if (deps.config.NODE_ENV === 'test') return;
  let running = false;
  const run = async () => {
    // A long round (thousands invited at once) is not overlapped by the next one.
    if (running) return;
    running = true;
    try {
      const sent = await dispatchInvitations(deps.db, new Date(), {
        baseUrl: deps.config.baseUrl,
        mailFrom: deps.config.MAIL_FROM,
      });
      const total = Object.values(sent).reduce((a, b) => a + b, 0);
      if (total > 0) app.log.info(sent, 'training invitations and reminders queued');
    } catch (error) {
      app.log.error({ err: error }, 'queueing training invitations failed');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void run(), MINUTE);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};
