/**
 * Wrong attendance codes, counted per person, so that nobody can find a session's code by
 * trying them one after another: after `limit` wrong codes within `windowMs`, a person must
 * wait until the oldest of them is that old. Kept in memory: a restart forgets, which is fine
 * for a guard against guessing six characters from 31.
 */
export class WrongCodeLimiter {
  private readonly wrong = new Map<number, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(personId: number, now: number): number[] {
    const times = (this.wrong.get(personId) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.wrong.delete(personId);
    else this.wrong.set(personId, times);
    return times;
  }

  /** Minutes to wait before trying again, or 0 when the person may try now. */
  waitMinutes(personId: number, now: number = Date.now()): number {
    const times = this.recent(personId, now);
    if (times.length < this.limit) return 0;
    return Math.ceil((times[0]! + this.windowMs - now) / 60_000);
  }

  noteWrong(personId: number, now: number = Date.now()): void {
    this.wrong.set(personId, [...this.recent(personId, now), now]);
  }
}

const shared = new WeakMap<object, WrongCodeLimiter>();

/**
 * The one count of wrong session codes for an app (keyed by its database handle), shared by
 * every page that takes a session's code (/attend, /live), so trying codes on one page and then
 * the other does not double the guesses allowed.
 */
export function wrongSessionCodes(app: object): WrongCodeLimiter {
  let limiter = shared.get(app);
  if (!limiter) {
    limiter = new WrongCodeLimiter();
    shared.set(app, limiter);
  }
  return limiter;
}
