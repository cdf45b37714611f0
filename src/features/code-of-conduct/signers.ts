import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { currentOn } from '../../db/current.js';

/** Someone who must sign off an authority's code of conduct. */
export interface Signer {
  personId: number;
  givenName: string;
  familyName: string;
  email: string | null;
  /** 'member' for a councillor, 'co-opted-member' for a co-opted member of a committee */
  kind: 'member' | 'co-opted-member';
}

/**
 * Who must sign off an authority's code on a date: every councillor holding a seat on its
 * council that day, and every co-opted member of one of its committees who has a vote there
 * (or any co-opted member, when the version says those without a vote must sign too).
 * Parish and town councillors sign their own council's code.
 *
 * Returned as SQL so that callers can join it (outstanding lists by group, counts) without
 * reading thousands of rows into Node.
 */
export function signersSql(authorityId: number, on: string, includeNonVoting: boolean) {
  return sql<{ person_id: number }>`
    select seat.person_id
      from memberships seat
      join organisations c on c.id = seat.organisation_id
      join people p on p.id = seat.person_id
     where c.authority_id = ${authorityId} and c.classification = 'council'
       and p.kind = 'member' and ${currentOn('seat', on)}
    union
    select m.person_id
      from memberships m
      join organisations o on o.id = m.organisation_id
      join people p on p.id = m.person_id
     where o.authority_id = ${authorityId}
       and o.classification in ('committee', 'sub-committee')
       and p.kind = 'co-opted-member'
       and (m.voting or ${includeNonVoting})
       and ${currentOn('m', on)}
  `;
}

export async function listSigners(
  db: DbOrTrx,
  authorityId: number,
  on: string,
  includeNonVoting: boolean,
): Promise<Signer[]> {
  const { rows } = await sql<{
    id: number;
    given_name: string;
    family_name: string;
    email: string | null;
    kind: 'member' | 'co-opted-member';
  }>`
    select p.id, p.given_name, p.family_name, p.email, p.kind
      from people p
     where p.id in (${signersSql(authorityId, on, includeNonVoting)})
     order by p.family_name, p.given_name, p.id
  `.execute(db);
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    kind: r.kind,
  }));
}
