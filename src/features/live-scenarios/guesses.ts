/**
 * Wrong session codes typed at /live, counted per person, so that nobody finds a session's
 * code by trying one after another: after `limit` wrong codes within `windowMs`, a person waits
 * until the oldest of them is that old. In memory: a restart forgets, which is fine for a guard
 * against guessing six characters from 31. (Registering at /attend keeps its own count.)
 */
export class WrongCodes {
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

  /** Minutes to wait before trying again, or 0. */
  waitMinutes(personId: number, now: number = Date.now()): number {
    const times = this.recent(personId, now);
    if (times.length < this.limit) return 0;
    return Math.ceil((times[0]! + this.windowMs - now) / 60_000);
  }

  noteWrong(personId: number, now: number = Date.now()): void {
    this.wrong.set(personId, [...this.recent(personId, now), now]);
  }
}
