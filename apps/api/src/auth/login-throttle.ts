/**
 * Slows password guessing down without letting a stranger lock the owner out. Failed attempts are
 * counted three ways within a window; past a few free failures each further attempt waits a delay
 * that doubles per failure, up to a cap, and is then allowed again (never a long block):
 *
 * - one account from one address (the guesser): a longer cap, since it slows only whoever guesses;
 * - one account from every address (guessing from many addresses), and
 * - one address over every account (spraying one password over many accounts): short caps, and
 *   not applied where the account signed in rightly before, so the owner's own address or device
 *   is not held back by strangers' failures elsewhere.
 *
 * Failures never end a session or a token. Kept in memory (a restart forgets it, several app
 * instances count separately), which is enough to make guessing through one instance impractical.
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface Slowdown {
  /** Failures within the window before the first wait. */
  free: number;
  /** The longest wait after one more failure. */
  maxDelayMs: number;
}

export interface ThrottlePolicy {
  windowMs: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  baseDelayMs: number;
  pair: Slowdown;
  account: Slowdown;
  address: Slowdown;
  /** How long an address where an account signed in rightly stays known for that account. */
  knownForMs: number;
}

export const LOGIN_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  baseDelayMs: 1_000,
  pair: { free: 3, maxDelayMs: 5 * 60_000 },
  account: { free: 10, maxDelayMs: 60_000 },
  address: { free: 20, maxDelayMs: 60_000 },
  knownForMs: 30 * 24 * 3600_000,
};

/** Counters kept at most; past it the oldest go first, so a flood of names cannot fill the memory. */
const MAX_KEYS = 100_000;
/** Known addresses kept per account. */
const MAX_KNOWN = 20;

export class LoginThrottle {
  /** Failure times per key, oldest first. Map order is last-failure order (keys are re-inserted). */
  private readonly failures = new Map<string, number[]>();
  /** Per account: the addresses it signed in from rightly, with when. */
  private readonly known = new Map<string, Map<string, number>>();

  constructor(
    private readonly policy: ThrottlePolicy = LOGIN_POLICY,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until this account may be tried from this address again; 0 when it may now. */
  retryAfter(account: string, address: string): number {
    const now = this.clock();
    const [pair, acc, addr] = keys(account, address);
    const p = this.policy;
    let ms = this.wait(pair, p.pair, now);
    if (!this.isKnown(account, address, now)) ms = Math.max(ms, this.wait(acc, p.account, now), this.wait(addr, p.address, now));
    return Math.ceil(ms / 1000);
  }

  failed(account: string, address: string): void {
    const now = this.clock();
    for (const key of keys(account, address)) {
      const times = this.recent(key, now);
      this.failures.delete(key);
      this.failures.set(key, [...times, now]);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** The right password: this address's failures on the account are forgotten, and the address is known. */
  succeeded(account: string, address: string): void {
    this.failures.delete(keys(account, address)[0]);
    const known = this.known.get(account) ?? new Map<string, number>();
    known.delete(addressKey(address));
    known.set(addressKey(address), this.clock());
    if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
    this.known.set(account, known);
  }

  private isKnown(account: string, address: string, now: number): boolean {
    const at = this.known.get(account)?.get(addressKey(address));
    return at !== undefined && at > now - this.policy.knownForMs;
  }

  private wait(key: string, slowdown: Slowdown, now: number): number {
    const times = this.recent(key, now);
    const beyond = times.length - slowdown.free;
    if (beyond < 0) return 0;
    const delay = Math.min(slowdown.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.min(beyond, 30));
    return Math.max(0, times[times.length - 1] + delay - now);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.policy.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}

function keys(account: string, address: string): [pair: string, account: string, address: string] {
  const a = account.slice(0, 320);
  const ip = addressKey(address);
  return [`p:${a}\u0000${ip}`, `a:${a}`, `i:${ip}`];
}

/**
 * What counts as one address: IPv4 as is (IPv4 mapped into IPv6 too), IPv6 by its /64 network,
 * which one subscriber usually holds whole (counting single IPv6 addresses would be trivial to evade).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
