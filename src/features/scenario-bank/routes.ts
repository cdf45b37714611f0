import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';

/** The scenario bank, scenario sets and members' self-study. */
export const routes: FastifyPluginAsync<{ deps: AppDeps }> = async () => {};
