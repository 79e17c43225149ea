// What a volunteer does with a thread: claim, reply, note, transfer, hand back,
// close. Forms get a redirect (303), fetch and API calls JSON.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { authOf, canSeeTenant } from '../auth/middleware.js';
import { UserRepository } from '../auth/UserRepository.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { Thread } from '../handoff/HandoffQueue.js';
import { threadJson } from './queueRoutes.js';
import { templateFor } from './replyTemplate.js';
import { actorOf, idSchema, mayAct, parseBody, visibleThread } from './threadAccess.js';
import { outcomes } from './threadView.js';

const replySchema = z.object({ text: z.string().trim().min(1).max(4000) });
const noteSchema = z.object({ body: z.string().trim().min(1).max(4000) });
const closeSchema = z.object({ outcome: z.enum(outcomes) });
const transferSchema = z.object({ to: idSchema });

export function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}

function done(req: Request, res: Response, thread: Thread, location: string, extra: Record<string, unknown> = {}): void {
  if (wantsJson(req)) res.json({ thread: threadJson(thread, new Date()), ...extra });
  else res.redirect(303, location);
}

/**
 * Tells the person, in their language, that a volunteer finished (or handed the
 * conversation back to the bot), so they know they may ask again. Only as free text
 * inside WhatsApp's 24-hour window: a paid template just to say "done" would be noise.
 */
async function tellPerson(services: AppServices, thread: Thread, key: 'handoff.closed' | 'handoff.handedBack'): Promise<void> {
  const found = await services.contacts.getConversation(thread.conversationId);
  if (!found || services.outbound.plan(found.contact, undefined) !== 'free-text') return;
  const text = services.translator.t(found.contact.locale ?? 'nl', key);
  await services.ctx.transaction(() => services.outbound.enqueue(found.contact, found.conversation, { text, sender: 'bot' }));
  services.wakeOutbox();
}

export function createThreadActions(services: AppServices): express.Router {
  const router = express.Router();
  const users = new UserRepository(services.ctx);

  /** The thread, when the user holds it (or may override); else why not. */
  const heldThread = async (req: Request): Promise<Thread> => {
    const { user } = authOf(req);
    const thread = await visibleThread(services, user, req.params.id);
    if (thread.status === 'closed') throw new ConflictError('errors.closed');
    if (thread.status === 'open') throw new ConflictError('errors.claimFirst');
    if (!mayAct(user, thread)) throw new ConflictError('errors.heldByOther');
    return thread;
  };

  router.post('/threads/:id/claim', async (req, res) => {
    const { user } = authOf(req);
    const thread = await visibleThread(services, user, req.params.id);
    const claimed = await services.handoff.claim(thread.id, user.id);
    if (!claimed) throw new ConflictError('errors.alreadyClaimed');
    done(req, res, claimed, `/console/threads/${thread.id}?done=claimed`);
  });

  router.post('/threads/:id/reply', async (req, res) => {
    const { user } = authOf(req);
    const thread = await heldThread(req);
    const { text } = parseBody(replySchema, req.body);
    const found = await services.contacts.getConversation(thread.conversationId);
    if (!found) throw new NotFoundError('conversation not found');
    const template = templateFor(services, user, thread.tenantKey);
    const result = await services.ctx.transaction(async () => {
      const queued = await services.outbound.enqueue(found.contact, found.conversation, { text, sender: `volunteer:${user.id}` }, template);
      if (queued.messages.length > 0) {
        await services.handoff.audit.record({ userId: user.id, action: 'reply', threadId: thread.id, details: { plan: queued.plan, parts: queued.messages.length } });
      }
      return queued;
    });
    if (result.messages.length === 0) throw new ConflictError(`errors.${result.plan}`);
    services.wakeOutbox();
    const held = result.plan === 'template-then-held';
    done(req, res, thread, `/console/threads/${thread.id}?done=${held ? 'held' : 'sent'}`, { plan: result.plan, messageIds: result.messages.map((message) => message.id) });
  });

  router.post('/threads/:id/notes', async (req, res) => {
    const { user } = authOf(req);
    const thread = await visibleThread(services, user, req.params.id);
    const { body } = parseBody(noteSchema, req.body);
    await services.handoff.addNote(thread.id, user.id, body);
    done(req, res, thread, `/console/threads/${thread.id}?done=noted`);
  });

  router.post('/threads/:id/transfer', async (req, res) => {
    const { user } = authOf(req);
    const thread = await heldThread(req);
    const { to } = parseBody(transferSchema, req.body);
    const target = await users.get(to);
    if (!target || target.disabledAt || !canSeeTenant(target, thread.tenantKey)) throw new ValidationError('invalid form', ['to: cannot take this thread']);
    const moved = await services.handoff.transfer(thread.id, target.id, actorOf(user));
    if (!moved) throw new ConflictError('errors.heldByOther');
    done(req, res, moved, `/console/threads/${thread.id}?done=transferred`);
  });

  router.post('/threads/:id/close', async (req, res) => {
    const { user } = authOf(req);
    const thread = await heldThread(req);
    const { outcome } = parseBody(closeSchema, req.body);
    const closed = await services.handoff.close(thread.id, outcome, actorOf(user));
    if (!closed) throw new ConflictError('errors.heldByOther');
    await tellPerson(services, closed, 'handoff.closed');
    done(req, res, closed, '/console/queue');
  });

  router.post('/threads/:id/handback', async (req, res) => {
    const { user } = authOf(req);
    const thread = await heldThread(req);
    const back = await services.handoff.handBack(thread.id, 'handed-back', actorOf(user));
    if (!back) throw new ConflictError('errors.heldByOther');
    await tellPerson(services, back, 'handoff.handedBack');
    done(req, res, back, '/console/queue');
  });

  return router;
}
