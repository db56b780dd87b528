import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config';
import { RateLimiter } from './rate-limiter';

/** Requests of one anonymous address running at once (a page loads with a few in parallel). */
const ANONYMOUS_IN_FLIGHT_PER_ADDRESS = 4;
/** Anonymous requests running at once from every address together: the signed-in and /health keep the rest. */
const ANONYMOUS_IN_FLIGHT = 8;
/** Server time one anonymous address may take, in ms a minute (a tenth of a core; 1.5 s at once): heavy queries count for what they cost. */
const ANONYMOUS_MS_PER_MINUTE = 6_000;

/**
 * Bounds the work of each caller on /graphql and /api: requests a minute per account for the
 * signed-in, per address for the others (RATE_LIMIT_*); for an anonymous address also the server
 * time its requests took, and how many anonymous requests run at once. Runs after AuthMiddleware
 * (it needs `req.user`); /health and the web app's files are not counted. Over a limit: 429 with Retry-After and TOO_MANY_REQUESTS, shaped as GraphQL on /graphql.
 */
@Injectable()
export class RequestLimitMiddleware implements NestMiddleware {
  private readonly anonymous: RateLimiter | null;
  private readonly accounts: RateLimiter | null;
  private readonly anonymousTime = new RateLimiter(ANONYMOUS_MS_PER_MINUTE);
  private readonly inFlight = new Map<string, number>();
  private anonymousInFlight = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.anonymous = config.rateLimits.anonymous > 0 ? new RateLimiter(config.rateLimits.anonymous) : null;
    this.accounts = config.rateLimits.account > 0 ? new RateLimiter(config.rateLimits.account) : null;
  }

  use(req: Request, res: Response, next: NextFunction) {
    // Nest mounts middleware on a route, which Express strips from req.path.
    const path = req.originalUrl.split('?')[0];
    if (path !== '/graphql' && !path.startsWith('/api/')) return next();
    if (req.user) {
      const wait = this.accounts?.take(req.user.id) ?? 0;
      return wait > 0 ? refuse(path, res, wait, 'Too many requests from this account: wait a moment and try again.') : next();
    }
    if (!this.anonymous) return next();
    const address = req.ip ?? 'unknown';
    const wait = Math.max(this.anonymousTime.take(address, 0), this.anonymous.take(address));
    if (wait > 0) return refuse(path, res, wait, 'Too many requests from this address: wait a moment, or sign in.');
    const running = this.inFlight.get(address) ?? 0;
    if (running >= ANONYMOUS_IN_FLIGHT_PER_ADDRESS || this.anonymousInFlight >= ANONYMOUS_IN_FLIGHT) {
      return refuse(path, res, 1, 'The server is busy with other requests without sign-in: try again in a moment, or sign in.');
    }
    this.inFlight.set(address, running + 1);
    this.anonymousInFlight++;
    const started = performance.now();
    res.once('close', () => {
      this.anonymousTime.charge(address, performance.now() - started);
      this.anonymousInFlight--;
      const left = (this.inFlight.get(address) ?? 1) - 1;
      if (left > 0) this.inFlight.set(address, left);
      else this.inFlight.delete(address);
    });
    next();
  }
}

function refuse(path: string, res: Response, retryAfterSeconds: number, message: string) {
  res.status(429).setHeader('Retry-After', String(retryAfterSeconds));
  const extensions = { code: 'TOO_MANY_REQUESTS', retryAfterSeconds };
  if (path === '/graphql') res.json({ errors: [{ message, extensions }] });
  else res.json({ error: message, ...extensions });
}
