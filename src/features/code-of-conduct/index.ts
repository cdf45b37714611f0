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

/**
 * How a code reads in public, for other features: its addresses (a paragraph's stable link is
 * `codePaths.paragraph(slug, n, anchor)`), the local-addition label and legend, money and
 * status in words, and items ready for the `codeText` macro in
 * `code-of-conduct/templates/macros/code-text.njk`.
 */
export { codePaths, wordFileName } from './paths.js';
export {
  LOCAL_ADDITION_LABEL,
  LOCAL_ADDITION_LEGEND,
  codeTextItems,
  contentsOf,
  formatPounds,
  settingsText,
  showDate as showCodeDate,
  statusText,
  type CodeTextItem,
} from './code-text.js';
export { isPublished } from './public-service.js';
export { listPrincipalCodes, type PrincipalCode } from './public-repository.js';
export { buildWordDocument, DOCX_TYPE } from './word-export.js';
