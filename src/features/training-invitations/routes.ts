import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';

/** Routes of this feature (being built in issue 6). */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async () => {};
