import type { Feature } from '../index.js';
import { peopleAdminRoutes } from './routes.js';

export const peopleAdminFeature: Feature = { name: 'people-admin', plugin: peopleAdminRoutes };
