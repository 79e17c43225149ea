// The express app: security headers, health checks, the channels' routes,
// the console, and the HTTP error middleware (the one catch-all for requests).
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { createTwilioRouter } from '../channels/twilio/twilioRoutes.js';
import { createWebChatRouter } from '../channels/webchat/webChatRoutes.js';
import { createAppointmentsConsoleRouter } from '../console/appointments/createAppointmentsConsoleRouter.js';
import { createConsoleRouter } from '../console/createConsoleRouter.js';
import type { WebChatHub } from '../channels/webchat/WebChatHub.js';
import { SpreekuurError } from '../errors.js';
import { countPendingMigrations } from '../storage/migrate.js';
import type { AppServices } from './AppServices.js';
import { projectPath } from './projectPath.js';
import { sql } from 'drizzle-orm';

export interface HttpDeps {
  hub: WebChatHub;
  enqueueInbox(conversationId: number): void;
}

export function createHttpApp(services: AppServices, deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:', 'blob:'], 'script-src': ["'self'"], 'style-src': ["'self'"] } },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const database = await services.database.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    const pending = database ? await countPendingMigrations(services.database) : -1;
    const ready = database && pending === 0;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', database, pendingMigrations: pending });
  });

  app.use('/twilio', createTwilioRouter({ services, enqueueInbox: deps.enqueueInbox }));
  app.use('/console/appointments', createAppointmentsConsoleRouter(services));
  app.use('/console', createConsoleRouter(services));
  app.use('/webchat', createWebChatRouter({ services, hub: deps.hub, enqueueInbox: deps.enqueueInbox }));
  app.use('/', express.static(projectPath('src/channels/webchat/public'), { index: 'index.html' }));

  app.use((_req, _res, next) => next(new NotFound()));
  app.use(errorMiddleware(services));
  return app;
}

class NotFound extends SpreekuurError {
  readonly code = 'not_found';
  constructor() {
    super('not found');
  }
}

const statusByCode: Record<string, number> = { validation_failed: 400, forbidden: 403, not_found: 404, conflict: 409 };

function errorMiddleware(services: AppServices) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const code = error instanceof SpreekuurError ? error.code : bodyParserStatus(error) === 413 ? 'too_large' : bodyParserStatus(error) === 400 ? 'validation_failed' : 'internal';
    const status = statusByCode[code] ?? (code === 'too_large' ? 413 : 500);
    if (status >= 500) services.logger.error({ path: req.path, err: error instanceof Error ? error.stack : String(error) }, 'request failed');
    const issues = error instanceof SpreekuurError && 'issues' in error ? error.issues : undefined;
    const message = status >= 500 ? 'internal error' : error instanceof Error ? error.message : 'bad request';
    if (res.headersSent) return;
    res.status(status).json({ error: code, message, ...(issues ? { issues } : {}) });
  };
}

function bodyParserStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'status');
  return typeof status === 'number' ? status : undefined;
}
