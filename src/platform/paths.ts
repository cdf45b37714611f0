import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project's root folder, whether running from src (tests via dist) or dist. */
export const projectRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const srcDir = path.join(projectRoot, 'src');
export const publicDir = path.join(projectRoot, 'public');
