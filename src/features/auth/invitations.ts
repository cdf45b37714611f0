import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../db/database.js';
import { hashToken } from '../../platform/session.js';
import { enqueueEmail } from '../../platform/outbox.js';
import { recordAudit } from '../../platform/audit.js';

export type InvitationPurpose = 'invite' | 'reset';

const VALID_HOURS: Record<InvitationPurpose, number> = { invite: 7 * 24, reset: 24 };

export interface IssueInvitationInput {
  personId: number;
  purpose: InvitationPurpose;
  actorPersonId: number | null;
  baseUrl: string;
  councilName: string;
  requestId?: string;
}

/**
 * Make a one-time link to set a password and put the email carrying it in the outbox.
 * Earlier unused links for the person stop working. Run inside the caller's transaction.
 */
export async function issueInvitation(db: DbOrTrx, input: IssueInvitationInput): Promise<void> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'email', 'given_name', 'family_name'])
    .where('id', '=', input.personId)
    .executeTakeFirstOrThrow();
  if (!person.email) throw new Error('A person without an email address cannot be invited');

  await db
    .updateTable('invitations')
    .set({ used_at: new Date() })
    .where('person_id', '=', person.id)
    .where('used_at', 'is', null)
    .execute();

  const token = randomBytes(32).toString('base64url');
  const hours = VALID_HOURS[input.purpose];
  const invitation = await db
    .insertInto('invitations')
    .values({
      person_id: person.id,
      token_hash: hashToken(token),
      purpose: input.purpose,
      created_by: input.actorPersonId,
      expires_at: new Date(Date.now() + hours * 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const link = `${input.baseUrl}/set-password/${token}`;
  const validity = input.purpose === 'invite' ? '7 days' : '24 hours';
  const text =
    input.purpose === 'invite'
      ? [
          `Dear ${person.given_name} ${person.family_name},`,
          '',
          `${input.councilName} has given you an account on Probity, where the council keeps its Code of Conduct for members and runs member development.`,
          '',
          'To choose your password, open this link:',
          link,
          '',
          `The link works once and stops working after ${validity}. If it has expired, ask Democratic Services for a new one.`,
        ].join('\n')
      : [
          `Dear ${person.given_name} ${person.family_name},`,
          '',
          'An administrator has reset your access to Probity. Your old password no longer works and you have been signed out everywhere.',
          '',
          'To choose a new password, open this link:',
          link,
          '',
          `The link works once and stops working after ${validity}.`,
        ].join('\n');
  await enqueueEmail(db, {
    to: person.email,
    subject:
      input.purpose === 'invite' ? 'Your Probity account' : 'Your Probity access has been reset',
    text,
  });
  await recordAudit(db, {
    actorPersonId: input.actorPersonId,
    entity: 'invitation',
    entityId: invitation.id,
    action: input.purpose === 'invite' ? 'invited' : 'access-reset',
    after: { person_id: person.id, purpose: input.purpose },
    requestId: input.requestId ?? null,
  });
}

/** The person an unused, unexpired link belongs to, or null. */
export async function findUsableInvitation(
  db: DbOrTrx,
  token: string,
): Promise<{ id: number; personId: number; purpose: InvitationPurpose; name: string } | null> {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select(['i.id', 'i.person_id', 'i.purpose', 'p.given_name', 'p.family_name'])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.used_at', 'is', null)
    .where('i.expires_at', '>', new Date())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        personId: row.person_id,
        purpose: row.purpose,
        name: `${row.given_name} ${row.family_name}`,
      }
    : null;
}
