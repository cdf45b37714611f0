import { COLUMNS, type ColumnKey } from './columns.js';
import type { ImportPlan } from './plan-types.js';
import type { ImportRow } from './rows.js';
import type { SeatRequest } from './seats.js';
import type {
  AuthorityState,
  MembershipState,
  NamedState,
  PersonState,
  Snapshot,
} from './snapshot.js';

/**
 * What every step of planning shares: the snapshot indexed for lookups by name, email and id,
 * the plan being built, and a way to record a row's problem against a column.
 */

export const lower = (value: string): string => value.toLowerCase();

/** A value for a sentence such as "group Red → (none)". */
export const show = (value: string | null | undefined): string => value || '(none)';

/** Day before a 'YYYY-MM-DD' date: when a membership ends if the next starts on `date`. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A council by its short name (slug) or its name, case-insensitively. */
export function findAuthority(
  authorities: readonly AuthorityState[],
  text: string,
): AuthorityState | 'ambiguous' | null {
  const wanted = lower(text.trim());
  const bySlug = authorities.find((a) => a.slug === wanted);
  if (bySlug) return bySlug;
  const byName = authorities.filter((a) => lower(a.name) === wanted);
  if (byName.length > 1) return 'ambiguous';
  return byName[0] ?? null;
}

/** Everything a row resolved to, once its council, ward and group are known. */
export interface ResolvedRow {
  row: ImportRow;
  authority: AuthorityState & { councilId: number };
  ward: NamedState | null;
  group: NamedState | null;
}

export interface PlanContext {
  snapshot: Snapshot;
  today: string;
  plan: ImportPlan;
  /** new seats, given out once every row's moves are known (seats.ts) */
  seatRequests: SeatRequest[];
  /** by authority id and lower-case name */
  wardsByKey: Map<string, NamedState>;
  groupsByKey: Map<string, NamedState>;
  authoritiesWithWards: Set<number>;
  /** by authority id and external ID */
  peopleByExternalId: Map<string, PersonState>;
  /** by lower-case email address */
  peopleByEmail: Map<string, PersonState>;
  seatsByPerson: Map<number, MembershipState[]>;
  groupsByPerson: Map<number, MembershipState[]>;
  wardNames: Map<number, string>;
  groupNames: Map<number, string>;
  fail: (rowNumber: number, key: ColumnKey, message: string) => void;
}

function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export function createPlanContext(
  snapshot: Snapshot,
  labels: Partial<Record<ColumnKey, string>>,
  today: string,
): PlanContext {
  const plan: ImportPlan = {
    outcomes: [],
    errors: [],
    newPeople: [],
    personUpdates: [],
    roleGrants: [],
    ends: [],
    termChanges: [],
    starts: [],
    counts: { created: 0, updated: 0, unchanged: 0 },
  };
  return {
    snapshot,
    today,
    plan,
    seatRequests: [],
    wardsByKey: indexBy(snapshot.wards, (w) => `${w.authorityId}|${lower(w.name)}`),
    groupsByKey: indexBy(snapshot.groups, (g) => `${g.authorityId}|${lower(g.name)}`),
    authoritiesWithWards: new Set(snapshot.wards.map((w) => w.authorityId)),
    peopleByExternalId: indexBy(
      snapshot.people.filter((p) => p.externalId !== null),
      (p) => `${p.authorityId}|${p.externalId}`,
    ),
    peopleByEmail: indexBy(
      snapshot.people.filter((p) => p.email !== null),
      (p) => lower(p.email ?? ''),
    ),
    seatsByPerson: groupBy(snapshot.seats, (m) => m.personId),
    groupsByPerson: groupBy(snapshot.groupMemberships, (m) => m.personId),
    wardNames: new Map(snapshot.wards.map((w) => [w.id, w.name])),
    groupNames: new Map(snapshot.groups.map((g) => [g.id, g.name])),
    fail: (rowNumber, key, message) =>
      plan.errors.push({ rowNumber, column: labels[key] ?? COLUMNS[key].label, message }),
  };
}
