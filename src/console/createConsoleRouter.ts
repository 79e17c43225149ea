// The volunteers' console, mounted at /console: server-rendered pages, one
// small script for live updates, every page behind a session and every change
// behind its CSRF token (see docs/adr/0004-console.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppServices } from '../app/AppServices.js';
import { projectPath } from '../app/projectPath.js';
import { requireCsrf, requireSession } from '../auth/middleware.js';
import { consolePath, serializeCookie, wantsSecureCookie } from '../auth/sessionCookie.js';
import { createAdminRoutes } from './adminRoutes.js';
import { createConsoleErrorPage } from './consoleErrors.js';
import { consoleCsp } from './layout.js';
import { createLoginRoutes, safeNext } from './loginRoutes.js';
import { createMediaRoutes } from './mediaRoutes.js';
import { QueueEvents, type QueueEventsOptions } from './QueueEvents.js';
import { createQueueRoutes } from './queueRoutes.js';
import { createThreadActions } from './threadActions.js';
import { createThreadRoutes } from './threadRoutes.js';
import { consoleLocaleCookie, consoleLocales } from './view.js';

// Plain files in the source tree, read once: there is no front-end build step (also when running from dist/).
const assetsDir = projectPath('src/console/assets');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [file, type] of [['console.js', 'text/javascript; charset=utf-8'], ['console.css', 'text/css; charset=utf-8']] as const) {
    const body = readFileSync(join(assetsDir, file));
    assets.set(file, { body, type, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` });
  }
  return assets;
}

export interface ConsoleOptions {
  events?: QueueEventsOptions;
}

export function createConsoleRouter(services: AppServices, options: ConsoleOptions = {}): express.Router {
  const router = express.Router();
  const assets = loadAssets();
  const events = new QueueEvents(services, options.events);

  router.use((_req: Request, res: Response, next: NextFunction) => {
    // Stricter than the app-wide policy: our own script and stylesheet only, nothing inline.
    res.set({ 'Content-Security-Policy': consoleCsp, 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'same-origin' });
    next();
  });
  router.use(express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' }));

  router.get('/assets/:file', (req, res) => {
    const asset = assets.get(req.params.file);
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.set({ 'Content-Type': asset.type, 'Cache-Control': 'no-cache', ETag: asset.etag });
    if (req.get('if-none-match') === asset.etag) res.status(304).end();
    else res.send(asset.body);
  });

  router.get('/lang/:locale', (req, res) => {
    const locale = consoleLocales.find((candidate) => candidate === req.params.locale) ?? 'nl';
    const secure = wantsSecureCookie(req, services.config.NODE_ENV === 'production');
    res.append('Set-Cookie', serializeCookie(consoleLocaleCookie, locale, { path: consolePath, sameSite: 'Lax', secure, maxAgeSeconds: 365 * 86_400 }));
    const referer = req.get('referer');
    const back = referer && URL.canParse(referer) ? new URL(referer) : undefined;
    res.redirect(303, back && back.host === req.get('host') ? safeNext(back.pathname + back.search) : '/console/queue');
  });

  router.use(createLoginRoutes(services));

  const signedIn = express.Router();
  signedIn.use(requireSession(services), requireCsrf);
  signedIn.use(createQueueRoutes(services, events));
  signedIn.use(createThreadRoutes(services));
  signedIn.use(createThreadActions(services));
  signedIn.use(createMediaRoutes(services));
  signedIn.use(createAdminRoutes(services));
  router.use(signedIn);

  router.use(createConsoleErrorPage(services));
  return router;
}
