import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { todayInEngland } from '../db/current.js';
import { hashToken } from '../platform/session.js';
import { enqueueEmail } from '../platform/outbox.js';
import { nextVersionNumber, numberItems } from '../features/code-of-conduct/index.js';
// Not exported by the features' index files, and each runs in the caller's transaction: the
// training invitation email as the dispatcher writes it, the import of a council's existing
// code as an upload reads it, and the members CSV upload (its plan is what the preview shows).
import { CALENDAR_TYPE, invitationCalendar } from '../features/training-invitations/ics.js';
import { invitationEmail } from '../features/training-invitations/emails.js';
import { readMarkdown } from '../features/code-import/markdown-reader.js';
import { detectStructure } from '../features/code-import/structure.js';
import type { StoredImport } from '../features/code-import/schemas.js';
import { exportMembers, uploadMembers } from '../features/member-import/service.js';
import { LARGE_ACCOUNTS, LARGE_SLUG } from './large.js';
import { largeCodeText } from './large-code.js';
import { consultationDraftText, modelCodeText, type CodeEntry } from './demo-code-text.js';
import { writeVersion, type Lineages } from './demo-code.js';

/**
 * What the large council needs, beyond what it was generated with, for the benchmark to load
 * every people page (and the code of conduct's administration): written in the caller's
 * transaction. No audit rows: like the rest of the generated council, the data stands alone.
 *
 * - A councillor elected most recently, who has not yet set a password, holds an unused
 *   invitation link (its raw token is BENCH_INVITATION_TOKEN; only its hash is stored).
 * - Five councillors' invitations to the next training session are in the outbox, each with
 *   its calendar file, as the dispatcher wrote them.
 * - The Monitoring Officer has uploaded the council's members list, exported and edited in a
 *   spreadsheet (a councillor's married name, another's change of group), and not yet
 *   confirmed it.
 * - Four parish councils are part way through their next code (the council's own stays as
 *   generated): one has version 2 out for consultation (its code in force with a cumulative
 *   gifts rule and a time limit for removing posts), with four comments in; one has a draft of
 *   version 2; one has had version 2 agreed by the parish council (adoption to follow); and one
 *   has uploaded its old local code as a Markdown file, not yet turned into a draft.
 */

/** The raw token of the invitation link: only its hash is stored, as the product does. */
export const BENCH_INVITATION_TOKEN = createHash('sha256')
  .update('large-city benchmark invitation link')
  .digest('base64url');

/** How long an invitation link lasts (the product's own rule for an 'invite'). */
export const INVITATION_DAYS = 7;

/** The file names the benchmark's records are found by. */
export const BENCH_MEMBERS_FILE = 'large-city-councillors-updated.csv';
export const BENCH_CODE_FILE = 'code-of-conduct-2019.md';

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monitoring Officer of the large council: the actor for what follows. */
async function monitoringOfficer(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('people')
    .select('id')
    .where('email', '=', LARGE_ACCOUNTS.monitoringOfficer)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A newly elected councillor with no password yet gets an invitation link. */
async function writeInvitation(trx: Trx, principalId: number, mo: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select p.id
      from people p
      join memberships m on m.person_id = p.id
      join organisations c on c.id = m.organisation_id and c.classification = 'council'
     where p.authority_id = ${principalId} and p.kind = 'member' and p.email is not null
       and not exists (select 1 from credentials cr where cr.person_id = p.id)
       and not exists (select 1 from invitations i where i.person_id = p.id)
     order by m.start_date desc, p.id
     limit 1`.execute(trx);
  const person = rows[0];
  if (!person) throw new Error('The large council has no councillor without a password');
  await trx
    .insertInto('invitations')
    .values({
      person_id: person.id,
      token_hash: hashToken(BENCH_INVITATION_TOKEN),
      purpose: 'invite',
      created_by: mo,
      expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .execute();
  return 1;
}

/**
 * Invitations to the next training session of the council's own members (or, failing one
 * ahead, the latest), with their calendar files, as sent.
 */
async function writeOutbox(trx: Trx, principalId: number): Promise<number> {
  const { rows } = await sql<{
    session_id: number;
    title: string;
    group_name: string | null;
    starts_at: Date;
    ends_at: Date | null;
    duration_minutes: number;
    venue: string;
    online_url: string | null;
    sequence: number;
    authority_name: string;
    email: string;
    given_name: string;
    family_name: string;
    required: boolean;
  }>`
    with next_session as (
      select s.id from training_sessions s
        join courses c on c.id = s.course_id
        join programmes pr on pr.id = c.programme_id
       where pr.authority_id = ${principalId} and s.starts_at is not null
         and exists (select 1 from session_invitations i join people p on p.id = i.person_id
                      where i.session_id = s.id and p.authority_id = ${principalId}
                        and p.email is not null)
       order by s.status = 'confirmed' and s.starts_at > now() desc,
                abs(extract(epoch from s.starts_at - now())), s.id
       limit 1)
    select s.id as session_id, c.title, g.name as group_name, s.starts_at, s.ends_at,
           c.duration_minutes, s.venue, s.online_url, s.sequence, a.name as authority_name,
           p.email, p.given_name, p.family_name, i.required
      from next_session n
      join training_sessions s on s.id = n.id
      join courses c on c.id = s.course_id
      join programmes pr on pr.id = c.programme_id
      join authorities a on a.id = pr.authority_id
      left join organisations g on g.id = s.group_id
      join session_invitations i on i.session_id = s.id
      join people p on p.id = i.person_id and p.email is not null
                    and p.authority_id = ${principalId}
     order by p.id
     limit 5`.execute(trx);
  if (rows.length === 0)
    throw new Error('The large council has no training session for its members');
  const baseUrl = 'https://probity.large-city.example';
  for (const row of rows) {
    const session = {
      sessionId: row.session_id,
      title: row.title,
      groupName: row.group_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      durationMinutes: row.duration_minutes,
      venue: row.venue,
      onlineUrl: row.online_url,
      status: 'confirmed' as const,
      sequence: row.sequence,
    };
    const now = new Date();
    const id = await enqueueEmail(trx, {
      ...invitationEmail(row.email, session, 'invitation', row, baseUrl),
      attachments: [
        {
          fileName: 'invitation.ics',
          contentType: `${CALENDAR_TYPE}; method=REQUEST`,
          content: invitationCalendar(session, {
            method: 'REQUEST',
            baseUrl,
            now,
            organizer: {
              name: row.authority_name,
              email: 'democratic.services@large-city.example',
            },
            attendee: {
              name: `${row.given_name} ${row.family_name}`,
              email: row.email,
              response: null,
            },
          }),
        },
      ],
    });
    await trx
      .updateTable('outbox')
      .set({ status: 'sent', attempts: 1, sent_at: now })
      .where('id', '=', id)
      .execute();
  }
  return rows.length;
}

/** The council's members list, exported, edited in a spreadsheet and uploaded again. */
async function writeMembersImport(trx: Trx, mo: number): Promise<number> {
  const db = trx as unknown as Db;
  const today = todayInEngland();
  const file = await exportMembers(db, LARGE_SLUG, today);
  if (!file) throw new Error('The large council has no members to export');
  const lines = file.text.split('\r\n');
  const edit = (index: number, column: number, value: (old: string) => string) => {
    const cells = (lines[index] ?? '').split(',');
    if (cells.length < 9 || cells.some((c) => c.includes('"'))) return;
    cells[column] = value(cells[column] ?? '');
    lines[index] = cells.join(',');
  };
  const rowCount = lines.filter((l) => l !== '').length - 1;
  const groups = [...new Set(lines.slice(1).map((l) => l.split(',')[5] ?? ''))].filter(Boolean);
  // A councillor's married name, and another who has crossed the floor to another group.
  edit(Math.max(1, Math.floor(rowCount / 3)), 2, () => 'Whitfield');
  edit(
    Math.max(1, Math.floor((rowCount * 2) / 3)),
    5,
    (old) => groups.find((g) => g !== old) ?? old,
  );
  const outcome = await uploadMembers(
    db,
    {
      fileName: BENCH_MEMBERS_FILE,
      bytes: Buffer.from(lines.join('\r\n'), 'utf8'),
      truncated: false,
    },
    { actorPersonId: mo, requestId: 'large-dataset', today },
  );
  if (outcome.kind !== 'stored') {
    const why =
      outcome.kind === 'refused'
        ? outcome.messages.join('; ')
        : outcome.preview.plan.errors.map((e) => `row ${e.rowNumber}: ${e.message}`).join('; ');
    throw new Error(`The large council's members file was not kept for its preview: ${why}`);
  }
  return 1;
}

/**
 * The lineage of each paragraph of a parish's code in force (its copy of the council's
 * version 2, the council's name replaced by its own), by the paragraph's key.
 */
async function parishLineages(trx: Trx, parish: Parish): Promise<Lineages> {
  const items = await trx
    .selectFrom('code_items')
    .select(['position', 'heading', 'body', 'lineage'])
    .where('version_id', '=', parish.version_id)
    .orderBy('position')
    .execute();
  const entries = largeCodeText(parish.name).second;
  if (entries.length !== items.length)
    throw new Error(`The code in force of ${parish.name} is not the text it was copied with`);
  const byKey = new Map<string, string>();
  entries.forEach((entry, index) => {
    const item = items[index];
    if (!item || item.body !== entry.body || item.heading !== entry.heading)
      throw new Error(`The code in force of ${parish.name} differs at item ${index}`);
    byKey.set(entry.key, item.lineage);
  });
  return (key) => {
    let lineage = byKey.get(key);
    if (!lineage) {
      lineage = randomUUID();
      byKey.set(key, lineage);
    }
    return lineage;
  };
}

/** Copy one version's items into another (numbers, anchors and lineage included). */
async function copyItems(trx: Trx, fromId: number, toId: number): Promise<void> {
  await sql`
    insert into code_items (version_id, position, kind, depth, number, anchor, heading, body,
      origin, lineage)
    select ${toId}::int, position, kind, depth, number, anchor, heading, body, origin, lineage
      from code_items where version_id = ${fromId}::int`.execute(trx);
}

interface Parish {
  id: number;
  name: string;
  version_id: number;
  council: number;
}

/** Four parish councils, the middle ones by id: a consultation, a draft, an agreed version, an import. */
async function middleParishes(
  trx: Trx,
  principalId: number,
): Promise<[Parish, Parish, Parish, Parish]> {
  const { rows } = await sql<Parish>`
    with parishes as (
      select a.id, a.name, v.id as version_id,
             (select o.id from organisations o
               where o.authority_id = a.id and o.classification = 'council'
               order by o.id limit 1) as council
        from authorities a
        join code_versions v on v.authority_id = a.id and v.status = 'in-force'
       where a.parent_id = ${principalId}::int)
    select * from parishes order by id
    offset (select greatest(0, least(count(*) / 2, count(*) - 4)) from parishes) limit 4`.execute(
    trx,
  );
  const [a, b, c, d] = rows;
  if (!a || !b || !c || !d) throw new Error('The large council has fewer than four parish codes');
  return [a, b, c, d];
}

/** A parish council's old local code, as the clerk keeps it: Markdown with its numbers. */
function oldCodeMarkdown(council: string): string {
  const entries: CodeEntry[] = modelCodeText({
    council,
    thresholdPounds: 50,
    localAdditions: false,
  });
  const numbered = numberItems(entries);
  if (!numbered.ok) throw new Error('The old parish code cannot be numbered');
  const lines = [`# ${council}: Code of Conduct for Members (2019)`, ''];
  for (const item of numbered.items) {
    if (item.kind === 'section') lines.push(`## ${item.number}. ${item.heading ?? ''}`, '');
    else if (item.kind === 'appendix')
      lines.push(`## Appendix ${item.number} – ${item.heading ?? ''}`, '');
    else if (item.depth === 2) {
      const letter = /\(([a-z]+)\)$/.exec(item.number)?.[1] ?? 'a';
      lines.push(`- (${letter}) ${item.body ?? ''}`, '');
    } else lines.push(`${item.number} ${item.body ?? ''}`, '');
  }
  return lines.join('\n');
}

/**
 * The code of conduct's work in progress in the council's area (the council's own code is left
 * as generated: version 2 in force): four parish councils' next versions.
 */
async function writeCodeWork(trx: Trx, principalId: number, mo: number): Promise<number> {
  const today = todayInEngland();
  const principal = await trx
    .selectFrom('authorities')
    .select('name')
    .where('id', '=', principalId)
    .executeTakeFirstOrThrow();
  const [consulting, drafting, agreed, importing] = await middleParishes(trx, principalId);

  // A parish's version 2 out for consultation: its code with a cumulative gifts rule and a
  // time limit for taking posts down, as the council proposes for its own next code.
  const opened = plusDays(today, -21);
  const consultation = await writeVersion(trx, consulting.id, await nextVersionNumber(trx, consulting.id), {
    title: "Members' Code of Conduct (draft for consultation)",
    status: 'consultation',
    based_on_version_id: consulting.version_id,
    change_summary: 'Proposed after the annual review: gifts and hospitality from one source are added up over twelve months, and a member removes a post within two working days of the Monitoring Officer asking.',
    gifts_threshold_pence: 2500,
    consultation_opened_on: opened,
    consultation_closes_on: plusDays(today, 21),
    created_by: mo,
  }, consultationDraftText({ council: consulting.name, thresholdPounds: 25, localAdditions: true }), await parishLineages(trx, consulting)); // prettier-ignore
  await trx
    .insertInto('code_consultation_comments')
    .values([
      {
        version_id: consultation,
        consultee: 'Clerk to the Council',
        organisation: drafting.name,
        received_on: plusDays(opened, 3),
        comment: 'We support adding up gifts over twelve months. Please let the twelve months run from the date of each gift, so that the register can be checked at any time rather than at the year end.',
        recorded_by: mo,
      },
      {
        version_id: consultation,
        consultee: 'Independent Person',
        organisation: principal.name,
        received_on: plusDays(opened, 8),
        comment: 'Two working days to take a post down is reasonable. The code should also say what a member can do if they disagree with the request, so that the rule is applied the same way to everyone.',
        recorded_by: mo,
      },
      {
        version_id: consultation,
        consultee: 'Councillor',
        organisation: consulting.name,
        received_on: plusDays(opened, 12),
        comment: 'Could the guidance give examples of what counts as the same source, for instance a local firm and its owner, or two businesses run by one family?',
        recorded_by: mo,
      },
      {
        version_id: consultation,
        consultee: 'Resident',
        organisation: null,
        received_on: plusDays(opened, 15),
        comment: 'I welcome the change. It would help residents if the register of gifts were published on the parish website as soon as it is updated.',
        recorded_by: mo,
      },
    ])
    .execute(); // prettier-ignore

  // A parish draft of version 2, copied from its code in force, with a higher threshold.
  const parishDraft = await trx
    .insertInto('code_versions')
    .values({
      authority_id: drafting.id,
      number: await nextVersionNumber(trx, drafting.id),
      title: "Members' Code of Conduct",
      status: 'draft',
      based_on_version_id: drafting.version_id,
      change_summary: 'Copied from version 1. The gifts and hospitality threshold to rise to £50, as in the model code.',
      gifts_threshold_pence: 5000,
      created_by: mo,
    })
    .returning('id')
    .executeTakeFirstOrThrow(); // prettier-ignore
  await copyItems(trx, drafting.version_id, parishDraft.id);

  // A parish version 2 agreed by the parish council, waiting for adoption.
  const parishAgreed = await trx
    .insertInto('code_versions')
    .values({
      authority_id: agreed.id,
      number: await nextVersionNumber(trx, agreed.id),
      title: "Members' Code of Conduct (revised)",
      status: 'agreed',
      based_on_version_id: agreed.version_id,
      change_summary: 'Copied from version 1, with the register of interests to be kept by the clerk and published on the parish website.',
      gifts_threshold_pence: 2500,
      agreed_on: plusDays(today, -9),
      agreed_by_organisation_id: agreed.council,
      agreed_minute: `Minute ${today.slice(2, 4)}/117`,
      created_by: mo,
    })
    .returning('id')
    .executeTakeFirstOrThrow(); // prettier-ignore
  await copyItems(trx, agreed.version_id, parishAgreed.id);

  // A parish's old local code, uploaded for its preview and not yet made a draft.
  const structure = detectStructure(readMarkdown(oldCodeMarkdown(importing.name)));
  const parsed: StoredImport = {
    title: (structure.title ?? `${importing.name} Code of Conduct`).slice(0, 200),
    items: structure.items.map(({ kind, depth, heading, body, origin, source, written }) => ({
      kind,
      depth,
      heading,
      body,
      origin,
      source,
      written,
    })),
    problems: structure.problems,
  };
  await trx
    .insertInto('code_imports')
    .values({
      authority_id: importing.id,
      file_name: BENCH_CODE_FILE,
      format: 'markdown',
      parsed: JSON.stringify(parsed),
      created_by: mo,
    })
    .execute();
  return 4;
}

export async function writeLargePeopleExtras(
  trx: Trx,
  principalId: number,
): Promise<Record<string, number>> {
  const mo = await monitoringOfficer(trx);
  return {
    'invitation links': await writeInvitation(trx, principalId, mo),
    'emails in the outbox': await writeOutbox(trx, principalId),
    'members files awaiting confirmation': await writeMembersImport(trx, mo),
    'code versions and imports in progress': await writeCodeWork(trx, principalId, mo),
  };
}
