/**
 * The result of a service action that a person asked for: done, or refused with a reason that
 * a form can show against one of its fields.
 */
/** Who is making a change, for the audit trail. */
export interface Actor {
  actorPersonId: number;
  requestId: string;
}

/**
 * Why a change was not made: the field to point at, what to say, and where the person can go
 * to sort it out (shown as a link under the field).
 */
export interface Refusal {
  field: string;
  message: string;
  link?: { href: string; text: string };
}

export type Outcome<T = void> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const refuse = (
  field: string,
  message: string,
  link?: Refusal['link'],
): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { field, message, ...(link ? { link } : {}) },
});

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
