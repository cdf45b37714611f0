import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { hashToken } from '../platform/session.js';
import { LARGE_ACCOUNTS, LARGE_SLUG } from '../seed/large.js';
import {
  BENCH_CODE_FILE,
  BENCH_INVITATION_TOKEN,
  BENCH_MEMBERS_FILE,
  INVITATION_DAYS,
} from '../seed/large-extras-people.js';
import type { PageSpec } from './measure.js';
import type { BenchSessions } from './pages.js';
import { one } from './dataset-row.js';

/** Real ids and values from the large dataset for the people pages measured by the bench. */
export interface PeopleTargets {
  /** the raw token of a newly elected councillor's unused invitation link */
  invitationToken: string;
  /** the large council */
  authorityId: number;
  /** a councillor half way through the list (as targets.ts picks) and a current membership */
  personId: number;
  membershipId: number;
  /** an Independent Person of the large council */
  independentPersonId: number;
  /** a training invitation in the outbox and its calendar file */
  outboxId: number;
  attachmentId: number;
  /** the members file the Monitoring Officer uploaded and has not confirmed */
  memberImportId: string;
  /** a committee half way through the council's, and a live body that can be dissolved */
  committeeId: number;
  dissolvableId: number;
  /** a ward half way through the council's */
  wardId: number;
  /** the number of the council's version in force (print and Word) */
  inForceNumber: number;
  /** a parish's version out for consultation, the version it is based on, and a paragraph */
  consultationId: number;
  basedOnId: number;
  lineage: string;
  /** a parish council's draft and another's version agreed and waiting for adoption */
  parishDraftId: number;
  parishAgreedId: number;
  /** a parish's old code uploaded for its preview */
  codeImportId: number;
}

/**
 * An invitation link lasts a week and the benchmark's dataset much longer: before each run, a
 * link that has run out (never one used) is given another week, as Democratic Services would
 * send it again.
 */
export async function renewBenchInvitation(db: Db): Promise<void> {
  await sql`
    update invitations set expires_at = now() + make_interval(days => ${INVITATION_DAYS}::int)
     where token_hash = ${hashToken(BENCH_INVITATION_TOKEN)} and used_at is null
       and expires_at < now() + interval '1 day'`.execute(db);
}

/** Reads them; throws (naming what is missing) when the dataset lacks one. */
export async function findPeopleTargets(db: Db): Promise<PeopleTargets> {
  await one(
    db,
    'unused invitation link',
    sql<{ id: number }>`
      select id from invitations
       where token_hash = ${hashToken(BENCH_INVITATION_TOKEN)} and used_at is null
         and expires_at > now()`,
  );
  const council = await one(
    db,
    'councillor with a current membership',
    sql<{ authority: number; person: number; membership: number }>`
      with councillors as (
        select p.id, a.id as authority
        from people p join authorities a on a.id = p.authority_id
        where a.slug = ${LARGE_SLUG} and p.kind = 'member'),
      chosen as (
        select id, authority from councillors order by id
        offset (select count(*) / 2 from councillors) limit 1)
      select c.authority, c.id as person,
             (select m.id from memberships m join organisations o on o.id = m.organisation_id
               where m.person_id = c.id and (m.end_date is null or m.end_date >= current_date)
               order by o.classification = 'committee' desc, m.id limit 1) as membership
        from chosen c`,
  );
  if (council.membership === null)
    throw new Error('The large dataset has no current membership for its middle councillor');
  const independent = await one(
    db,
    'Independent Person',
    sql<{ id: number }>`
      select id from people where authority_id = ${council.authority} and kind = 'independent-person'
       order by id offset 1 limit 1`,
  );
  const outbox = await one(
    db,
    'training invitation in the outbox',
    sql<{ id: number; attachment: number }>`
      with invitations as (
        select o.id, a.id as attachment
          from outbox o join outbox_attachments a on a.outbox_id = o.id
          join people p on lower(p.email) = lower(o.to_address)
                       and p.authority_id = ${council.authority}
         where a.file_name = 'invitation.ics')
      select id, attachment from invitations order by id
      offset (select count(*) / 2 from invitations) limit 1`,
  );
  const memberImport = await one(
    db,
    'members file awaiting confirmation',
    sql<{ id: string }>`
      select i.id::text from member_imports i join people p on p.id = i.uploaded_by
       where p.email = ${LARGE_ACCOUNTS.monitoringOfficer} and i.file_name = ${BENCH_MEMBERS_FILE}
       order by i.uploaded_at desc limit 1`,
  );
  const bodies = await one(
    db,
    'committees and wards',
    sql<{ committee: number | null; dissolvable: number | null; ward: number | null }>`
      select
        (select id from organisations where authority_id = ${council.authority}
          and classification = 'committee' and dissolved_on is null order by id
          offset (select count(*) / 2 from organisations where authority_id = ${council.authority}
                  and classification = 'committee' and dissolved_on is null) limit 1) as committee,
        (select id from organisations where authority_id = ${council.authority}
          and classification in ('sub-committee', 'committee') and dissolved_on is null
          order by classification = 'sub-committee' desc, id desc limit 1) as dissolvable,
        (select id from areas where authority_id = ${council.authority} order by id
          offset (select count(*) / 2 from areas where authority_id = ${council.authority})
          limit 1) as ward`,
  );
  if (bodies.committee === null || bodies.dissolvable === null || bodies.ward === null)
    throw new Error('The large dataset has no committees or wards: generate it afresh.');
  const code = await one(
    db,
    'parish code out for consultation',
    sql<{ in_force: number; consultation: number; based_on: number; lineage: string }>`
      select (select number from code_versions where authority_id = ${council.authority}
               and status = 'in-force') as in_force,
             v.id as consultation, v.based_on_version_id as based_on,
             (select lineage::text from code_items where version_id = v.id and kind = 'paragraph'
               order by position offset (select count(*) / 2 from code_items
                 where version_id = v.id and kind = 'paragraph') limit 1) as lineage
        from code_versions v join authorities a on a.id = v.authority_id
       where a.parent_id = ${council.authority} and v.status = 'consultation'
       order by v.id limit 1`,
  );
  const parishes = await one(
    db,
    'parish code drafts',
    sql<{ draft: number | null; agreed: number | null; import: number | null }>`
      select
        (select v.id from code_versions v join authorities a on a.id = v.authority_id
          where a.parent_id = ${council.authority} and v.status = 'draft'
          order by v.id limit 1) as draft,
        (select v.id from code_versions v join authorities a on a.id = v.authority_id
          where a.parent_id = ${council.authority} and v.status = 'agreed'
          order by v.id limit 1) as agreed,
        (select i.id from code_imports i join authorities a on a.id = i.authority_id
          where a.parent_id = ${council.authority} and i.file_name = ${BENCH_CODE_FILE}
            and i.version_id is null
          order by i.id limit 1) as import`,
  );
  if (parishes.draft === null || parishes.agreed === null || parishes.import === null)
    throw new Error('The large dataset has no parish code drafts: generate it afresh.');
  return {
    invitationToken: BENCH_INVITATION_TOKEN,
    authorityId: council.authority,
    personId: council.person,
    membershipId: council.membership,
    independentPersonId: independent.id,
    outboxId: outbox.id,
    attachmentId: outbox.attachment,
    memberImportId: memberImport.id,
    committeeId: bodies.committee,
    dissolvableId: bodies.dissolvable,
    wardId: bodies.ward,
    inForceNumber: code.in_force,
    consultationId: code.consultation,
    basedOnId: code.based_on,
    lineage: code.lineage,
    parishDraftId: parishes.draft,
    parishAgreedId: parishes.agreed,
    codeImportId: parishes.import,
  };
}

/** The people pages not measured elsewhere in benchPages. */
export function peoplePages(t: PeopleTargets, who: BenchSessions): PageSpec[] {
  const mo = (path: string): PageSpec => ({
    label: `${path} (MO)`,
    path,
    kind: 'signed-in',
    cookie: who.mo,
  });
  const publicPage = (path: string): PageSpec => ({ label: path, path, kind: 'public' });
  const person = `/admin/people/${t.personId}`;
  const version = `/admin/code/versions/${t.consultationId}`;
  const item = `${version}/items/${t.lineage}`;
  return [
    // People, memberships and accounts.
    // Labelled without the link's secret part.
    { label: '/set-password/:token', path: `/set-password/${t.invitationToken}`, kind: 'public' },
    mo('/admin/people/new'),
    mo(`${person}/edit`),
    mo(`${person}/memberships/new`),
    mo(`${person}/memberships/${t.membershipId}/end`),
    mo(`${person}/move-group`),
    mo(`/admin/people/${t.independentPersonId}/appointments/new`),
    mo(`/admin/outbox/${t.outboxId}`),
    mo(`/admin/outbox/${t.outboxId}/attachments/${t.attachmentId}`),
    mo('/admin/import/members'),
    mo(`/admin/import/members/${t.memberImportId}`),
    mo(`/admin/export/members.csv?authority=${LARGE_SLUG}`),
    publicPage('/api/popolo.json'),
    // Organisations and wards.
    mo(`/admin/organisations/new?authority=${t.authorityId}`),
    mo(`/admin/organisations/${t.committeeId}/edit`),
    mo(`/admin/organisations/${t.dissolvableId}/dissolve`),
    mo(`/admin/wards/new?authority=${t.authorityId}`),
    mo(`/admin/wards/${t.wardId}/edit`),
    // The code of conduct: the version in force printed and in Word, and its administration.
    publicPage(`/code/${LARGE_SLUG}/${t.inForceNumber}/print`),
    publicPage(`/code/${LARGE_SLUG}/${t.inForceNumber}/word`),
    mo(`/admin/code/${LARGE_SLUG}/import`),
    mo(`/admin/code/imports/${t.codeImportId}`),
    mo(version),
    mo(`${version}/preview`),
    mo(`${version}/settings`),
    mo(`${version}/items/new?after=${t.lineage}`),
    mo(`${item}/edit`),
    mo(`${item}/remove`),
    mo(`/admin/code/versions/${t.parishDraftId}/consultation`),
    mo(`${version}/comments`),
    mo(`${version}/agree`),
    mo(`/admin/code/versions/${t.parishAgreedId}/adopt`),
    mo(`${version}/withdraw`),
    mo(`${version}/compare?with=${t.basedOnId}`),
    mo(`/sign-offs/export.csv?authority=${LARGE_SLUG}`),
    mo(`/sign-offs/paper?authority=${LARGE_SLUG}`),
  ];
}
