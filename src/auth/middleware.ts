// Express middleware for everything behind the console login; the console and
// the appointments pages use the same four pieces.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { ForbiddenError } from '../errors.js';
import { AuthService } from './AuthService.js';
import type { Session } from './SessionRepository.js';
import { loginPath, readCookie, sessionCookieName } from './sessionCookie.js';
import type { Role, User } from './UserRepository.js';

export interface AuthContext {
  user: User;
  session: Session;
}

/** Which tenants an account sees: every one for admins, else its own list. */
export type TenantScope = 'all' | readonly string[];

const contexts = new WeakMap<Request, AuthContext>();
const services = new WeakMap<AppServices, AuthService>();

export function authServiceFor(app: AppServices): AuthService {
  let auth = services.get(app);
  if (!auth) {
    auth = new AuthService(app.ctx);
    services.set(app, auth);
  }
  return auth;
}

/** The logged-in user of a request that passed requireSession. */
export function authOf(req: Request): AuthContext {
  const context = contexts.get(req);
  if (!context) throw new ForbiddenError('no session on this request: mount requireSession first');
  return context;
}

export function maybeAuthOf(req: Request): AuthContext | undefined {
  return contexts.get(req);
}

/**
 * Loads the session from its cookie. Without one, a page request is sent to
 * the login form (and back afterwards), anything else gets 401.
 */
export function requireSession(app: AppServices): RequestHandler {
  const auth = authServiceFor(app);
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req, sessionCookieName);
    const found = token ? await auth.resolve(token) : undefined;
    if (found) {
      contexts.set(req, found);
      next();
      return;
    }
    if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html') {
      res.redirect(303, `${loginPath}?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(401).json({ error: 'unauthenticated' });
  };
}

export function requireRole(...allowed: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!allowed.includes(authOf(req).user.role)) throw new ForbiddenError('role not allowed here');
    next();
  };
}

const formTokenSchema = z.object({ _csrf: z.string() });
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every state-changing request carries the session's CSRF token, as X-CSRF-Token or a _csrf form field. */
export const requireCsrf: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  if (!unsafeMethods.has(req.method)) {
    next();
    return;
  }
  const header = req.get('x-csrf-token');
  const field = formTokenSchema.safeParse(req.body);
  const sent = header ?? (field.success ? field.data._csrf : undefined);
  if (!sent || !sameToken(sent, authOf(req).session.csrfToken)) throw new ForbiddenError('missing or wrong CSRF token');
  next();
};

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function visibleTenants(user: User): TenantScope {
  return user.role === 'admin' ? 'all' : user.tenants;
}

export function canSeeTenant(user: User, tenantKey: string): boolean {
  const scope = visibleTenants(user);
  return scope === 'all' || scope.includes(tenantKey);
}
