import type { CookieOptions, Request, Response } from 'express';

/** The browser's session: httpOnly, so page scripts never see it. */
export const SESSION_COOKIE = 'verkosto_session';
/** Its CSRF token: readable by the page, which sends it back as the `x-csrf-token` header. */
export const CSRF_COOKIE = 'verkosto_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_DAYS = 14;

export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** SameSite=Lax keeps the cookies off cross-site requests; Secure in production (served over HTTPS). */
function options(secure: boolean, httpOnly: boolean): CookieOptions {
  return { httpOnly, secure, sameSite: 'lax', path: '/', maxAge: SESSION_DAYS * 24 * 3600 * 1000 };
}

export function setSessionCookies(res: Response, session: string, csrf: string, secure: boolean) {
  res.cookie(SESSION_COOKIE, session, options(secure, true));
  res.cookie(CSRF_COOKIE, csrf, options(secure, false));
}

export function clearSessionCookies(res: Response, secure: boolean) {
  const { maxAge: _unused, ...rest } = options(secure, true);
  res.clearCookie(SESSION_COOKIE, rest);
  res.clearCookie(CSRF_COOKIE, { ...rest, httpOnly: false });
}
