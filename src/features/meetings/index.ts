import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps, Feature } from '../index.js';
import { meetingRoutes } from './routes.js';
import { agendaRoutes } from './agenda-routes.js';
import { recordRoutes } from './record-routes.js';
import { resolutionRoutes } from './resolution-routes.js';

/**
 * Meetings of councils and their committees, for administrators: the agenda and its
 * publication (which publishes the open reports on it), attendance, declarations of interest,
 * the resolution on each recommendation (moving a linked code of conduct version on), and the
 * minutes.
 */
const plugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(meetingRoutes, options);
  await app.register(agendaRoutes, options);
  await app.register(recordRoutes, options);
  await app.register(resolutionRoutes, options);
};

export const meetingsFeature: Feature = { name: 'meetings', plugin };

export { meetingPaths } from './paths.js';
export { londonParts, londonToInstant, meetingDay, meetingTime, parseTimeOfDay } from './times.js';
