import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';

/** Scenarios run live in a session: attendees answer from their phones, the facilitator shows the tally. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async () => {};
