import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { attendeeRoutes } from './attendee-routes.js';
import { facilitatorRoutes } from './facilitator-routes.js';

/** Scenarios run live in a session: attendees answer from their phones, the facilitator shows the tally. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(facilitatorRoutes, options);
  await app.register(attendeeRoutes, options);
};
