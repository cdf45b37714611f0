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

/** Today's date as 'YYYY-MM-DD', the way dates are stored. */
export { todayInEngland as today } from '../../db/current.js';
