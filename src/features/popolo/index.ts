import type { Feature } from '../index.js';
import { popoloRoutes } from './routes.js';

/** Councillors, committees, groups and memberships as Popolo open data. */
export const popoloFeature: Feature = { name: 'popolo', plugin: popoloRoutes };
