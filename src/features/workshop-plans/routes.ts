import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';

/** Workshop plans: timed agendas, examples, sources and code links; facilitators' run sheets. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async () => {};
