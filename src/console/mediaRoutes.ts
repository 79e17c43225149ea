// /console/media/:messageId/:index: photos, PDFs and voice notes of a
// conversation, for users who may see one of its threads. Twilio media are
// fetched with the account's credentials and streamed; the browser never sees
// a Twilio URL. Web-chat uploads come from media_files.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Response } from 'express';
import type { AppServices } from '../app/AppServices.js';
import { authOf, canSeeTenant } from '../auth/middleware.js';
import type { Config } from '../config.js';
import { NotFoundError } from '../errors.js';
import type { MediaItem } from '../storage/schema.js';
import { parseId } from './threadAccess.js';

/** Shown in the page; anything else is offered as a download so it cannot run as our origin. */
const inlineTypes = /^(image\/(jpeg|png|gif|webp)|application\/pdf|audio\/(ogg|mpeg|mp4|amr|aac)|video\/mp4)$/;

export function createMediaRoutes(services: AppServices): express.Router {
  const router = express.Router();

  router.get('/media/:messageId/:index', async (req, res) => {
    const { user } = authOf(req);
    const message = await services.messages.get(parseId(req.params.messageId));
    const index = Number(req.params.index);
    const item = message && Number.isInteger(index) ? message.media[index] : undefined;
    if (!message || !item) throw new NotFoundError('media not found');
    const tenants = await services.handoff.tenantsOfConversation(message.conversationId);
    if (!tenants.some((tenant) => canSeeTenant(user, tenant))) throw new NotFoundError('media not found');
    if (item.mediaFileId !== undefined) {
      await sendStoredFile(services, res, item.mediaFileId);
      return;
    }
    await streamTwilioMedia(services, res, item);
  });

  return router;
}

function setMediaHeaders(res: Response, contentType: string): void {
  const inline = inlineTypes.test(contentType);
  res.set({
    'Content-Type': inline ? contentType : 'application/octet-stream',
    'Content-Disposition': inline ? 'inline' : 'attachment',
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; style-src 'unsafe-inline'",
  });
}

async function sendStoredFile(services: AppServices, res: Response, id: number): Promise<void> {
  const file = await services.mediaFiles.get(id);
  if (!file) throw new NotFoundError('media file not found');
  setMediaHeaders(res, file.contentType);
  res.send(file.bytes);
}

/** Only Twilio's own hosts (or the configured API base, a fake in tests) get our credentials. */
export function isTwilioMediaUrl(url: string, config: Pick<Config, 'TWILIO_API_BASE_URL'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(config.TWILIO_API_BASE_URL).origin) return true;
  return parsed.protocol === 'https:' && (parsed.hostname === 'api.twilio.com' || parsed.hostname.endsWith('.twilio.com'));
}

async function streamTwilioMedia(services: AppServices, res: Response, item: MediaItem): Promise<void> {
  const { config, logger } = services;
  if (!isTwilioMediaUrl(item.url, config)) throw new NotFoundError('media not at Twilio');
  const headers: Record<string, string> = {};
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    headers.Authorization = `Basic ${Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64')}`;
  }
  // Twilio answers with a redirect to its storage; fetch drops the Authorization header when the redirect leaves the origin.
  const upstream = await fetch(item.url, { headers, redirect: 'follow', signal: AbortSignal.timeout(20_000) });
  const body = upstream.body;
  if (!upstream.ok || !body) {
    logger.warn({ status: upstream.status }, 'twilio media fetch failed');
    throw new NotFoundError('media not available');
  }
  const length = Number(upstream.headers.get('content-length') ?? '0');
  if (length > config.MEDIA_MAX_BYTES) throw new NotFoundError('media too large');
  setMediaHeaders(res, (upstream.headers.get('content-type') ?? item.contentType).split(';')[0]?.trim() ?? item.contentType);
  if (length > 0) res.set('Content-Length', String(length));
  try {
    await pipeline(Readable.fromWeb(body), res);
  } catch (error) {
    // Headers are out: nothing to tell the browser; a closed tab is not worth more than a debug line.
    logger.debug({ err: error }, 'media stream ended early');
    res.destroy();
  }
}
