import type { Feature } from '../index.js';
import { publicPagesRoutes } from './routes.js';

export const publicPagesFeature: Feature = { name: 'public-pages', plugin: publicPagesRoutes };
