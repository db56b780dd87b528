/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one
 * address, within a window, further attempts are refused until the oldest failure leaves the
 * window. Kept in memory (a restart forgets it, and several app instances count separately),
 * which is enough to make guessing through one instance impractical.
 */
export interface ThrottleLimits {
  /** Failed attempts allowed per account within the window. */
  perAccount: number;
  /** Failed attempts allowed per address within the window (an office shares one address). */
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = LOGIN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed for this account and address; 0 when it is now. */
  retryAfter(account: string, address: string): number {
    const now = this.clock();
    const wait = (key: string, limit: number) => {
      const recent = this.recent(key, now);
      return recent.length >= limit ? recent[recent.length - limit] + this.limits.windowMs - now : 0;
    };
    const ms = Math.max(wait(`a:${account}`, this.limits.perAccount), wait(`i:${address}`, this.limits.perAddress));
    return Math.ceil(ms / 1000);
  }

  failed(account: string, address: string): void {
    const now = this.clock();
    for (const key of [`a:${account}`, `i:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A right password clears the account's count (the address keeps its own). */
  succeeded(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
