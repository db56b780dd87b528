import { ConcurrencyLimit, RateLimiter } from './rate-limiter';

describe('rate limiter', () => {
  it('lets a quarter minute through at once, then one per interval, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 15; i++) expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBe(1);
    now += 1_000;
    expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBe(1);
  });

  it('counts each caller apart', () => {
    const limiter = new RateLimiter(4, () => 0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(15);
    expect(limiter.take('b')).toBe(0);
  });

  it('charges time after the fact, into debt, and refuses until it is paid back', () => {
    let now = 0;
    const time = new RateLimiter(6_000, () => now); // 100 ms a second, 1,500 ms at once
    expect(time.take('a', 0)).toBe(0);
    time.charge('a', 2_500);
    expect(time.take('a', 0)).toBe(10); // 1,000 ms of debt at 100 ms a second
    now += 10_000;
    expect(time.take('a', 0)).toBe(0);
  });

  it('forgets callers when it holds too many, idle ones first', () => {
    let now = 0;
    const limiter = new RateLimiter(4, () => now, 2);
    limiter.take('busy');
    now += 60_000; // 'busy' is full again by now
    limiter.take('a');
    limiter.take('b'); // 'busy' was idle and went, so 'a' keeps its spent bucket
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});

describe('concurrency limit', () => {
  it('gives out at most its limit, and each release once', () => {
    const limit = new ConcurrencyLimit(2);
    const first = limit.tryAcquire()!;
    expect(limit.tryAcquire()).not.toBeNull();
    expect(limit.tryAcquire()).toBeNull();
    first();
    first();
    expect(limit.tryAcquire()).not.toBeNull();
    expect(limit.tryAcquire()).toBeNull();
  });
});
