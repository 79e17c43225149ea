// Processes stored inbound messages: strictly one at a time and in order per
// conversation, each turn in one transaction with the replies it queues, so a
// crash before the commit means the message is processed again, never twice.
import type { Activity, TurnContext } from 'botbuilder';
import { profileFor } from '../channels/channelProfile.js';
import type { QueuedBotAdapter } from '../channels/QueuedBotAdapter.js';
import type { ContentTree } from '../content/loadContentTree.js';
import { localeSchema } from '../content/schema.js';
import { resolveTenant } from '../content/resolveTenant.js';
import type { HandoffQueue } from '../handoff/HandoffQueue.js';
import type { Logger } from '../logger.js';
import type { ContactRepository, Contact, Conversation } from '../storage/ContactRepository.js';
import type { DbContext } from '../storage/DbContext.js';
import type { Message, MessageRepository } from '../storage/MessageRepository.js';
import { setTurnInfo, type TurnInfo } from '../../dialogs/turnInfo.js';

export interface InboxDeps {
  ctx: DbContext;
  contacts: ContactRepository;
  messages: MessageRepository;
  handoff: HandoffQueue;
  adapters: Record<'whatsapp' | 'sms' | 'webchat', QueuedBotAdapter>;
  logic: (context: TurnContext) => Promise<void>;
  content: ContentTree;
  defaultTenant: string;
  defaultLocale: string;
  logger: Logger;
  /** Called after a turn committed (replies may be waiting). */
  onCommitted: () => void;
}

const MAX_ATTEMPTS = 3;

export class InboxProcessor {
  private readonly chains = new Map<number, Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: InboxDeps) {}

  /** Schedules the conversation's unprocessed messages; safe to call often. */
  enqueue(conversationId: number): void {
    if (this.stopped || this.chains.has(conversationId)) {
      // A running drain picks up messages stored after it started.
      if (this.chains.has(conversationId)) this.pending.add(conversationId);
      return;
    }
    const chain = this.drain(conversationId).finally(() => {
      this.chains.delete(conversationId);
      if (this.pending.delete(conversationId)) this.enqueue(conversationId);
    });
    this.chains.set(conversationId, chain);
  }

  private readonly pending = new Set<number>();

  /** After a restart: everything stored but not processed. */
  async recover(): Promise<void> {
    for (const conversationId of await this.deps.messages.conversationsWithInbox()) this.enqueue(conversationId);
  }

  /** Waits until every scheduled conversation is processed. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async drain(conversationId: number): Promise<void> {
    while (!this.stopped) {
      const processed = await this.processNextWithRetry(conversationId);
      if (!processed) return;
      this.deps.onCommitted();
    }
  }

  private async processNextWithRetry(conversationId: number): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.processNext(conversationId);
      } catch (error) {
        this.deps.logger.warn({ conversationId, attempt, err: errorName(error) }, 'turn failed');
        if (attempt >= MAX_ATTEMPTS) {
          await this.giveUp(conversationId);
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async processNext(conversationId: number): Promise<boolean> {
    const { ctx, contacts, messages } = this.deps;
    return ctx.transaction(async () => {
      await contacts.lockConversation(conversationId);
      const message = await messages.nextInbox(conversationId);
      if (!message) return false;
      const found = await contacts.getConversation(conversationId);
      if (!found) throw new Error(`conversation ${conversationId} has no contact`);
      const info = await this.turnInfoFor(found.contact, found.conversation, message);
      const adapter = this.deps.adapters[channelOf(found.contact)];
      await adapter.processActivity(toActivity(message, found.contact, found.conversation), this.deps.logic, (context) =>
        setTurnInfo(context, info),
      );
      await messages.markProcessed(message.id, info.route ?? null);
      this.deps.logger.info({ conversationId, messageId: message.id, topic: info.route?.topic, action: info.route?.action }, 'turn processed');
      return true;
    });
  }

  /** A message that keeps failing goes to a person instead of blocking the conversation. */
  private async giveUp(conversationId: number): Promise<void> {
    const { ctx, messages, contacts, handoff } = this.deps;
    await ctx.transaction(async () => {
      const message = await messages.nextInbox(conversationId);
      const found = await contacts.getConversation(conversationId);
      if (!message || !found) return;
      await messages.markProcessed(message.id, null, 'failed');
      await handoff.handOff({
        contactId: found.contact.id,
        conversationId,
        tenantKey: found.contact.tenantKey ?? this.deps.defaultTenant,
        locale: found.contact.locale ?? this.deps.defaultLocale,
        topic: null,
        reason: 'bot-failed',
        summary: `The bot could not process message ${message.id}.`,
      });
    });
  }

  private async turnInfoFor(contact: Contact, conversation: Conversation, message: Message): Promise<TurnInfo> {
    const { tenants } = this.deps.content;
    const onlyTenant = tenants.size === 1 ? [...tenants.keys()][0] : undefined;
    let tenantKey = contact.tenantKey ?? resolveTenant(this.deps.content, { to: conversation.serviceAddress })?.tenant.key ?? onlyTenant;
    if (tenantKey && !contact.tenantKey) await this.deps.contacts.update(contact.id, { tenantKey });
    if (tenantKey && !tenants.has(tenantKey)) tenantKey = undefined;
    const locale = localeSchema.safeParse(contact.locale ?? this.deps.defaultLocale);
    return {
      contact: { ...contact, tenantKey: tenantKey ?? null },
      conversation,
      profile: profileFor(contact.channel),
      locale: locale.success ? locale.data : 'nl',
      tenant: tenantKey ? this.deps.content.tenants.get(tenantKey) : undefined,
      messageId: message.id,
    };
  }
}

function channelOf(contact: Contact): 'whatsapp' | 'sms' | 'webchat' {
  return contact.channel === 'whatsapp' || contact.channel === 'webchat' ? contact.channel : 'sms';
}

export function toActivity(message: Message, contact: Contact, conversation: Conversation): Partial<Activity> {
  return {
    type: 'message',
    id: message.channelMessageId ?? String(message.id),
    channelId: contact.channel,
    serviceUrl: '',
    timestamp: message.createdAt,
    from: { id: `contact:${contact.id}`, name: '' },
    recipient: { id: conversation.serviceAddress, name: 'spreekuur' },
    conversation: { id: String(conversation.id), isGroup: false, conversationType: 'personal', name: '' },
    text: message.body,
    attachments: message.media.map((item) => ({ contentType: item.contentType, contentUrl: item.url })),
    channelData: { messageId: message.id, location: message.location, sender: message.sender },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
