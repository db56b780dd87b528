import type { Request } from 'express';

/** The caller's address: the socket's, or with TRUST_PROXY the one the trusted proxies report. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/i;
/** Headers a reverse proxy adds: seen without TRUST_PROXY, the request is someone else's, relayed. */
const RELAYED = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * True when the caller sits on this machine. A request relayed by an untrusted proxy on this
 * machine counts as remote, so a reverse proxy set up without TRUST_PROXY does not open the door.
 */
export function fromLoopback(req: Request, trustProxy: number): boolean {
  if (trustProxy === 0 && RELAYED.some((h) => req.headers[h] !== undefined)) return false;
  return LOOPBACK.test(clientAddress(req));
}
