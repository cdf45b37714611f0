import type { Feature } from '../index.js';
import { directoryRoutes } from './routes.js';

export const directoryFeature: Feature = { name: 'directory', plugin: directoryRoutes };

/**
 * The directory's read model, for other features: who sits on which council and committee, now
 * and in the past. Each function reads at a date (`on`, 'YYYY-MM-DD'), today in England unless
 * given; a membership is current from its start date to its end date, both included.
 */
export { currentMembershipsOf, type PersonWithMemberships } from './person-repository.js';
export {
  findCouncil,
  findCouncilWithFilters,
  listCouncils,
  listCurrentCouncillors,
  type CouncilSummary,
  type CouncilWithFilters,
  type CouncillorFilters,
  type CurrentCouncillor,
} from './repository.js';
export type { DirectoryAuthority, Option } from './sql.js';
export {
  findCommittee,
  listCommitteeMembers,
  type CommitteeDetails,
  type CommitteeMember,
  type CommitteeSummary,
} from './committee-repository.js';
export { findCouncillorProfile, listCommittees, type CouncillorProfile } from './service.js';
export {
  membershipStatus,
  todayInEngland,
  type MembershipRecord,
  type MembershipRole,
  type MembershipStatus,
  type PublicPersonKind,
  type Standing,
} from './rules.js';
export { paths as directoryPaths } from './labels.js';
