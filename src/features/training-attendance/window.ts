import { randomInt } from 'node:crypto';

/** How long before the start and after the end a session takes attendance. */
export const MARGIN_MINUTES = 30;

/**
 * When a session takes attendance: from half an hour before it starts until half an hour after
 * it ends (a session with no end time is taken to last its course's duration). Null when the
 * session has no date yet.
 */
export function attendanceWindow(session: {
  startsAt: Date | null;
  endsAt: Date | null;
  durationMinutes: number;
}): { opens: Date; closes: Date } | null {
  if (!session.startsAt) return null;
  const end =
    session.endsAt ?? new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  return {
    opens: new Date(session.startsAt.getTime() - MARGIN_MINUTES * 60_000),
    closes: new Date(end.getTime() + MARGIN_MINUTES * 60_000),
  };
}

/** Letters and digits that are hard to mistake for one another (no O/0, I/1, L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh six-character attendance code. */
export function newAttendanceCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
  return code;
}
