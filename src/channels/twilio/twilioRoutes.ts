// POST /twilio/inbound (WhatsApp and SMS) and POST /twilio/status. An inbound
// message is verified, validated and stored before anything else, then
// acknowledged at once; the inbox processes it in order.
import express, { type Request, type Response } from 'express';
import twilio from 'twilio';
import type { AppServices } from '../../app/AppServices.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import { OPTED_OUT_CODE } from '../../outbound/OutboxWorker.js';
import { parseTwilioInbound, twilioInboundSchema, twilioStatusSchema } from './parseTwilioInbound.js';

export interface TwilioRouteDeps {
  services: AppServices;
  /** Schedules a conversation's stored messages for processing. */
  enqueueInbox(conversationId: number): void;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function createTwilioRouter({ services, enqueueInbox }: TwilioRouteDeps): express.Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));

  router.post('/inbound', async (req: Request, res: Response) => {
    verifySignature(services, req);
    const form = twilioInboundSchema.safeParse(req.body);
    if (!form.success) throw new ValidationError('invalid Twilio webhook', form.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    const inbound = parseTwilioInbound(form.data);
    const { ctx, contacts, messages, outbox } = services;
    const stored = await ctx.transaction(async () => {
      const { contact, conversation } = await contacts.findOrCreate(inbound.channel, inbound.from, inbound.to);
      const message = await messages.insertInbound({
        conversationId: conversation.id,
        channelMessageId: inbound.messageSid,
        body: inbound.body,
        media: inbound.media,
        location: inbound.location,
      });
      if (!message) return undefined;
      await contacts.update(contact.id, { lastInboundAt: new Date() });
      // The person wrote: WhatsApp's window is open again for replies held back.
      const released = await outbox.releaseHeld(conversation.id);
      return { conversationId: conversation.id, messageId: message.id, released };
    });
    res.type('text/xml').send(EMPTY_TWIML);
    if (!stored) {
      services.logger.info({ channel: inbound.channel }, 'duplicate webhook acknowledged');
      return;
    }
    services.logger.info({ conversationId: stored.conversationId, messageId: stored.messageId, media: inbound.media.length }, 'inbound stored');
    enqueueInbox(stored.conversationId);
    if (stored.released > 0) services.wakeOutbox();
  });

  router.post('/status', async (req: Request, res: Response) => {
    verifySignature(services, req);
    const form = twilioStatusSchema.safeParse(req.body);
    if (!form.success) throw new ValidationError('invalid status callback', form.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    const { MessageSid, MessageStatus, ErrorCode, To } = form.data;
    const message = await services.messages.updateStatusByChannelId(MessageSid, MessageStatus, ErrorCode ?? null);
    if (ErrorCode === String(OPTED_OUT_CODE) && To) {
      const channel = To.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
      await services.contacts.setOptedOut(channel, To.replace(/^whatsapp:/, ''), new Date());
    }
    services.logger.info({ messageId: message?.id, status: MessageStatus, errorCode: ErrorCode }, 'status callback');
    res.status(204).end();
  });

  return router;
}

/** Twilio signs the full URL it called: behind a proxy that is PUBLIC_URL, not what we see. */
function verifySignature(services: AppServices, req: Request): void {
  const { config } = services;
  if (config.TWILIO_SKIP_SIGNATURE) return;
  const signature = req.header('x-twilio-signature');
  const token = config.TWILIO_AUTH_TOKEN;
  const base = config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const url = `${base.replace(/\/$/, '')}${req.originalUrl}`;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(typeof req.body === 'object' && req.body !== null ? req.body : {})) {
    if (typeof value === 'string') params[key] = value;
  }
  if (!signature || !token || !twilio.validateRequest(token, signature, url, params)) {
    throw new ForbiddenError('invalid Twilio signature');
  }
}
