import type { ColumnKey } from './columns.js';
import { planGroup, planSeat } from './membership-changes.js';
import { matchPerson, planPersonChanges, resolveRow } from './people-changes.js';
import { createPlanContext, lower, type PlanContext, type ResolvedRow } from './plan-context.js';
import type { ImportPlan, RowStatus } from './plan-types.js';
import { readRows, type ImportRow, type RawRow, type RowError } from './rows.js';
import { allocateSeats } from './seats.js';
import type { PersonState, Snapshot } from './snapshot.js';

/**
 * The rules of an import, with no database and no HTTP: given the file's rows and Probity as it
 * is, what happens to each row (a new councillor, no change, which changes) or why it cannot be
 * imported, and the writes that would make it so. The same plan is made for the preview and
 * again, inside the transaction, when the import is confirmed.
 */

export type * from './plan-types.js';
export { dayBefore, findAuthority } from './plan-context.js';

/** Plan one row whose council, ward and group exist, for the person it matched (or a new one). */
function planRow(
  ctx: PlanContext,
  resolved: ResolvedRow,
  person: PersonState | null,
  changes: string[],
): RowStatus {
  const { row, authority } = resolved;
  if (person === null) {
    ctx.plan.newPeople.push({
      rowNumber: row.rowNumber,
      authorityId: authority.id,
      givenName: row.givenName,
      familyName: row.familyName,
      email: row.email,
      externalId: row.externalId,
    });
    const ref = { newRow: row.rowNumber };
    ctx.plan.roleGrants.push(ref);
    planSeat(ctx, resolved, ref, [], []);
    planGroup(ctx, resolved, ref, [], row.electionDate, []);
    return 'new';
  }
  const ref = { personId: person.id };
  planPersonChanges(ctx, row, person, changes);
  const seats = ctx.seatsByPerson.get(person.id) ?? [];
  const newSeat = planSeat(ctx, resolved, ref, seats, changes);
  // A new term brings its group with it; a change of group on its own starts today.
  const groupStart = newSeat ? row.electionDate : ctx.today;
  const groups = ctx.groupsByPerson.get(person.id) ?? [];
  planGroup(ctx, resolved, ref, groups, groupStart, changes);
  return changes.length > 0 ? 'update' : 'unchanged';
}

/** Which rows repeat an earlier row's email address or external ID. */
function findRepeats(ctx: PlanContext, rows: readonly ImportRow[]): void {
  const emails = new Map<string, number>();
  const externalIds = new Map<string, number>();
  for (const row of rows) {
    const first = emails.get(lower(row.email));
    if (first !== undefined) {
      ctx.fail(row.rowNumber, 'email', `Row ${first} has the same email address`);
    } else emails.set(lower(row.email), row.rowNumber);
    if (row.externalId !== null) {
      const key = `${lower(row.authority.trim())}|${row.externalId}`;
      const firstId = externalIds.get(key);
      if (firstId !== undefined) {
        ctx.fail(row.rowNumber, 'externalId', `Row ${firstId} has the same external ID`);
      } else externalIds.set(key, row.rowNumber);
    }
  }
}

function rawName(raw: RawRow): string {
  const name = raw.cells.name ?? `${raw.cells.givenName ?? ''} ${raw.cells.familyName ?? ''}`;
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * Plan an import of these rows against Probity as the snapshot shows it, on `today`. `read` is
 * the rows already read (readRows), when the caller has them.
 */
export function planImport(
  input: { rows: readonly RawRow[]; labels: Partial<Record<ColumnKey, string>> },
  snapshot: Snapshot,
  today: string,
  read: { rows: ImportRow[]; errors: RowError[] } = readRows(input.rows, input.labels),
): ImportPlan {
  const ctx = createPlanContext(snapshot, input.labels, today);
  const { plan } = ctx;
  const { rows } = read;
  plan.errors.push(...read.errors);
  findRepeats(ctx, rows);

  const statuses = new Map<number, RowStatus>();
  const changesByRow = new Map<number, string[]>();
  const rowByPerson = new Map<number, number>();
  for (const row of rows) {
    const resolved = resolveRow(ctx, row);
    if (!resolved) continue;
    const person = matchPerson(ctx, resolved);
    if (person === 'error') continue;
    if (person) {
      const earlier = rowByPerson.get(person.id);
      if (earlier !== undefined) {
        ctx.fail(row.rowNumber, 'email', `Row ${earlier} is the same councillor`);
        continue;
      }
      rowByPerson.set(person.id, row.rowNumber);
    }
    const changes: string[] = [];
    statuses.set(row.rowNumber, planRow(ctx, resolved, person, changes));
    changesByRow.set(row.rowNumber, changes);
  }
  const seats = allocateSeats(ctx.seatRequests, snapshot, plan.ends);
  plan.starts = [...seats.starts, ...plan.starts];
  for (const error of seats.errors) ctx.fail(error.rowNumber, 'ward', error.message);

  plan.errors.sort((a, b) => a.rowNumber - b.rowNumber);
  const rowsWithErrors = new Set(plan.errors.map((e) => e.rowNumber));
  const byNumber = new Map(rows.map((row) => [row.rowNumber, row]));
  for (const raw of input.rows) {
    const row = byNumber.get(raw.rowNumber);
    const status: RowStatus = rowsWithErrors.has(raw.rowNumber)
      ? 'error'
      : (statuses.get(raw.rowNumber) ?? 'error');
    plan.outcomes.push({
      rowNumber: raw.rowNumber,
      name: row ? `${row.givenName} ${row.familyName}` : rawName(raw),
      email: row?.email ?? (raw.cells.email ?? '').trim(),
      authority: (raw.cells.authority ?? '').trim(),
      ward: (raw.cells.ward ?? '').trim(),
      group: (raw.cells.group ?? '').trim(),
      status,
      changes: changesByRow.get(raw.rowNumber) ?? [],
    });
    if (status === 'new') plan.counts.created += 1;
    if (status === 'update') plan.counts.updated += 1;
    if (status === 'unchanged') plan.counts.unchanged += 1;
  }
  return plan;
}
