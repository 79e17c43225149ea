// Shows the console's expected refusals (not found, forbidden, conflict,
// invalid form) as a page in the volunteer's language, or JSON for API calls.
// Anything else goes on to the app's one HTTP error middleware.
import type { NextFunction, Request, Response } from 'express';
import type { AppServices } from '../app/AppServices.js';
import { maybeAuthOf } from '../auth/middleware.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { html } from './html.js';
import { renderPage } from './layout.js';
import { wantsJson } from './threadActions.js';
import { createView } from './view.js';

function statusOf(error: unknown): number | undefined {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  return undefined;
}

export function createConsoleErrorPage(services: AppServices) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const status = statusOf(error);
    if (status === undefined || res.headersSent || !(error instanceof Error)) {
      next(error);
      return;
    }
    // Conflict messages are console text keys (errors.alreadyClaimed); the others get a text per status.
    const key = error instanceof ConflictError && error.message.startsWith('errors.') ? error.message : `errors.status${status}`;
    const issues = error instanceof ValidationError ? error.issues : [];
    if (wantsJson(req) || req.path.startsWith('/api/')) {
      res.status(status).json({ error: key.replace(/^errors\./, ''), issues });
      return;
    }
    const auth = maybeAuthOf(req);
    const view = createView(services, req, auth ? { user: auth.user, csrf: auth.session.csrfToken } : undefined);
    const thread = status === 404 ? undefined : /^\/threads\/(\d+)/.exec(req.path)?.[1];
    const body = html`<h1>${view.t(key)}</h1>${issues.length > 0 ? html`<ul>${issues.map((issue) => html`<li>${issue}</li>`)}</ul>` : ''}
<p>${thread ? html`<a href="/console/threads/${thread}" id="back">${view.t('errors.backToThread')}</a> · ` : ''}<a href="/console/queue">${view.t('nav.queue')}</a></p>`;
    res.status(status).type('html').send(renderPage(view, { title: view.t(key), page: 'error', body }));
  };
}
