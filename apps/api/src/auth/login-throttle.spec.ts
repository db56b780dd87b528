import { LOGIN_POLICY, LoginThrottle, addressKey } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(LOGIN_POLICY, () => now);
  beforeEach(() => (now = 1_000_000_000));

  /** Fails as often as allowed, waiting out each delay, for `ms` of the clock; returns the attempts made. */
  function guess(t: LoginThrottle, account: string, address: string, ms: number): number {
    let attempts = 0;
    for (const end = now + ms; now < end;) {
      const wait = t.retryAfter(account, address);
      if (wait > 0) now += wait * 1000;
      else {
        t.failed(account, address);
        attempts++;
      }
    }
    return attempts;
  }

  it('lets three failures of a pair through, then doubles the wait from 1 s, and allows the attempt after it', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(0);
      t.failed('a@x.fi', '10.0.0.1');
    }
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(1);
    now += 1_000;
    t.failed('a@x.fi', '10.0.0.1');
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(2);
    now += 2_000;
    t.failed('a@x.fi', '10.0.0.1');
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(4);
  });

  it('slows one guesser to a handful of tries per quarter hour, never a block longer than 5 min', () => {
    const t = throttle();
    const attempts = guess(t, 'a@x.fi', '10.0.0.1', 15 * 60_000);
    expect(attempts).toBeLessThan(16);
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBeLessThanOrEqual(300);
  });

  it('does not hold the owner back at the address where they signed in before, whatever strangers elsewhere do', () => {
    const t = throttle();
    t.succeeded('owner@x.fi', '192.0.2.7');
    for (let i = 0; i < 50; i++) t.failed('owner@x.fi', `203.0.113.${i}`);
    expect(t.retryAfter('owner@x.fi', '192.0.2.7')).toBe(0);
    // A new address for the owner is slowed by the many failures, but for a minute at most.
    expect(t.retryAfter('owner@x.fi', '198.51.100.1')).toBeGreaterThan(0);
    expect(t.retryAfter('owner@x.fi', '198.51.100.1')).toBeLessThanOrEqual(60);
  });

  it('slows one address spraying many accounts, for a minute at most, but not accounts known there', () => {
    const t = throttle();
    t.succeeded('colleague@x.fi', '10.0.0.9');
    for (let i = 0; i < 19; i++) t.failed(`user${i}@x.fi`, '10.0.0.9');
    expect(t.retryAfter('someone@x.fi', '10.0.0.9')).toBe(0);
    for (let i = 19; i < 40; i++) t.failed(`user${i}@x.fi`, '10.0.0.9');
    expect(t.retryAfter('someone@x.fi', '10.0.0.9')).toBe(60);
    expect(t.retryAfter('someone@x.fi', '10.0.0.8')).toBe(0);
    expect(t.retryAfter('colleague@x.fi', '10.0.0.9')).toBe(0);
  });

  it('forgets a pair after a right password, and everything after the window', () => {
    const t = throttle();
    for (let i = 0; i < 6; i++) t.failed('a@x.fi', '10.0.0.1');
    t.succeeded('a@x.fi', '10.0.0.1');
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(0);
    for (let i = 0; i < 30; i++) t.failed(`b${i}@x.fi`, '10.0.0.2');
    now += 15 * 60_000 + 1;
    expect(t.retryAfter('b1@x.fi', '10.0.0.2')).toBe(0);
  });

  it('counts an IPv6 /64 as one address, and IPv4 mapped into IPv6 as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
  });
});
