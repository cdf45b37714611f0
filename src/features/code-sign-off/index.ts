import type { Feature } from '../index.js';
import { codeSignOffRoutes } from './routes.js';

/** Members' sign-off of the code of conduct in force: /my/code, /sign-offs and paper sign-offs. */
export const codeSignOffFeature: Feature = { name: 'code-sign-off', plugin: codeSignOffRoutes };

/** What the dashboard shows about sign-offs. */
export { listCodesToSign, type OwnSignOff, type VersionInForce } from './repository.js';
export { councilSignOffCounts, groupSignOffCounts } from './summary.js';
export type { AuthoritySignOffCount, GroupSignOffCount } from './summary-repository.js';
