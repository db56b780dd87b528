import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle({ perAccount: 3, perAddress: 5, windowMs: 60_000 }, () => now);
  beforeEach(() => (now = 1_000_000));

  it('allows attempts until an account has failed its limit, then says how long to wait', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(0);
      t.failed('a@x.fi', '10.0.0.1');
      now += 1_000;
    }
    // The first failure was 3 s ago; it leaves the 60 s window in 57 s.
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(57);
    expect(t.retryAfter('a@x.fi', '10.0.0.2')).toBe(57);
    expect(t.retryAfter('b@x.fi', '10.0.0.2')).toBe(0);
    now += 57_000;
    expect(t.retryAfter('a@x.fi', '10.0.0.1')).toBe(0);
  });

  it('limits one address across many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.failed(`user${i}@x.fi`, '10.0.0.9');
    expect(t.retryAfter('someone@x.fi', '10.0.0.9')).toBe(60);
    expect(t.retryAfter('someone@x.fi', '10.0.0.8')).toBe(0);
  });

  it('forgets an account failures after a right password', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) t.failed('a@x.fi', '10.0.0.1');
    t.succeeded('a@x.fi');
    expect(t.retryAfter('a@x.fi', '10.0.0.3')).toBe(0);
  });
});
