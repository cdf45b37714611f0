import type { Feature } from '../index.js';
import { codeImportRoutes } from './routes.js';

/** A council's existing code in from Word or Markdown: upload, preview, create a draft. */
export const codeImportFeature: Feature = { name: 'code-import', plugin: codeImportRoutes };

/** Looking inside a zip (a .docx is one) without unpacking it, for other features' upload checks. */
export { readZipDirectory, startsLikeZip, type ZipContents } from './zip.js';
