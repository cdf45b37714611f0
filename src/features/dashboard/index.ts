import type { Feature } from '../index.js';
import { dashboardRoutes } from './routes.js';

export const dashboardFeature: Feature = { name: 'dashboard', plugin: dashboardRoutes };
