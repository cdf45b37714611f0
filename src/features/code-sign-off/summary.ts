import type { Db } from '../../db/database.js';
import { cachedUntilDataChanges } from '../../platform/data-version.js';
import {
  countSignOffsByAuthority,
  countSignOffsByGroup,
  type AuthoritySignOffCount,
  type GroupSignOffCount,
} from './summary-repository.js';

/**
 * The dashboards' sign-off figures, counted again only when the data has changed (cache.ts):
 * a council with hundreds of parishes is counted once, not on every visit to a dashboard.
 */
export function councilSignOffCounts(db: Db, on: string): Promise<AuthoritySignOffCount[]> {
  return cachedUntilDataChanges(db, `council-sign-off-counts|${on}`, () =>
    countSignOffsByAuthority(db, on),
  );
}

export function groupSignOffCounts(
  db: Db,
  groupIds: readonly number[],
  on: string,
): Promise<GroupSignOffCount[]> {
  const ids = [...groupIds].sort((a, b) => a - b).join(',');
  return cachedUntilDataChanges(db, `group-sign-off-counts|${on}|${ids}`, () =>
    countSignOffsByGroup(db, groupIds, on),
  );
}
