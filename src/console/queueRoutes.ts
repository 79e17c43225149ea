// The queue: the page, its rows for live refresh, the SSE stream and the JSON API.
import express, { type Request } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { authOf, visibleTenants } from '../auth/middleware.js';
import { localeSchema } from '../content/schema.js';
import { type Thread, waitingMs } from '../handoff/HandoffQueue.js';
import { UserRepository } from '../auth/UserRepository.js';
import type { QueueEvents } from './QueueEvents.js';
import { ageChoices, type QueueQuery, renderQueuePage, renderQueueRows } from './queueView.js';
import { createView } from './view.js';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const queueQuerySchema = z.object({
  tenant: z.preprocess(blankToUndefined, z.string().regex(/^[a-z0-9-]+$/).optional()).catch(undefined),
  lang: z.preprocess(blankToUndefined, localeSchema.optional()).catch(undefined),
  priority: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3).optional()).catch(undefined),
  age: z.preprocess(blankToUndefined, z.coerce.number().pipe(z.union(ageChoices.map((minutes) => z.literal(minutes)))).optional()).catch(undefined),
  status: z.enum(['active', 'open', 'claimed']).catch('active'),
});

export function createQueueRoutes(services: AppServices, events: QueueEvents): express.Router {
  const router = express.Router();
  const users = new UserRepository(services.ctx);

  /** The tenants to list for a filter: an admin's are the content's tenants plus any seen in threads. */
  const tenantChoices = (req: Request): readonly string[] => {
    const scope = visibleTenants(authOf(req).user);
    return scope === 'all' ? [...services.content.tenants.keys()] : scope;
  };

  const load = async (req: Request): Promise<{ query: QueueQuery; threads: Thread[] }> => {
    const query: QueueQuery = queueQuerySchema.parse(req.query);
    const scope = visibleTenants(authOf(req).user);
    const tenants = query.tenant ? (scope === 'all' || scope.includes(query.tenant) ? [query.tenant] : []) : scope;
    const threads = await services.handoff.list({
      tenants,
      locale: query.lang,
      priority: query.priority,
      minWaitMs: query.age === undefined ? undefined : query.age * 60_000,
      status: query.status,
    });
    return { query, threads };
  };

  const names = async () => new Map((await users.list()).map((user) => [user.id, user.displayName ?? user.email]));

  router.get('/', (_req, res) => res.redirect(303, '/console/queue'));

  router.get('/queue', async (req, res) => {
    const { query, threads } = await load(req);
    const { user, session } = authOf(req);
    const view = createView(services, req, { user, csrf: session.csrfToken });
    const model = { threads, content: services.content, names: await names(), now: new Date() };
    res.type('html').send(renderQueuePage(view, query, tenantChoices(req), model));
  });

  router.get('/queue/rows', async (req, res) => {
    const { threads } = await load(req);
    const { user, session } = authOf(req);
    const view = createView(services, req, { user, csrf: session.csrfToken });
    res.set('Cache-Control', 'no-store').type('html').send(renderQueueRows(view, { threads, content: services.content, names: await names(), now: new Date() }).value);
  });

  router.get('/events', (req, res) => events.attach(req, res, authOf(req).user));

  router.get('/api/threads', async (req, res) => {
    const { threads } = await load(req);
    const now = new Date();
    res.json({ threads: threads.map((thread) => threadJson(thread, now)) });
  });

  return router;
}

/** A thread for the JSON API: no contact address, only what the queue shows. */
export function threadJson(thread: Thread, now: Date): Record<string, string | number | null> {
  return {
    id: thread.id,
    tenantKey: thread.tenantKey,
    locale: thread.locale,
    topic: thread.topic,
    priority: thread.priority,
    reason: thread.reason,
    summary: thread.summary,
    status: thread.status,
    claimedBy: thread.claimedBy,
    outcome: thread.outcome,
    openedAt: thread.openedAt.toISOString(),
    waitingMs: waitingMs(thread, now),
  };
}
