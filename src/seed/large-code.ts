import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { currentOn, todayInEngland } from '../db/current.js';
import { topUpLargeCouncil } from './top-up.js';
import { lineages, writeVersion } from './demo-code.js';
import { EARLIER_ONLY, EARLIER_WORDING, modelCodeText, type CodeEntry } from './demo-code-text.js';

/**
 * The benchmark council's code of conduct: a 60-paragraph code in two versions, so that the
 * comparison page has real work to do, and every parish's own copy of it, so that the
 * sign-off pages have thousands of members to count.
 *
 * - Version 1 (superseded) and version 2 (in force) share lineage. Between them: eleven
 *   paragraphs reworded (one also changes from local addition to model text), three added,
 *   two removed and two moved.
 * - Each parish and town council has a version 1 in force, copied from the principal's
 *   version 2 (same lineage, the parish's name in the introduction).
 * - Every code in force was reviewed in the last year ("no change"), except that one council
 *   in twenty-five is overdue, as a real area's would be.
 * - About half the members who must sign have signed (chosen by a hash of their id), online
 *   or, one in seven, on paper. Members who can sign in (the benchmark accounts) have not, so
 *   their dashboards show the code outstanding.
 */

/** In version 2 only. */
const ADDED = new Set(['respect.online', 'compliance.committee-training', 'gifts.bidders']);

/** Reworded between the versions: the earlier wording, keyed by the paragraph. */
const REWORDED: Readonly<Record<string, Pick<CodeEntry, 'body' | 'origin'>>> = {
  ...EARLIER_WORDING,
  // The earlier wording of the demo code has no sub-paragraphs after it; this one keeps them.
  'confidentiality.disclose': {
    body: 'I do not disclose information given to me in confidence, or information I believe to be confidential, except where:',
    origin: 'model',
  },
  'about.purpose': {
    body: 'Every council must adopt a code of conduct for its members that is consistent with the seven principles in Appendix A and deals with registering and declaring interests. This code includes some requirements of the council\'s own, printed in italics and marked as local additions.',
    origin: 'model',
  },
}; // prettier-ignore

/** Move the entry `key` to just after `after` (both must exist). */
function moveAfter(entries: CodeEntry[], key: string, after: string): CodeEntry[] {
  const moving = entries.find((e) => e.key === key);
  if (!moving) throw new Error(`No paragraph "${key}" to move`);
  return insertAfter(
    entries.filter((e) => e !== moving),
    after,
    moving,
  );
}

function insertAfter(entries: CodeEntry[], after: string, entry: CodeEntry): CodeEntry[] {
  const index = entries.findIndex((e) => e.key === after);
  if (index < 0) throw new Error(`No paragraph "${after}" to insert after`);
  return [...entries.slice(0, index + 1), entry, ...entries.slice(index + 1)];
}

/** Both versions' text, as plain data. */
export function largeCodeText(council: string): { first: CodeEntry[]; second: CodeEntry[] } {
  const second = modelCodeText({ council, thresholdPounds: 25, localAdditions: true });
  let first = second
    .filter((e) => !ADDED.has(e.key))
    .map((e) => {
      const wording = REWORDED[e.key];
      return wording ? { ...e, ...wording } : e;
    });
  first = insertAfter(first, 'interests.register', EARLIER_ONLY.meetings);
  first = insertAfter(first, 'gifts.refused', EARLIER_ONLY.cash);
  // Equality sat under respect, and sanctions came straight after training.
  first = moveAfter(first, 'bullying.equality', 'respect.debate');
  first = moveAfter(first, 'compliance.sanction', 'compliance.training');
  return { first, second };
}

export interface LargeCodeResult {
  /** versions written: the principal's two and one per parish */
  versions: number;
  items: number;
  /** members who must sign a code in force today, in the principal council and its parishes */
  signers: number;
  signOffs: number;
}

/** The set of (version in force, member who must sign it, since when) for the whole area. */
function signersInForce(principalId: number, today: string) {
  return sql<{ version_id: number; person_id: number }>`
    select v.id as version_id, v.in_force_from, seat.person_id, min(seat.start_date) as since
      from code_versions v
      join authorities a on a.id = v.authority_id
      join organisations c on c.authority_id = v.authority_id and c.classification = 'council'
      join memberships seat on seat.organisation_id = c.id
      join people p on p.id = seat.person_id and p.kind = 'member'
     where v.status = 'in-force' and (a.id = ${principalId}::int or a.parent_id = ${principalId}::int)
       and ${currentOn('seat', today)}
     group by v.id, v.in_force_from, seat.person_id
  `;
}

/** Write the code of `principalId` (the large council) and its parishes' copies. */
export async function writeLargeCode(trx: Trx, principalId: number): Promise<LargeCodeResult> {
  const today = todayInEngland();
  const principal = await trx
    .selectFrom('authorities')
    .select('name')
    .where('id', '=', principalId)
    .executeTakeFirstOrThrow();
  const standards = await trx
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', principalId)
    .where('committee_type', '=', 'audit-and-standards')
    .executeTakeFirst();
  const text = largeCodeText(principal.name);
  const lineageOf = lineages();
  const first = await writeVersion(trx, principalId, 1, {
    title: "Members' Code of Conduct 2018",
    status: 'superseded',
    gifts_threshold_pence: 1000,
    adopted_on: '2018-07-18',
    adopted_minute: 'Council 18/07/18 minute 31',
    in_force_from: '2018-07-19',
    superseded_on: '2021-06-01',
  }, text.first, lineageOf); // prettier-ignore
  const second = await writeVersion(trx, principalId, 2, {
    title: "Members' Code of Conduct 2021",
    status: 'in-force',
    based_on_version_id: first,
    change_summary: 'The model code of December 2020 with the council\'s local additions; the gifts threshold rises to £25.',
    gifts_threshold_pence: 2500,
    agreed_on: '2021-03-16',
    agreed_by_organisation_id: standards?.id ?? null,
    agreed_minute: 'ASC 16/03/21 item 6',
    adopted_on: '2021-05-26',
    adopted_minute: 'Council 26/05/21 minute 9',
    in_force_from: '2021-06-01',
  }, text.second, lineageOf); // prettier-ignore

  const parishes = await sql`
    insert into code_versions (authority_id, number, title, status, based_on_version_id,
      change_summary, gifts_threshold_pence, adopted_on, in_force_from)
    select a.id, 1, 'Members'' Code of Conduct', 'in-force', ${second}::int,
      ${`${principal.name}'s 2021 code, adopted by the parish.`}, 2500, '2021-07-05', '2021-07-06'
      from authorities a where a.parent_id = ${principalId}::int
  `.execute(trx);
  await sql`
    insert into code_items (version_id, position, kind, depth, number, anchor, heading, body,
      origin, lineage)
    select v.id, i.position, i.kind, i.depth, i.number, i.anchor, i.heading,
      replace(i.body, ${principal.name}, a.name), i.origin, i.lineage
      from code_versions v
      join authorities a on a.id = v.authority_id
      join code_items i on i.version_id = ${second}::int
     where a.parent_id = ${principalId}::int and v.based_on_version_id = ${second}::int
  `.execute(trx);

  // Paper sign-offs are entered by an officer of Democratic Services (or else the MO).
  const officer = await trx
    .selectFrom('person_roles as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select('p.id')
    .where('p.authority_id', '=', principalId)
    .where('r.role', 'in', ['democratic-services', 'monitoring-officer'])
    .orderBy(sql`r.role = 'democratic-services'`, 'desc')
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirst();
  const signed = await sql`
    insert into code_sign_offs (version_id, person_id, signed_on, method, recorded_by)
    select s.version_id, s.person_id,
      least(${today}::date, greatest(s.in_force_from, s.since) + (3 + s.person_id % 45)::int),
      case when s.person_id % 7 = 3 then 'paper' else 'online' end,
      case when s.person_id % 7 = 3 then ${officer?.id ?? null}::int else s.person_id end
      from (${signersInForce(principalId, today)}) s
     where hashint4(s.person_id) & 1 = 0
       and not exists (select 1 from credentials cr where cr.person_id = s.person_id)
  `.execute(trx);
  // Reviewed within the year, but one council in twenty-five is overdue for its annual review.
  await sql`
    insert into code_reviews (authority_id, version_id, reviewed_on, outcome)
    select v.authority_id, v.id,
      ${today}::date - case when v.authority_id % 25 = 0 then 400
        else 20 + (v.authority_id * 37) % 290 end,
      'no-change'
      from code_versions v join authorities a on a.id = v.authority_id
     where v.status = 'in-force' and (a.id = ${principalId}::int or a.parent_id = ${principalId}::int)
  `.execute(trx);
  const counts = await sql<{ signers: number; items: number }>`
    select (select count(*) from (${signersInForce(principalId, today)}) s)::int as signers,
      (select count(*) from code_items i join code_versions v on v.id = i.version_id
        join authorities a on a.id = v.authority_id
        where a.id = ${principalId}::int or a.parent_id = ${principalId}::int)::int as items
  `.execute(trx);
  return {
    versions: 2 + Number(parishes.numAffectedRows ?? 0),
    items: counts.rows[0]?.items ?? 0,
    signers: counts.rows[0]?.signers ?? 0,
    signOffs: Number(signed.numAffectedRows ?? 0),
  };
}

/**
 * Add the code to a large dataset generated before codes existed (the benchmark keeps its
 * data between runs). Does nothing if the council `slug` is missing or already has a code, so
 * it is safe to call on every run.
 */
export async function ensureLargeCode(
  db: Db,
  slug: string,
): Promise<{ added: false } | ({ added: true } & LargeCodeResult)> {
  return topUpLargeCouncil(db, slug, {
    table: 'code_versions',
    action: 'code-added',
    write: writeLargeCode,
  });
}
