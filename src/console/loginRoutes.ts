// /console/login and /console/logout. The login form carries its own
// double-submit token (there is no session yet) against login CSRF.
import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { sessionMs } from '../auth/AuthService.js';
import { authOf, authServiceFor, requireCsrf, requireSession, sameToken } from '../auth/middleware.js';
import { randomToken } from '../auth/SessionRepository.js';
import { clearSessionCookie, loginCookieName, loginPath, readCookie, serializeCookie, setSessionCookie, wantsSecureCookie } from '../auth/sessionCookie.js';
import { AuditLog } from '../handoff/AuditLog.js';
import { html } from './html.js';
import { flash, renderPage } from './layout.js';
import { createView, type View } from './view.js';

const loginFormSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  _login: z.string().min(1),
  next: z.string().optional(),
});

/** Only a path inside the console: an absolute or protocol-relative URL would be an open redirect. */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/console(?:\/|\?|$)/.test(next) || next.startsWith(loginPath)) return '/console/queue';
  return next;
}

export function createLoginRoutes(services: AppServices): express.Router {
  const router = express.Router();
  const auth = authServiceFor(services);
  const audit = new AuditLog(services.ctx);
  const secure = (req: Request) => wantsSecureCookie(req, services.config.NODE_ENV === 'production');
  // Per-address brake on password spraying across many accounts; the per-account lockout is in AuthService.
  const limiter = rateLimit({ windowMs: 15 * 60_000, limit: 50, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false });

  const showForm = (req: Request, res: Response, status: number, next: string | undefined, error?: string) => {
    const token = randomToken();
    res.append('Set-Cookie', serializeCookie(loginCookieName, token, { path: loginPath, sameSite: 'Strict', secure: secure(req), maxAgeSeconds: 3600 }));
    res.status(status).type('html').send(renderLogin(createView(services, req), token, safeNext(next), error));
  };

  router.get('/login', (req, res) => showForm(req, res, 200, typeof req.query.next === 'string' ? req.query.next : undefined));

  router.post('/login', limiter, async (req, res) => {
    const form = loginFormSchema.safeParse(req.body);
    const cookie = readCookie(req, loginCookieName);
    if (!form.success || !cookie || !sameToken(form.data._login, cookie)) {
      showForm(req, res, 403, nextOf(req.body), 'login.expired');
      return;
    }
    const result = await auth.login(form.data.email, form.data.password);
    if (!result.ok) {
      await audit.record({ userId: result.userId ?? null, action: 'login.failed', details: { reason: result.reason } });
      showForm(req, res, 401, form.data.next, result.reason === 'locked' ? 'login.locked' : 'login.invalid');
      return;
    }
    await audit.record({ userId: result.user.id, action: 'login' });
    res.append('Set-Cookie', serializeCookie(loginCookieName, '', { path: loginPath, sameSite: 'Strict', secure: secure(req), maxAgeSeconds: 0 }));
    setSessionCookie(res, result.token, sessionMs, secure(req));
    res.redirect(303, safeNext(form.data.next));
  });

  router.post('/logout', requireSession(services), requireCsrf, async (req, res) => {
    const { user, session } = authOf(req);
    await auth.logout(session);
    await audit.record({ userId: user.id, action: 'logout' });
    clearSessionCookie(res, secure(req));
    res.redirect(303, loginPath);
  });

  return router;
}

const nextFieldSchema = z.object({ next: z.string() });

function nextOf(body: unknown): string | undefined {
  const parsed = nextFieldSchema.safeParse(body);
  return parsed.success ? parsed.data.next : undefined;
}

function renderLogin(view: View, token: string, next: string, error: string | undefined): string {
  return renderPage(view, {
    title: view.t('login.title'),
    page: 'login',
    body: html`<section class="login">
<h1>${view.t('login.title')}</h1>
${flash(view, 'error', error)}
<form method="post" action="/console/login">
<input type="hidden" name="_login" value="${token}">
<input type="hidden" name="next" value="${next}">
<label>${view.t('login.email')} <input type="email" name="email" autocomplete="username" required></label>
<label>${view.t('login.password')} <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">${view.t('login.submit')}</button>
</form>
<p class="hint">${view.t('login.lockoutHint')}</p>
</section>`,
  });
}
