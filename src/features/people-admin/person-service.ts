import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInEngland } from '../../db/current.js';
import type { Actor, Outcome } from './membership-service.js';
import type { AppointmentInput, PersonDetailsInput } from './person-schemas.js';

/**
 * Correct a person's details. Every changed field is audited with its old and new value;
 * nothing about a person is ever deleted.
 */
export async function updatePersonDetails(
  db: Db,
  personId: number,
  input: PersonDetailsInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('people')
      .select([
        'given_name',
        'family_name',
        'email',
        'publish_email',
        'job_title',
        'department',
        'statutory_roles',
        'external_id',
        'authority_id',
      ])
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!before)
      return {
        ok: false,
        refusal: { field: 'givenName', message: 'That person no longer exists' },
      };
    if (input.email) {
      const clash = await trx
        .selectFrom('people')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email!.toLowerCase()))
        .where('id', '<>', personId)
        .executeTakeFirst();
      if (clash)
        return {
          ok: false,
          refusal: { field: 'email', message: 'Someone else in Probity has that email address' },
        };
    }
    if (input.externalId) {
      const clash = await trx
        .selectFrom('people')
        .select('id')
        .where('authority_id', '=', before.authority_id)
        .where('external_id', '=', input.externalId)
        .where('id', '<>', personId)
        .executeTakeFirst();
      if (clash)
        return {
          ok: false,
          refusal: {
            field: 'externalId',
            message: 'Another person of this council has that reference',
          },
        };
    }
    const after = {
      given_name: input.givenName,
      family_name: input.familyName,
      email: input.email ?? null,
      publish_email: input.publishEmail,
      job_title: input.jobTitle ?? null,
      department: input.department ?? null,
      statutory_roles: input.statutoryRoles,
      external_id: input.externalId ?? null,
    };
    await trx
      .updateTable('people')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', personId)
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'person',
      entityId: personId,
      action: 'corrected',
      before: { ...before, authority_id: undefined },
      after,
    });
    return { ok: true, value: undefined };
  });
}

/** Record an Independent Person's appointment, with their declaration of no connection. */
export async function appointIndependentPerson(
  db: Db,
  personId: number,
  input: AppointmentInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('people')
      .select(['kind'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (person?.kind !== 'independent-person') {
      return {
        ok: false,
        refusal: {
          field: 'authorityId',
          message: 'Only an Independent Person can be appointed here',
        },
      };
    }
    const authority = await trx
      .selectFrom('authorities')
      .select('id')
      .where('id', '=', input.authorityId)
      .executeTakeFirst();
    if (!authority)
      return { ok: false, refusal: { field: 'authorityId', message: 'Select a council' } };
    if (input.endDate <= input.startDate) {
      return {
        ok: false,
        refusal: {
          field: 'endDate',
          message: 'The end of the appointment must be after its start',
        },
      };
    }
    const values = {
      person_id: personId,
      authority_id: input.authorityId,
      start_date: input.startDate,
      end_date: input.endDate,
      no_connection_declared: true,
      declared_on: todayInEngland(),
    };
    const row = await trx
      .insertInto('independent_person_appointments')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'independent-person-appointment',
      entityId: row.id,
      action: 'created',
      after: values,
    });
    return { ok: true, value: undefined };
  });
}
