// The console's cookies: the session (httpOnly, SameSite=Lax, scoped to
// /console) and the short-lived token that protects the login form itself.
import type { Request, Response } from 'express';

export const sessionCookieName = 'spreekuur_session';
export const loginCookieName = 'spreekuur_login';
export const consolePath = '/console';
export const loginPath = '/console/login';

/** Cookie header values by name; the first occurrence wins, as in browsers' order of specificity. */
export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed cookie from elsewhere on the domain is not ours to fail on.
    }
  }
  return cookies;
}

export function readCookie(req: Request, name: string): string | undefined {
  return readCookies(req.headers.cookie).get(name);
}

interface CookieOptions {
  path: string;
  maxAgeSeconds?: number;
  sameSite: 'Lax' | 'Strict';
  secure: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`, 'HttpOnly', `SameSite=${options.sameSite}`];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Secure whenever the browser reached us over HTTPS, and always in production. */
export function wantsSecureCookie(req: Request, production: boolean): boolean {
  return production || req.secure;
}

export function setSessionCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.append('Set-Cookie', serializeCookie(sessionCookieName, token, { path: consolePath, maxAgeSeconds: Math.floor(maxAgeMs / 1000), sameSite: 'Lax', secure }));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append('Set-Cookie', serializeCookie(sessionCookieName, '', { path: consolePath, maxAgeSeconds: 0, sameSite: 'Lax', secure }));
}
