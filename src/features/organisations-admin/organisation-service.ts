import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { formatDate } from '../../platform/views.js';
import { done, refuse, today, type Actor, type Outcome } from './outcome.js';
import {
  CLASSIFICATIONS,
  COMMITTEE_TYPES,
  hasCommitteeFields,
  type Classification,
} from './schemas.js';
import {
  countMembersAfter,
  findCommittee,
  findCouncilOrganisation,
  findLiveNamesake,
  insertOrganisation,
  listLiveSubCommittees,
  lockAuthority,
  lockOrganisation,
} from './write-repository.js';

export interface NewOrganisation {
  name: string;
  classification: Classification;
  committeeType?: string | undefined;
  trainingRequired?: 'yes' | 'no' | undefined;
  parentId?: number | undefined;
  foundedOn?: string | undefined;
}

export interface OrganisationChanges {
  name: string;
  committeeType?: string | undefined;
  trainingRequired?: 'yes' | 'no' | undefined;
}

const longDate = (date: string) => formatDate(new Date(`${date}T12:00:00Z`));
const kindOf = (classification: string) =>
  (CLASSIFICATIONS[classification as Classification] ?? classification).toLowerCase();
const isKnownType = (type: string) => Object.hasOwn(COMMITTEE_TYPES, type);

/** Where the people list shows an organisation's current members. */
export const membersListPath = (organisation: { id: number; classification: string }) =>
  `/admin/people?${organisation.classification === 'political-group' ? 'group' : 'committee'}=${organisation.id}`;

/**
 * The committee type and training answer for a committee or sub-committee; anything else has
 * neither. `currentType` lets an existing committee keep a type that is no longer offered.
 */
function committeeFields(
  classification: string,
  input: { committeeType?: string | undefined; trainingRequired?: 'yes' | 'no' | undefined },
  currentType?: string | null,
): Outcome<{ committee_type: string | null; training_required: boolean }> {
  if (!hasCommitteeFields(classification)) {
    if (input.committeeType)
      return refuse('committeeType', 'Only a committee or sub-committee has a committee type');
    if (input.trainingRequired === 'yes')
      return refuse('trainingRequired', 'Only a committee or sub-committee can require training');
    return done({ committee_type: null, training_required: false });
  }
  const type = input.committeeType;
  if (!type || (!isKnownType(type) && type !== currentType))
    return refuse('committeeType', 'Select the type of committee');
  if (!input.trainingRequired)
    return refuse('trainingRequired', 'Select yes if members need training before they sit on it');
  return done({ committee_type: type, training_required: input.trainingRequired === 'yes' });
}

/** Add a council, group, committee, sub-committee or outside body to a council. */
export async function addOrganisation(
  db: Db,
  authorityId: number,
  input: NewOrganisation,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const authority = await lockAuthority(trx, authorityId);
    if (!authority) return refuse('name', 'That council no longer exists');
    const namesake = await findLiveNamesake(trx, authorityId, input.classification, input.name);
    if (namesake) {
      return refuse(
        'name',
        `${authority.name} already has a ${kindOf(input.classification)} called ${namesake.name}`,
      );
    }
    if (input.classification === 'council') {
      const council = await findCouncilOrganisation(trx, authorityId);
      if (council)
        return refuse(
          'classification',
          `${authority.name} already has its full council (${council.name}): a council has only one`,
        );
    }
    const committee = committeeFields(input.classification, input);
    if (!committee.ok) return committee;
    let parent: { id: number; name: string } | null = null;
    if (input.classification === 'sub-committee') {
      if (!input.parentId) return refuse('parentId', 'Select the committee it reports to');
      const found = await findCommittee(trx, authorityId, input.parentId);
      if (!found || found.classification !== 'committee' || found.dissolved_on !== null)
        return refuse('parentId', `Select a committee of ${authority.name}`);
      parent = found;
    } else if (input.parentId) {
      return refuse('parentId', 'Only a sub-committee has a parent committee');
    }
    const values = {
      authority_id: authorityId,
      parent_id: parent?.id ?? null,
      name: input.name,
      classification: input.classification,
      ...committee.value,
      founded_on: input.foundedOn ?? null,
    };
    const id = await insertOrganisation(trx, values);
    await recordAudit(trx, {
      ...actor,
      entity: 'organisation',
      entityId: id,
      action: 'created',
      after: { ...values, ...(parent ? { parent: parent.name } : {}) },
    });
    return done(id);
  });
}

/** Rename an organisation or correct its committee details; each changed field is audited. */
export async function updateOrganisation(
  db: Db,
  organisationId: number,
  input: OrganisationChanges,
  actor: Actor,
): Promise<Outcome<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('organisations')
      .select('authority_id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    const authority = owner && (await lockAuthority(trx, owner.authority_id));
    const before = await lockOrganisation(trx, organisationId);
    if (!authority || !before) return refuse('name', 'That organisation no longer exists');
    if (before.dissolved_on === null) {
      const namesake = await findLiveNamesake(
        trx,
        before.authority_id,
        before.classification,
        input.name,
        organisationId,
      );
      if (namesake)
        return refuse(
          'name',
          `${authority.name} already has a ${kindOf(before.classification)} called ${namesake.name}`,
        );
    }
    const committee = hasCommitteeFields(before.classification)
      ? committeeFields(before.classification, input, before.committee_type)
      : done({
          committee_type: before.committee_type,
          training_required: before.training_required,
        });
    if (!committee.ok) return committee;
    const was = {
      name: before.name,
      committee_type: before.committee_type,
      training_required: before.training_required,
    };
    const now = { name: input.name, ...committee.value };
    if (JSON.stringify(was) === JSON.stringify(now)) return done({ changed: false });
    await trx.updateTable('organisations').set(now).where('id', '=', organisationId).execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'organisation',
      entityId: organisationId,
      action: 'updated',
      before: was,
      after: now,
    });
    return done({ changed: true });
  });
}

/**
 * Record that an organisation was dissolved. Refused while anyone's membership of it runs past
 * that date, or while a sub-committee of it carries on: end those first. Nothing is deleted.
 */
export async function dissolveOrganisation(
  db: Db,
  organisationId: number,
  dissolvedOn: string,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const organisation = await lockOrganisation(trx, organisationId);
    if (!organisation) return refuse('dissolvedOn', 'That organisation no longer exists');
    if (organisation.classification === 'council')
      return refuse('dissolvedOn', 'A council’s full council cannot be dissolved');
    if (organisation.dissolved_on !== null)
      return refuse(
        'dissolvedOn',
        `${organisation.name} was dissolved on ${longDate(organisation.dissolved_on)}`,
      );
    if (dissolvedOn > today())
      return refuse('dissolvedOn', 'The date it was dissolved must be today or in the past');
    if (organisation.founded_on !== null && dissolvedOn < organisation.founded_on)
      return refuse(
        'dissolvedOn',
        `The date it was dissolved must be on or after the day it was founded, ${longDate(organisation.founded_on)}`,
      );
    const members = await countMembersAfter(trx, organisationId, dissolvedOn);
    if (members > 0) {
      const people = members === 1 ? '1 member' : `${members} members`;
      return refuse(
        'dissolvedOn',
        `${organisation.name} has ${people} whose membership continues after that date: end their memberships first`,
        { href: membersListPath(organisation), text: `See the members of ${organisation.name}` },
      );
    }
    const subCommittees = await listLiveSubCommittees(trx, organisationId);
    if (subCommittees.length > 0)
      return refuse(
        'dissolvedOn',
        `Dissolve its sub-committees first: ${subCommittees.map((s) => s.name).join(', ')}`,
      );
    await trx
      .updateTable('organisations')
      .set({ dissolved_on: dissolvedOn })
      .where('id', '=', organisationId)
      .execute();
    await recordAudit(trx, {
      ...actor,
      entity: 'organisation',
      entityId: organisationId,
      action: 'dissolved',
      before: { dissolved_on: null },
      after: { dissolved_on: dissolvedOn },
    });
    return done(undefined);
  });
}
