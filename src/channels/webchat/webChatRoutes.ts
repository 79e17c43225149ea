// The local web chat's API: the page posts text, a language choice or a photo,
// and listens to an event stream for replies. Inbound messages take the same
// path as Twilio's: stored first, then processed in order by the inbox.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppServices } from '../../app/AppServices.js';
import { localeSchema } from '../../content/schema.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Message } from '../../storage/MessageRepository.js';
import type { MediaItem } from '../../storage/schema.js';
import type { WebChatHub } from './WebChatHub.js';

export const WEBCHAT_SERVICE_ADDRESS = 'webchat';

const clientIdSchema = z.uuid();
const textSchema = z.object({ clientId: clientIdSchema, clientMessageId: z.uuid(), text: z.string().trim().min(1).max(2000) });
const languageSchema = z.object({ clientId: clientIdSchema, locale: localeSchema });
const uploadQuerySchema = z.object({ clientId: clientIdSchema, clientMessageId: z.uuid() });
const allowedUploads = /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/;

export interface WebChatRouteDeps {
  services: AppServices;
  hub: WebChatHub;
  enqueueInbox(conversationId: number): void;
}

export function createWebChatRouter({ services, hub, enqueueInbox }: WebChatRouteDeps): express.Router {
  const router = express.Router();
  const { ctx, contacts, messages } = services;

  const store = async (clientId: string, channelMessageId: string, body: string, media: MediaItem[], sender?: string): Promise<number | undefined> => {
    const stored = await ctx.transaction(async () => {
      const { contact, conversation } = await contacts.findOrCreate('webchat', clientId, WEBCHAT_SERVICE_ADDRESS);
      const message = await messages.insertInbound({ conversationId: conversation.id, channelMessageId, body, media });
      if (!message) return undefined;
      if (sender) await messages.setSender(message.id, sender);
      await contacts.update(contact.id, { lastInboundAt: new Date() });
      return conversation.id;
    });
    if (stored !== undefined) enqueueInbox(stored);
    return stored;
  };

  router.post('/api/messages', express.json({ limit: '16kb' }), async (req: Request, res: Response) => {
    const body = parse(textSchema, req.body);
    await store(body.clientId, `webchat:${body.clientMessageId}`, body.text, []);
    res.status(202).json({ accepted: true });
  });

  router.post('/api/language', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const body = parse(languageSchema, req.body);
    const { contact } = await contacts.findOrCreate('webchat', body.clientId, WEBCHAT_SERVICE_ADDRESS);
    await contacts.update(contact.id, { locale: body.locale, localeChosen: true });
    // "0" is the menu in every language: the bot answers with the menu in the new language.
    await store(body.clientId, `webchat:lang:${randomUUID()}`, '0', [], 'system:language');
    res.status(202).json({ accepted: true });
  });

  router.post('/api/media', express.raw({ type: () => true, limit: services.config.MEDIA_MAX_BYTES }), async (req: Request, res: Response) => {
    const query = parse(uploadQuerySchema, req.query);
    const contentType = (req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!allowedUploads.test(contentType)) throw new ValidationError('only photos (JPEG, PNG, WebP, GIF) and PDF files can be sent');
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new ValidationError('the file is empty');
    const fileId = await services.mediaFiles.insert(contentType, req.body);
    await store(query.clientId, `webchat:${query.clientMessageId}`, '', [{ url: `/webchat/media/${fileId}`, contentType, mediaFileId: fileId }]);
    res.status(202).json({ accepted: true });
  });

  router.get('/api/history', async (req: Request, res: Response) => {
    const { clientId } = parse(z.object({ clientId: clientIdSchema }), req.query);
    const conversationId = await conversationOf(services, clientId);
    const list = conversationId === undefined ? [] : await messages.listConversation(conversationId, { limit: 200 });
    res.json({ messages: list.filter(isVisible).map(toView) });
  });

  router.get('/api/events', async (req: Request, res: Response) => {
    const { clientId } = parse(z.object({ clientId: clientIdSchema }), req.query);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = hub.subscribe(clientId, ({ messageId }) => {
      void messages.get(messageId).then((message) => {
        if (message) res.write(`event: message\ndata: ${JSON.stringify(toView(message))}\n\n`);
      });
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  router.get('/media/:fileId', async (req: Request, res: Response) => {
    const { fileId } = parse(z.object({ fileId: z.coerce.number().int().positive() }), req.params);
    const { clientId } = parse(z.object({ clientId: clientIdSchema }), req.query);
    const conversationId = await conversationOf(services, clientId);
    const owned = conversationId !== undefined && (await messages.listConversation(conversationId)).some((message) => message.media.some((item) => item.mediaFileId === fileId));
    const file = owned ? await services.mediaFiles.get(fileId) : undefined;
    if (!file) throw new NotFoundError('no such file');
    res.type(file.contentType).set('cache-control', 'private, max-age=3600').send(file.bytes);
  });

  return router;
}

async function conversationOf(services: AppServices, clientId: string): Promise<number | undefined> {
  const found = await services.contacts.findByAddress('webchat', clientId);
  return found?.conversation.id;
}

function isVisible(message: Message): boolean {
  return !(message.sender ?? '').startsWith('system:');
}

function toView(message: Message) {
  return {
    id: message.id,
    direction: message.direction,
    body: message.body,
    media: message.media.map((item) => ({ url: item.url, contentType: item.contentType })),
    buttons: message.buttons ?? [],
    at: message.createdAt,
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError('invalid request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return parsed.data;
}
