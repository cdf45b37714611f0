import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { Trx } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import type { CodeVersionsTable } from '../db/schema.js';
import { listSigners, numberItems, replaceItems } from '../features/code-of-conduct/index.js';
import type { DemoAccount } from './demo.js';
import {
  consultationDraftText,
  earlierLocalCodeText,
  modelCodeText,
  type CodeEntry,
} from './demo-code-text.js';

/**
 * The demo councils' codes of conduct, written in the demo council's transaction once its
 * people exist (no audit rows of their own: the one "seeded" event covers the whole demo).
 *
 * - Demo City Council: its 2020 local code (superseded), the model-based 2021 code with local
 *   additions and a £10 gifts threshold (in force, agreed by the Audit and Standards Committee
 *   on 25 March 2021, the seed report's date), and a 2027 draft out for consultation. Most
 *   members have signed the code in force; the demo councillor and whip have not, so their
 *   dashboards show it outstanding. The city's last annual review was in October 2025, so
 *   the Monitoring Officer's dashboard shows a review as due (the parishes reviewed theirs in
 *   2026).
 * - Hollinbrook copied the city's code (with its own £25 threshold); Marstow adopted the model
 *   code as it stands; Elderby-on-Wend has adopted none yet.
 */

/** Maps a paragraph's key to one lineage, shared by every version written with the same map. */
export type Lineages = (key: string) => string;

export function lineages(): Lineages {
  const byKey = new Map<string, string>();
  return (key) => {
    let lineage = byKey.get(key);
    if (!lineage) {
      lineage = randomUUID();
      byKey.set(key, lineage);
    }
    return lineage;
  };
}

export type VersionRow = Omit<Insertable<CodeVersionsTable>, 'authority_id' | 'number'>;

/** Insert a version and its items, numbered by the core numbering, in the caller's transaction. */
export async function writeVersion(
  trx: Trx,
  authorityId: number,
  number: number,
  row: VersionRow,
  entries: CodeEntry[],
  lineageOf: Lineages,
): Promise<number> {
  const version = await trx
    .insertInto('code_versions')
    .values({ ...row, authority_id: authorityId, number })
    .returning('id')
    .executeTakeFirstOrThrow();
  const numbered = numberItems(
    entries.map(({ key, ...item }) => ({ ...item, lineage: lineageOf(key) })),
  );
  if (!numbered.ok) {
    const first = numbered.problems[0];
    throw new Error(`A seeded code cannot be numbered: item ${first?.position}: ${first?.message}`);
  }
  await replaceItems(trx, version.id, numbered.items);
  return version.id;
}

/** A date `days` after an ISO date. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface SignOffPlan {
  versionId: number;
  authorityId: number;
  inForceFrom: string;
  /** people who have not signed */
  outstanding: (personId: number, index: number) => boolean;
  /** sign-offs made on paper, entered by this officer */
  paper: (personId: number, index: number) => boolean;
  recordedBy: number;
}

/**
 * Sign-offs by the members who must sign, each a few weeks after the later of the day the
 * version came into force and the day they took their seat.
 */
async function writeSignOffs(trx: Trx, plan: SignOffPlan): Promise<number> {
  const signers = await listSigners(trx, plan.authorityId, todayInEngland(), false);
  const since = await trx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.person_id', sql<string>`min(m.start_date)::text`.as('since')])
    .where('o.authority_id', '=', plan.authorityId)
    .where('o.classification', 'in', ['council', 'committee', 'sub-committee'])
    .where('m.end_date', 'is', null)
    .groupBy('m.person_id')
    .execute();
  const sinceById = new Map(since.map((r) => [r.person_id, r.since]));
  const rows = signers.flatMap((signer, index) => {
    if (plan.outstanding(signer.personId, index)) return [];
    const seated = sinceById.get(signer.personId) ?? plan.inForceFrom;
    const from = seated > plan.inForceFrom ? seated : plan.inForceFrom;
    const paper = plan.paper(signer.personId, index);
    return [
      {
        version_id: plan.versionId,
        person_id: signer.personId,
        signed_on: plusDays(from, 5 + ((index * 11) % 40)),
        method: paper ? ('paper' as const) : ('online' as const),
        recorded_by: paper ? plan.recordedBy : signer.personId,
      },
    ];
  });
  if (rows.length > 0) await trx.insertInto('code_sign_offs').values(rows).execute();
  return rows.length;
}

async function idBySlug(trx: Trx, slug: string): Promise<number> {
  const row = await trx
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function idByEmail(trx: Trx, accounts: DemoAccount[], role: string): Promise<number> {
  const email = accounts.find((a) => a.role === role)?.email;
  if (!email) throw new Error(`The demo council has no ${role} account`);
  const row = await trx
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

const CITY = { council: 'Demo City Council', thresholdPounds: 10, localAdditions: true };

/** Write the demo codes; call it in the demo council's transaction, after its people. */
export async function writeDemoCode(trx: Trx, accounts: DemoAccount[]): Promise<void> {
  const city = await idBySlug(trx, 'demo-city');
  const mo = await idByEmail(trx, accounts, 'monitoring-officer');
  const democraticServices = await idByEmail(trx, accounts, 'democratic-services');
  const notSigned = new Set([
    await idByEmail(trx, accounts, 'member'),
    await idByEmail(trx, accounts, 'group-whip'),
  ]);
  const standards = await trx
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', city)
    .where('committee_type', '=', 'audit-and-standards')
    .executeTakeFirstOrThrow();

  const cityLineage = lineages();
  const first = await writeVersion(trx, city, 1, {
    title: "Members' Code of Conduct (2020 local code)",
    status: 'superseded',
    gifts_threshold_pence: 1000,
    agreed_on: '2020-12-10',
    agreed_by_organisation_id: standards.id,
    agreed_minute: 'ASC 10/12/20 item 5',
    adopted_on: '2021-01-20',
    adopted_minute: 'Council 20/01/21 minute 64',
    in_force_from: '2021-01-21',
    superseded_on: '2021-05-19',
    created_by: mo,
  }, earlierLocalCodeText(CITY), cityLineage); // prettier-ignore
  const inForce = await writeVersion(trx, city, 2, {
    title: "Members' Code of Conduct 2021 (model code with local additions)",
    status: 'in-force',
    based_on_version_id: first,
    change_summary:
      "Takes up the Local Government Association's model code of December 2020, keeping the council's own requirements from its 2020 code as local additions, including the £10 gifts and hospitality threshold.",
    gifts_threshold_pence: 1000,
    agreed_on: '2021-03-25',
    agreed_by_organisation_id: standards.id,
    agreed_minute: 'ASC 25/03/21 item 7',
    adopted_on: '2021-05-19',
    adopted_minute: 'Council 19/05/21 minute 12',
    in_force_from: '2021-05-19',
    created_by: mo,
  }, modelCodeText(CITY), cityLineage); // prettier-ignore
  const draft = await writeVersion(trx, city, 3, {
    title: "Members' Code of Conduct 2027 (draft for consultation)",
    status: 'consultation',
    based_on_version_id: inForce,
    change_summary:
      'Proposed after the 2026 review: gifts and hospitality from one source to be added up over twelve months, and a time limit for removing posts the Monitoring Officer asks to be taken down.',
    gifts_threshold_pence: 1000,
    consultation_opened_on: '2026-11-02',
    consultation_closes_on: '2026-12-14',
    created_by: mo,
  }, consultationDraftText(CITY), cityLineage); // prettier-ignore
  await trx
    .insertInto('code_consultation_comments')
    .values([
      {
        version_id: draft,
        consultee: 'Clerk to the Council',
        organisation: 'Hollinbrook Parish Council',
        received_on: '2026-11-10',
        comment:
          "The parish council supports adding gifts up over twelve months, and asks that the period matches the one in the officers' code, so that members and staff follow one rule.",
        recorded_by: democraticServices,
      },
      {
        version_id: draft,
        consultee: 'Independent Person',
        organisation: 'Demo City Council',
        received_on: '2026-11-16',
        comment:
          'Two working days to remove a post is reasonable. The code could also say what happens if a member disagrees with the request, so that the rule is not applied unevenly.',
        recorded_by: democraticServices,
      },
    ])
    .execute();
  await trx
    .insertInto('code_reviews')
    .values({
      authority_id: city,
      version_id: inForce,
      reviewed_on: '2025-10-15',
      outcome: 'no-change',
      notes:
        "The Audit and Standards Committee reviewed the code against the Committee on Standards in Public Life's best practice and found no change needed this year.",
      recorded_by: mo,
    })
    .execute();
  await writeSignOffs(trx, {
    versionId: inForce,
    authorityId: city,
    inForceFrom: '2021-05-19',
    // The demo councillor and whip, and one member in twelve besides, have not signed.
    outstanding: (personId, index) => notSigned.has(personId) || index % 12 === 5,
    paper: (_personId, index) => index % 9 === 4,
    recordedBy: democraticServices,
  });
  await writeParishCodes(trx, cityLineage, inForce, democraticServices);
}

/** Hollinbrook copied the city's code; Marstow adopted the model code as it is. */
async function writeParishCodes(
  trx: Trx,
  cityLineage: Lineages,
  cityCode: number,
  recordedBy: number,
) {
  const hollinbrook = await idBySlug(trx, 'hollinbrook');
  const copy = await writeVersion(trx, hollinbrook, 1, {
    title: "Members' Code of Conduct (Demo City Council's code, adopted by the parish)",
    status: 'in-force',
    based_on_version_id: cityCode,
    change_summary:
      "Demo City Council's 2021 code, with the parish council's own gifts and hospitality threshold of £25.",
    gifts_threshold_pence: 2500,
    adopted_on: '2021-07-06',
    adopted_minute: 'HPC 06/07/21 minute 21/045',
    in_force_from: '2021-07-07',
  }, modelCodeText({ council: 'Hollinbrook Parish Council', thresholdPounds: 25, localAdditions: true }), cityLineage); // prettier-ignore
  await writeSignOffs(trx, {
    versionId: copy,
    authorityId: hollinbrook,
    inForceFrom: '2021-07-07',
    outstanding: (_personId, index) => index === 3,
    paper: (_personId, index) => index % 3 === 0,
    recordedBy,
  });

  const marstow = await idBySlug(trx, 'marstow');
  const own = await writeVersion(trx, marstow, 1, {
    title: 'Marstow Town Council Code of Conduct',
    status: 'in-force',
    change_summary: "The Local Government Association's model code, adopted without changes.",
    gifts_threshold_pence: 5000,
    adopted_on: '2021-09-14',
    adopted_minute: 'MTC 14/09/21 minute 88',
    in_force_from: '2021-09-15',
  }, modelCodeText({ council: 'Marstow Town Council', thresholdPounds: 50, localAdditions: false }), lineages()); // prettier-ignore
  // Both parish councils reviewed their codes this year, so only the city's review is due.
  await trx
    .insertInto('code_reviews')
    .values([
      {
        authority_id: hollinbrook,
        version_id: copy,
        reviewed_on: '2026-06-02',
        outcome: 'no-change',
        recorded_by: recordedBy,
      },
      {
        authority_id: marstow,
        version_id: own,
        reviewed_on: '2026-07-14',
        outcome: 'no-change',
        recorded_by: recordedBy,
      },
    ]) // prettier-ignore
    .execute();
  await writeSignOffs(trx, {
    versionId: own,
    authorityId: marstow,
    inForceFrom: '2021-09-15',
    outstanding: (_personId, index) => index % 4 === 1,
    paper: (_personId, index) => index % 2 === 0,
    recordedBy,
  });
}
