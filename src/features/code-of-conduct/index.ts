import type { Feature } from '../index.js';
import { codeOfConductRoutes } from './routes.js';

export const codeOfConductFeature: Feature = {
  name: 'code-of-conduct',
  plugin: codeOfConductRoutes,
};

/**
 * The code of conduct's model, for other features: versions of each authority's code, their
 * numbered items, who must sign a code, and bringing an adopted version into force.
 */
export {
  EDITABLE_STATUSES,
  PUBLISHED_STATUSES,
  findVersionById,
  findVersionByNumber,
  findVersionInForce,
  listItems,
  listVersions,
  lockAuthority,
  nextVersionNumber,
  replaceItems,
  type CodeItem,
  type CodeVersion,
} from './repository.js';
export {
  numberItems,
  type ItemDraft,
  type NumberedItem,
  type NumberingProblem,
} from './numbering.js';
export { listSigners, signersSql, type Signer } from './signers.js';
export { bringDueVersionsIntoForce, bringIntoForce, type InForceActor } from './in-force.js';
