import type { PersonFields } from './plan-types.js';
import { findAuthority, lower, show, type PlanContext, type ResolvedRow } from './plan-context.js';
import type { ImportRow } from './rows.js';
import type { NamedState, PersonState } from './snapshot.js';

/**
 * Who a row is about: its council, ward and group by name, the person in Probity it matches
 * (by external ID, then by email address, in any case), and what changes on their record.
 */

/** The row's council, ward and group, or errors saying which does not exist. */
export function resolveRow(ctx: PlanContext, row: ImportRow): ResolvedRow | null {
  const before = ctx.plan.errors.length;
  const found = findAuthority(ctx.snapshot.authorities, row.authority);
  if (found === 'ambiguous') {
    ctx.fail(
      row.rowNumber,
      'authority',
      `More than one council is called "${row.authority}": use its short name`,
    );
    return null;
  }
  if (!found) {
    ctx.fail(
      row.rowNumber,
      'authority',
      `There is no council called "${row.authority}" in Probity`,
    );
    return null;
  }
  if (found.councilId === null) {
    ctx.fail(
      row.rowNumber,
      'authority',
      `${found.name} has no council (the body its councillors sit on) set up in Probity`,
    );
    return null;
  }
  const authority = { ...found, councilId: found.councilId };
  let ward: NamedState | null = null;
  if (row.ward !== null) {
    ward = ctx.wardsByKey.get(`${authority.id}|${lower(row.ward)}`) ?? null;
    if (!ward)
      ctx.fail(row.rowNumber, 'ward', `${authority.name} has no ward called "${row.ward}"`);
  } else if (ctx.authoritiesWithWards.has(authority.id)) {
    ctx.fail(row.rowNumber, 'ward', `Enter the ward: ${authority.name} has wards`);
  }
  let group: NamedState | null = null;
  if (row.group !== null) {
    group = ctx.groupsByKey.get(`${authority.id}|${lower(row.group)}`) ?? null;
    if (!group) {
      ctx.fail(
        row.rowNumber,
        'group',
        `${authority.name} has no political group called "${row.group}"`,
      );
    }
  }
  return ctx.plan.errors.length === before ? { row, authority, ward, group } : null;
}

/** The person in Probity a row describes, if any (by external ID, then by email address). */
export function matchPerson(ctx: PlanContext, resolved: ResolvedRow): PersonState | null | 'error' {
  const { row, authority } = resolved;
  const byId =
    row.externalId === null
      ? undefined
      : ctx.peopleByExternalId.get(`${authority.id}|${row.externalId}`);
  const byEmail = ctx.peopleByEmail.get(lower(row.email));
  const person = byId ?? byEmail;
  if (!person) return null;
  if (byId && byEmail && byEmail.id !== byId.id) {
    ctx.fail(
      row.rowNumber,
      'email',
      `${byEmail.givenName} ${byEmail.familyName} already has this email address in Probity`,
    );
    return 'error';
  }
  if (!byId && row.externalId !== null && person.externalId !== null) {
    ctx.fail(
      row.rowNumber,
      'externalId',
      `This email address belongs to a councillor whose external ID is "${person.externalId}"`,
    );
    return 'error';
  }
  if (person.authorityId !== authority.id) {
    const theirs = ctx.snapshot.authorities.find((a) => a.id === person.authorityId);
    ctx.fail(
      row.rowNumber,
      'email',
      `This email address belongs to ${person.givenName} ${person.familyName} of ${theirs?.name ?? 'another council'}`,
    );
    return 'error';
  }
  if (person.kind !== 'member') {
    ctx.fail(
      row.rowNumber,
      'email',
      `This email address belongs to ${person.givenName} ${person.familyName}, who is in Probity as someone other than a councillor`,
    );
    return 'error';
  }
  return person;
}

/** Name, email and external ID: what changes on the person's own record. */
export function planPersonChanges(
  ctx: PlanContext,
  row: ImportRow,
  person: PersonState,
  changes: string[],
): void {
  const before: PersonFields = {};
  const after: PersonFields = {};
  const oldName = `${person.givenName} ${person.familyName}`;
  const newName = `${row.givenName} ${row.familyName}`;
  const sameName = row.singleName
    ? oldName.replace(/\s+/g, ' ') === newName
    : person.givenName === row.givenName && person.familyName === row.familyName;
  if (!sameName) {
    before.given_name = person.givenName;
    before.family_name = person.familyName;
    after.given_name = row.givenName;
    after.family_name = row.familyName;
    changes.push(`name ${oldName} → ${newName}`);
  }
  if (lower(person.email ?? '') !== lower(row.email)) {
    const holder = ctx.peopleByEmail.get(lower(row.email));
    if (holder && holder.id !== person.id) {
      ctx.fail(
        row.rowNumber,
        'email',
        `${holder.givenName} ${holder.familyName} already has this email address in Probity`,
      );
    }
    before.email = person.email;
    after.email = row.email;
    changes.push(`email ${show(person.email)} → ${row.email}`);
  }
  if (row.externalId !== null && person.externalId !== row.externalId) {
    before.external_id = person.externalId;
    after.external_id = row.externalId;
    changes.push(`external ID ${show(person.externalId)} → ${row.externalId}`);
  }
  if (Object.keys(after).length > 0) {
    ctx.plan.personUpdates.push({ personId: person.id, before, after });
  }
  if (!person.hasMemberRole) {
    ctx.plan.roleGrants.push({ personId: person.id });
    changes.push('given the councillor role');
  }
}
