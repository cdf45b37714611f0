import type { Feature } from '../index.js';
import { codeCompareRoutes } from './routes.js';

/** Comparing two versions of a code of conduct, for the public and for administrators. */
export const codeCompareFeature: Feature = { name: 'code-compare', plugin: codeCompareRoutes };

export { compareVersions, type Comparison, type ComparisonRow } from './compare.js';
export { paths as codeComparePaths } from './paths.js';
