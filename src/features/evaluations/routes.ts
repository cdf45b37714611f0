import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';

/** Evaluations after a session: questions per course, one response per attendee, results without names. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async () => {};
