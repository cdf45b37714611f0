import type { PersonRef } from './plan-types.js';
import { dayBefore, show, type PlanContext, type ResolvedRow } from './plan-context.js';
import type { MembershipState } from './snapshot.js';

/**
 * A councillor's seat and political group: what stays, what ends (the day before its successor
 * starts, with a reason) and what starts. History is never edited or deleted: a membership that
 * changes ends, and a new one begins.
 *
 * The memberships looked at are those not yet over: open ones (no end date), and ones with an
 * end date still to come, set in Probity (a resignation, say, or a term succeeded by one that
 * starts later). The import ends open ones only; it never moves an end date already set.
 */

const byLatestStart = (a: MembershipState, b: MembershipState) =>
  b.startDate.localeCompare(a.startDate);

/**
 * End the open memberships for a successor starting on `startDate`, refusing where a membership
 * began on or after that date or is set to end on or after it.
 */
function endForSuccessor(
  ctx: PlanContext,
  rowNumber: number,
  memberships: MembershipState[],
  startDate: string,
  column: 'electionDate' | 'group',
  reason: (membership: MembershipState) => string,
  tooEarly: (membership: MembershipState) => string,
): void {
  for (const membership of memberships) {
    if (membership.endDate !== null) {
      if (membership.endDate >= startDate) {
        ctx.fail(
          rowNumber,
          column,
          `Probity has this membership ending on ${membership.endDate}, on or after ${startDate}: change it in Probity first`,
        );
      }
    } else if (startDate <= membership.startDate) {
      ctx.fail(rowNumber, column, tooEarly(membership));
    } else {
      ctx.plan.ends.push({
        membershipId: membership.id,
        personId: membership.personId,
        endDate: dayBefore(startDate),
        reason: reason(membership),
      });
    }
  }
}

/**
 * The seat: unchanged, a corrected term end, or a new membership (a new term, another ward, or
 * a return to the council) with the old one ended the day before. Returns whether a new seat
 * membership starts, so the group can start with it.
 */
export function planSeat(
  ctx: PlanContext,
  resolved: ResolvedRow,
  person: PersonRef,
  current: MembershipState[],
  changes: string[],
): boolean {
  const { row, authority, ward } = resolved;
  const wardId = ward?.id ?? null;
  const seats = [...current].sort(byLatestStart);
  const open = seats.filter((s) => s.endDate === null);
  const same = (s: MembershipState) =>
    s.organisationId === authority.councilId &&
    s.areaId === wardId &&
    s.startDate === row.electionDate;
  const latest = open[0] ?? seats[0];
  if (latest && same(latest) && open.length <= 1) {
    if (latest.termEndsOn !== row.termEnd) {
      ctx.plan.termChanges.push({
        membershipId: latest.id,
        before: latest.termEndsOn,
        after: row.termEnd,
      });
      changes.push(`term end ${show(latest.termEndsOn)} → ${show(row.termEnd)}`);
    }
    return false;
  }

  const wardName = (m: MembershipState) =>
    m.areaId === null ? '(none)' : (ctx.wardNames.get(m.areaId) ?? 'another');
  endForSuccessor(
    ctx,
    row.rowNumber,
    seats,
    row.electionDate,
    'electionDate',
    (seat) =>
      seat.areaId === wardId ? 'Re-elected: new term' : `Moved to ${ward?.name ?? 'no'} ward`,
    (seat) =>
      seat.areaId === wardId
        ? `Probity has a later election date for this councillor (${seat.startDate}): is this file out of date?`
        : `To move them from ${wardName(seat)} to ${ward?.name ?? '(no ward)'}, the election date must be after ${seat.startDate}, when their current term began`,
  );
  if (!latest) changes.push(`joins the council${ward ? ` for ${ward.name} ward` : ''}`);
  else {
    if (latest.areaId !== wardId) {
      changes.push(`ward ${wardName(latest)} → ${ward?.name ?? '(none)'}`);
    }
    if (latest.startDate !== row.electionDate) {
      changes.push(`election date ${latest.startDate} → ${row.electionDate} (new term)`);
    }
    if (latest.termEndsOn !== row.termEnd) {
      changes.push(`term end ${show(latest.termEndsOn)} → ${show(row.termEnd)}`);
    }
  }
  ctx.seatRequests.push({
    rowNumber: row.rowNumber,
    person,
    organisationId: authority.councilId,
    organisationName: authority.name,
    wardId,
    wardName: ward?.name ?? null,
    startDate: row.electionDate,
    termEndsOn: row.termEnd,
    preferredPostId: latest && latest.areaId === wardId ? latest.postId : null,
  });
  return true;
}

/**
 * The political group: unchanged, joined, left, or swapped (the old membership ends the day
 * before the new one starts).
 */
export function planGroup(
  ctx: PlanContext,
  resolved: ResolvedRow,
  person: PersonRef,
  current: MembershipState[],
  startDate: string,
  changes: string[],
): void {
  const { row, group } = resolved;
  const memberships = [...current].sort(byLatestStart);
  const open = memberships.filter((m) => m.endDate === null);
  // What Probity says their group is: the open membership, else the latest one still running.
  const now = open.length > 0 ? open : memberships.slice(0, 1);
  if (now.length === 1 && now[0]?.organisationId === group?.id) return;
  if (now.length === 0 && group === null) return;

  const name = (m: MembershipState) => ctx.groupNames.get(m.organisationId) ?? 'their group';
  endForSuccessor(
    ctx,
    row.rowNumber,
    memberships,
    startDate,
    'group',
    () => (group ? `Moved to ${group.name}` : 'Left the group'),
    (m) =>
      `Probity records them joining ${name(m)} on ${m.startDate}: a change of group must start after that`,
  );
  changes.push(`group ${show(now.map(name).join(', '))} → ${show(group?.name)}`);
  if (group) {
    ctx.plan.starts.push({
      person,
      organisationId: group.id,
      organisationName: group.name,
      postId: null,
      startDate,
      termEndsOn: null,
    });
  }
}
