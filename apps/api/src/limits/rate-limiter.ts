/**
 * Requests (or milliseconds of server time) a minute per caller, as a token bucket: a caller may send a quarter minute's worth at
 * once, then one each 60/perMinute seconds. Kept in memory per app instance, like the sign-in throttle.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    /** Callers remembered before idle ones (their buckets full again) are forgotten. */
    private readonly maxKeys = 50_000,
  ) {
    this.burst = Math.max(1, Math.ceil(perMinute / 4));
  }

  /** Takes `amount` (one request) from the caller's bucket: 0 when it may go now, else the seconds to wait. */
  take(key: string, amount = 1): number {
    const bucket = this.bucket(key);
    if (bucket.tokens >= amount) {
      bucket.tokens -= amount;
      return 0;
    }
    return Math.ceil((amount - bucket.tokens) / (this.perMinute / 60_000) / 1000);
  }

  /** Takes `amount` after the fact (time a request took), into debt if need be: `take(key, 0)` then waits it out. */
  charge(key: string, amount: number): void {
    this.bucket(key).tokens -= amount;
  }

  private bucket(key: string) {
    const now = this.clock();
    const refill = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * refill);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.forgetIdle(now, refill);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private forgetIdle(now: number, refill: number) {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * refill >= this.burst) this.buckets.delete(key);
    // Everyone busy: the oldest half goes, so memory stays bounded whatever the addresses.
    if (this.buckets.size >= this.maxKeys) [...this.buckets.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.buckets.delete(k));
  }
}

/** At most `limit` at once; `tryAcquire` answers a release function, or null when all are taken. */
export class ConcurrencyLimit {
  private running = 0;

  constructor(readonly limit: number) {}

  tryAcquire(): (() => void) | null {
    if (this.running >= this.limit) return null;
    this.running++;
    let released = false;
    return () => {
      if (!released) this.running--;
      released = true;
    };
  }
}
