// Reading a thread: the page, the live message list, an answer to insert, and
// the JSON API. Opening a thread is recorded in the audit log.
import express, { type Request } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { authOf, canSeeTenant } from '../auth/middleware.js';
import { type User, UserRepository } from '../auth/UserRepository.js';
import { NotFoundError } from '../errors.js';
import type { Thread } from '../handoff/HandoffQueue.js';
import { AuditLog } from '../handoff/AuditLog.js';
import type { Contact, Conversation } from '../storage/ContactRepository.js';
import { answerChoices, answerText, toLocale } from './answers.js';
import { messagesVersion, renderMessages } from './messageView.js';
import { threadJson } from './queueRoutes.js';
import { mayAct, visibleThread } from './threadAccess.js';
import { doneKeys, renderThreadPage } from './threadView.js';
import { createView, type View } from './view.js';
import { templateFor } from './replyTemplate.js';

const pageQuerySchema = z.object({
  insert: z.string().max(200).optional().catch(undefined),
  done: z.enum(doneKeys).optional().catch(undefined),
});

export function createThreadRoutes(services: AppServices): express.Router {
  const router = express.Router();
  const users = new UserRepository(services.ctx);
  const audit = new AuditLog(services.ctx);

  const loadConversation = async (thread: Thread): Promise<{ contact: Contact; conversation: Conversation }> => {
    const found = await services.contacts.getConversation(thread.conversationId);
    if (!found) throw new NotFoundError('conversation not found');
    return found;
  };
  const names = async () => new Map((await users.list()).map((user) => [user.id, user.displayName ?? user.email]));
  const viewOf = (req: Request): View => {
    const { user, session } = authOf(req);
    return createView(services, req, { user, csrf: session.csrfToken });
  };

  router.get('/threads/:id', async (req, res) => {
    const { user } = authOf(req);
    const thread = await visibleThread(services, user, req.params.id);
    const query = pageQuerySchema.parse(req.query);
    const { contact } = await loadConversation(thread);
    const view = viewOf(req);
    const personLocale = toLocale(contact.locale ?? thread.locale);
    const inserted = query.insert ? answerText(services.content, thread.tenantKey, query.insert, personLocale) : undefined;
    const nameMap = await names();
    await audit.record({ userId: user.id, action: 'open', threadId: thread.id });
    res.type('html').send(
      renderThreadPage(view, {
        thread,
        contact,
        messages: { messages: await services.messages.listConversation(thread.conversationId, { limit: 300 }), openedAt: thread.openedAt, names: nameMap },
        notes: await services.handoff.notes(thread.id),
        holder: thread.claimedBy === null ? undefined : nameMap.get(thread.claimedBy),
        canAct: mayAct(user, thread),
        showAddress: mayAct(user, thread),
        plan: services.outbound.plan(contact, templateFor(services, user, thread.tenantKey)),
        transferTo: await transferCandidates(users, user, thread),
        answers: answerChoices(services.content, view.locale, personLocale),
        prefill: inserted?.text ?? '',
        prefillFallback: inserted?.fallback ?? false,
        done: query.done,
        content: services.content,
        now: new Date(),
      }),
    );
  });

  router.get('/threads/:id/messages', async (req, res) => {
    const thread = await visibleThread(services, authOf(req).user, req.params.id);
    const messages = await services.messages.listConversation(thread.conversationId, { limit: 300 });
    res.set('Cache-Control', 'no-store');
    if (req.query.v === messagesVersion(messages)) {
      res.status(204).end();
      return;
    }
    res.type('html').send(renderMessages(viewOf(req), { messages, openedAt: thread.openedAt, names: await names() }).value);
  });

  router.get('/threads/:id/answer', async (req, res) => {
    const thread = await visibleThread(services, authOf(req).user, req.params.id);
    const node = z.string().max(200).safeParse(req.query.node);
    const { contact } = await loadConversation(thread);
    const answer = node.success ? answerText(services.content, thread.tenantKey, node.data, toLocale(contact.locale ?? thread.locale)) : undefined;
    if (!answer) throw new NotFoundError('no such answer');
    res.json(answer);
  });

  router.get('/api/threads/:id', async (req, res) => {
    const thread = await visibleThread(services, authOf(req).user, req.params.id);
    const messages = await services.messages.listConversation(thread.conversationId, { limit: 300 });
    res.json({
      thread: threadJson(thread, new Date()),
      messages: messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        body: message.body,
        status: message.status,
        sender: message.sender,
        createdAt: message.createdAt.toISOString(),
        media: message.media.map((item, index) => ({ url: `/console/media/${message.id}/${index}`, contentType: item.contentType })),
      })),
      notes: (await services.handoff.notes(thread.id)).map((note) => ({ ...note, createdAt: note.createdAt.toISOString() })),
    });
  });

  return router;
}

/** Everyone else who may see the thread's tenant and is not disabled. */
async function transferCandidates(users: UserRepository, me: User, thread: Thread): Promise<{ id: number; name: string }[]> {
  const candidates = await users.listForTenant(thread.tenantKey);
  return candidates
    .filter((user) => user.id !== me.id && user.id !== thread.claimedBy && canSeeTenant(user, thread.tenantKey))
    .map((user) => ({ id: user.id, name: user.displayName ?? user.email }));
}
