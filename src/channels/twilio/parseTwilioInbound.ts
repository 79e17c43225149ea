// Twilio's inbound webhook form (WhatsApp and SMS), validated with zod and
// turned into the channel-neutral shape the inbox stores.
import { z } from 'zod';
import type { MediaItem } from '../../storage/schema.js';

export const twilioInboundSchema = z
  .object({
    MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid must be SM or MM followed by 32 hex digits'),
    From: z.string().min(3),
    To: z.string().min(3),
    Body: z.string().max(10_000).default(''),
    NumMedia: z.coerce.number().int().min(0).max(10).default(0),
    ProfileName: z.string().optional(),
    ButtonPayload: z.string().optional(),
    Latitude: z.coerce.number().min(-90).max(90).optional(),
    Longitude: z.coerce.number().min(-180).max(180).optional(),
  })
  .catchall(z.string());

export type TwilioInbound = z.infer<typeof twilioInboundSchema>;

export interface ParsedInbound {
  channel: 'whatsapp' | 'sms';
  /** The person's address without the whatsapp: prefix. */
  from: string;
  /** Our number, with the whatsapp: prefix where it had one (replies go from there). */
  to: string;
  messageSid: string;
  body: string;
  media: MediaItem[];
  location: { latitude: number; longitude: number } | undefined;
  buttonPayload: string | undefined;
}

const mediaUrlSchema = z.url();

export function parseTwilioInbound(form: TwilioInbound): ParsedInbound {
  const channel = form.From.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const media: MediaItem[] = [];
  for (let index = 0; index < form.NumMedia; index++) {
    const url = mediaUrlSchema.safeParse(form[`MediaUrl${index}`]);
    const contentType = form[`MediaContentType${index}`];
    if (url.success && typeof contentType === 'string') media.push({ url: url.data, contentType });
  }
  const location =
    form.Latitude !== undefined && form.Longitude !== undefined ? { latitude: form.Latitude, longitude: form.Longitude } : undefined;
  return {
    channel,
    from: form.From.replace(/^whatsapp:/, ''),
    to: form.To,
    messageSid: form.MessageSid,
    body: form.ButtonPayload ?? form.Body,
    media,
    location,
    buttonPayload: form.ButtonPayload,
  };
}

export const twilioStatusSchema = z
  .object({
    MessageSid: z.string().min(10),
    MessageStatus: z.enum(['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled', 'receiving', 'received', 'partially_delivered']),
    ErrorCode: z.string().optional(),
    To: z.string().optional(),
  })
  .catchall(z.string());
