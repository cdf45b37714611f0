import type { Feature } from '../index.js';
import { memberImportRoutes } from './routes.js';

/** Councillors in and out as CSV: upload, preview, confirm; and export. */
export const memberImportFeature: Feature = { name: 'member-import', plugin: memberImportRoutes };
