// The services the HTTP routes, workers and dialogs share, built once in
// createApp. Routers and dialogs get what they need from here, never from process.env.
import type { Config } from '../config.js';
import type { ContentTree } from '../content/loadContentTree.js';
import type { HandoffQueue } from '../handoff/HandoffQueue.js';
import type { Translator } from '../i18n/createTranslator.js';
import type { Logger } from '../logger.js';
import type { OutboundQueue } from '../outbound/OutboundQueue.js';
import type { ContactRepository } from '../storage/ContactRepository.js';
import type { DatabaseHandle } from '../storage/database.js';
import type { DbContext } from '../storage/DbContext.js';
import type { MediaFileRepository } from '../storage/MediaFileRepository.js';
import type { MessageRepository } from '../storage/MessageRepository.js';
import type { OutboxRepository } from '../storage/OutboxRepository.js';

export interface AppServices {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  ctx: DbContext;
  contacts: ContactRepository;
  messages: MessageRepository;
  outbox: OutboxRepository;
  mediaFiles: MediaFileRepository;
  outbound: OutboundQueue;
  handoff: HandoffQueue;
  translator: Translator;
  content: ContentTree;
  /** Wakes the outbox worker after a commit that queued replies. */
  wakeOutbox(): void;
}
