import type { Feature } from '../index.js';
import { auditRoutes } from './routes.js';

export const auditFeature: Feature = { name: 'audit', plugin: auditRoutes };
