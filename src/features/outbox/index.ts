import type { Feature } from '../index.js';
import { outboxRoutes } from './routes.js';

export const outboxFeature: Feature = { name: 'outbox', plugin: outboxRoutes };
