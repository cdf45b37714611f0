import type { NewMembership, MembershipEnd, PersonRef } from './plan-types.js';
import type { PostState, Snapshot } from './snapshot.js';

/**
 * Which seat (post) each new council membership takes. A ward has a fixed number of seats, set
 * up with the ward; an import fills free ones and never adds seats. A seat is free on a date
 * when everyone who held it has left before that date, counting the moves the import itself
 * makes, so two councillors can swap wards in one file.
 */

export interface SeatRequest {
  rowNumber: number;
  person: PersonRef;
  organisationId: number;
  organisationName: string;
  /** null for a council without wards */
  wardId: number | null;
  wardName: string | null;
  startDate: string;
  termEndsOn: string | null;
  /** the seat they hold now, kept for a new term in the same ward */
  preferredPostId: number | null;
}

export function allocateSeats(
  requests: readonly SeatRequest[],
  snapshot: Pick<Snapshot, 'posts' | 'postHolds'>,
  ends: readonly MembershipEnd[],
): { starts: NewMembership[]; errors: { rowNumber: number; message: string }[] } {
  const plannedEnd = new Map(ends.map((end) => [end.membershipId, end.endDate]));
  /** for each seat, when each of its holders leaves (null: not yet known) */
  const leaving = new Map<number, (string | null)[]>();
  for (const hold of snapshot.postHolds) {
    const end = plannedEnd.get(hold.membershipId) ?? hold.endDate;
    leaving.set(hold.postId, [...(leaving.get(hold.postId) ?? []), end]);
  }
  const seatsOf = new Map<string, PostState[]>();
  for (const post of [...snapshot.posts].sort((a, b) => a.id - b.id)) {
    const key = `${post.organisationId}|${post.areaId ?? ''}`;
    seatsOf.set(key, [...(seatsOf.get(key) ?? []), post]);
  }
  const isFree = (postId: number, date: string) =>
    (leaving.get(postId) ?? []).every((end) => end !== null && end < date);

  const starts: NewMembership[] = [];
  const errors: { rowNumber: number; message: string }[] = [];
  for (const request of requests) {
    const seats = seatsOf.get(`${request.organisationId}|${request.wardId ?? ''}`) ?? [];
    const where = request.wardName ? `${request.wardName} ward` : request.organisationName;
    let postId: number | null = null;
    if (seats.length > 0) {
      const seat =
        seats.find((s) => s.id === request.preferredPostId && isFree(s.id, request.startDate)) ??
        seats.find((s) => isFree(s.id, request.startDate));
      if (!seat) {
        const count = seats.length === 1 ? 'its one seat is' : `all ${seats.length} seats are`;
        errors.push({
          rowNumber: request.rowNumber,
          message: `No seat is free in ${where} on ${request.startDate}: ${count} held. End a councillor's term there first`,
        });
        continue;
      }
      leaving.set(seat.id, [...(leaving.get(seat.id) ?? []), null]);
      postId = seat.id;
    } else if (request.wardId !== null) {
      errors.push({
        rowNumber: request.rowNumber,
        message: `${where} has no seats set up in Probity`,
      });
      continue;
    }
    starts.push({
      person: request.person,
      organisationId: request.organisationId,
      organisationName: request.organisationName,
      postId,
      startDate: request.startDate,
      termEndsOn: request.termEndsOn,
    });
  }
  return { starts, errors };
}
