import { sql } from 'kysely';
import type { Trx } from '../../db/database.js';
import { recordAudits, type AuditRecord } from '../../platform/audit.js';
import type { ImportPlan, PersonRef } from './plan-types.js';

/**
 * Writing a confirmed plan in a few set-based statements: one insert or update per kind of
 * change, never one round trip per row. Rows travel as one JSON parameter per statement and
 * PostgreSQL unpacks them (jsonb_to_recordset), which is several times faster than thousands
 * of bound parameters. Every change gets its audit record, in the same transaction.
 */

const CHUNK = 5000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface WriteSummary {
  membershipsStarted: number;
  membershipsEnded: number;
}

/** Apply a plan that has no errors. Throws (so the transaction rolls back) if the data moved. */
export async function writePlan(
  trx: Trx,
  plan: ImportPlan,
  actor: { actorPersonId: number; requestId: string },
): Promise<WriteSummary> {
  const audits: AuditRecord[] = [];

  // New councillors, then their ids by email address (unique, case-insensitively).
  const newIds = new Map<number, number>();
  for (const chunk of chunks(plan.newPeople)) {
    const values = chunk.map((p) => ({
      authority_id: p.authorityId,
      given_name: p.givenName,
      family_name: p.familyName,
      email: p.email,
      external_id: p.externalId,
      kind: 'member' as const,
    }));
    const inserted = await sql<{ id: number; email: string }>`
      insert into people (authority_id, given_name, family_name, email, external_id, kind)
      select r.authority_id, r.given_name, r.family_name, r.email, r.external_id, r.kind
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(
        authority_id int, given_name text, family_name text, email text, external_id text, kind text)
      returning id, email
    `.execute(trx);
    const rowByEmail = new Map(chunk.map((p) => [p.email.toLowerCase(), p.rowNumber]));
    for (const row of inserted.rows) {
      const rowNumber = rowByEmail.get(row.email.toLowerCase());
      if (rowNumber === undefined) throw new Error('An inserted councillor was not in the plan');
      newIds.set(rowNumber, row.id);
    }
    chunk.forEach((p, i) => {
      audits.push({
        entity: 'person',
        entityId: newIds.get(p.rowNumber) ?? '',
        action: 'created',
        after: { ...values[i], roles: ['member'] },
      });
    });
  }
  const idOf = (ref: PersonRef): number => {
    const id = 'personId' in ref ? ref.personId : newIds.get(ref.newRow);
    if (id === undefined) throw new Error('The plan refers to a councillor it did not add');
    return id;
  };

  for (const chunk of chunks(plan.personUpdates)) {
    // A field left out (null) keeps its value: an import never clears a name, email or ID.
    const rows = chunk.map((u) => ({ id: u.personId, ...u.after }));
    await sql`
      update people as p set
        given_name = coalesce(r.given_name, p.given_name),
        family_name = coalesce(r.family_name, p.family_name),
        email = coalesce(r.email, p.email),
        external_id = coalesce(r.external_id, p.external_id),
        updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(id int, given_name text, family_name text, email text, external_id text)
      where p.id = r.id
    `.execute(trx);
  }
  for (const u of plan.personUpdates) {
    audits.push({
      entity: 'person',
      entityId: u.personId,
      action: 'updated',
      before: u.before,
      after: u.after,
    });
  }

  for (const chunk of chunks(plan.roleGrants)) {
    const ids = chunk.map(idOf);
    await sql`
      insert into person_roles (person_id, role)
      select id, 'member' from unnest(${ids}::int[]) as id
      on conflict do nothing
    `.execute(trx);
  }
  for (const ref of plan.roleGrants) {
    if ('personId' in ref) {
      audits.push({
        entity: 'person',
        entityId: ref.personId,
        action: 'role-granted',
        before: { roles: null },
        after: { roles: ['member'] },
      });
    }
  }

  // Memberships that end: the record stays, with the day it ended and why.
  for (const chunk of chunks(plan.ends)) {
    const result = await sql`
      update memberships as m set end_date = r."endDate", end_reason = r.reason
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as r("membershipId" int, "endDate" date, reason text)
      where m.id = r."membershipId" and m.end_date is null
    `.execute(trx);
    if (Number(result.numAffectedRows ?? 0) !== chunk.length) {
      throw new Error('A membership the import ends has changed since it was planned');
    }
  }
  for (const e of plan.ends) {
    audits.push({
      entity: 'membership',
      entityId: e.membershipId,
      action: 'ended',
      before: { end_date: null, end_reason: null },
      after: { end_date: e.endDate, end_reason: e.reason },
    });
  }

  for (const chunk of chunks(plan.termChanges)) {
    await sql`
      update memberships as m set term_ends_on = r.after
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r("membershipId" int, after date)
      where m.id = r."membershipId"
    `.execute(trx);
  }
  for (const t of plan.termChanges) {
    audits.push({
      entity: 'membership',
      entityId: t.membershipId,
      action: 'updated',
      before: { term_ends_on: t.before },
      after: { term_ends_on: t.after },
    });
  }

  // New seats and group memberships. A person gains at most one of each in an import, so
  // person and organisation together say which inserted row is which.
  for (const chunk of chunks(plan.starts)) {
    const values = chunk.map((s) => ({
      person_id: idOf(s.person),
      organisation_id: s.organisationId,
      post_id: s.postId,
      role: 'member' as const,
      voting: true,
      start_date: s.startDate,
      term_ends_on: s.termEndsOn,
    }));
    const inserted = await sql<{ id: number; person_id: number; organisation_id: number }>`
      insert into memberships (person_id, organisation_id, post_id, role, voting, start_date, term_ends_on)
      select r.person_id, r.organisation_id, r.post_id, r.role, r.voting, r.start_date, r.term_ends_on
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(
        person_id int, organisation_id int, post_id int, role text, voting boolean,
        start_date date, term_ends_on date)
      returning id, person_id, organisation_id
    `.execute(trx);
    const idByKey = new Map(
      inserted.rows.map((r) => [`${r.person_id}|${r.organisation_id}`, r.id]),
    );
    values.forEach((after, i) => {
      audits.push({
        entity: 'membership',
        entityId: idByKey.get(`${after.person_id}|${after.organisation_id}`) ?? '',
        action: 'created',
        after: { ...after, organisation: chunk[i]?.organisationName },
      });
    });
  }

  await recordAudits(trx, actor, audits);
  return { membershipsStarted: plan.starts.length, membershipsEnded: plan.ends.length };
}
