// Puts a reply on its way: one outgoing message row and one outbox row per
// provider-sized part, in the caller's transaction. The outbox worker sends.
import { type ChannelProfile, isInsideSessionWindow, profileFor } from '../channels/channelProfile.js';
import { splitMessage } from '../channels/splitMessage.js';
import type { Contact, Conversation } from '../storage/ContactRepository.js';
import type { MessageRepository, Message, OutboundMessage } from '../storage/MessageRepository.js';
import type { NewOutboxItem, OutboxRepository } from '../storage/OutboxRepository.js';
import type { MediaItem } from '../storage/schema.js';

export interface Reply {
  text: string;
  media?: MediaItem[];
  buttons?: { value: string; title: string }[];
  /** bot, volunteer:<id>, reminder */
  sender: string;
}

export interface WhatsAppTemplate {
  contentSid: string;
  variables: Record<string, string>;
}

export type DeliveryPlan = 'free-text' | 'template-then-held' | 'template-only' | 'blocked-opted-out' | 'blocked-no-template';

export class OutboundQueue {
  constructor(
    private readonly messages: MessageRepository,
    private readonly outbox: OutboxRepository,
    private readonly onEnqueued: () => void = () => {},
  ) {}

  /** What sending now would do: free text inside WhatsApp's window, a template outside it. */
  plan(contact: Contact, template: WhatsAppTemplate | undefined, now = new Date()): DeliveryPlan {
    if (contact.optedOutAt) return 'blocked-opted-out';
    const profile = profileFor(contact.channel);
    if (isInsideSessionWindow(profile, contact.lastInboundAt, now)) return 'free-text';
    return template ? 'template-then-held' : 'blocked-no-template';
  }

  /**
   * Queues a reply. Outside the WhatsApp window the template goes now and the
   * reply waits ('held') until the person answers, which releases it.
   */
  async enqueue(contact: Contact, conversation: Conversation, reply: Reply, template?: WhatsAppTemplate): Promise<{ plan: DeliveryPlan; messages: Message[] }> {
    const plan = this.plan(contact, template);
    if (plan === 'blocked-opted-out' || plan === 'blocked-no-template') return { plan, messages: [] };
    const profile = profileFor(contact.channel);
    const created: Message[] = [];
    if (plan === 'template-then-held' && template) {
      created.push(await this.queueTemplate(contact, conversation, template, reply.sender));
    }
    const status = plan === 'free-text' ? 'pending' : 'held';
    created.push(...(await this.queueText(contact, conversation, reply, profile, status)));
    this.onEnqueued();
    return { plan, messages: created };
  }

  /** A template on its own (reminders outside the window). */
  async enqueueTemplate(contact: Contact, conversation: Conversation, template: WhatsAppTemplate, sender: string): Promise<Message> {
    const message = await this.queueTemplate(contact, conversation, template, sender);
    this.onEnqueued();
    return message;
  }

  private async queueTemplate(contact: Contact, conversation: Conversation, template: WhatsAppTemplate, sender: string): Promise<Message> {
    return this.queueMessage(
      contact,
      conversation,
      { body: `[template ${template.contentSid}] ${Object.values(template.variables).join(' | ')}`, sender },
      { contentSid: template.contentSid, contentVariables: template.variables },
    );
  }

  private async queueText(contact: Contact, conversation: Conversation, reply: Reply, profile: ChannelProfile, status: 'pending' | 'held'): Promise<Message[]> {
    const parts = splitMessage(reply.text, profile);
    const media = profile.media ? (reply.media ?? []) : [];
    if (parts.length === 0 && media.length > 0) parts.push('');
    const created: Message[] = [];
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      const partMedia = index === 0 ? media : [];
      const message = await this.queueMessage(
        contact,
        conversation,
        {
          body: part,
          media: partMedia,
          sender: reply.sender,
          buttons: last && profile.buttons ? (reply.buttons ?? null) : null,
          status: status === 'held' ? 'held' : 'queued',
        },
        { body: part, mediaUrls: partMedia.map((item) => item.url), status },
      );
      created.push(message);
    }
    return created;
  }

  /** The outgoing message row and its outbox row, to the contact from the conversation's service address. */
  private async queueMessage(
    contact: Contact,
    conversation: Conversation,
    message: Omit<OutboundMessage, 'conversationId'>,
    delivery: Omit<NewOutboxItem, 'messageId' | 'conversationId' | 'channel' | 'toAddress' | 'fromAddress'>,
  ): Promise<Message> {
    const stored = await this.messages.insertOutbound({ conversationId: conversation.id, ...message });
    await this.outbox.enqueue({
      messageId: stored.id,
      conversationId: conversation.id,
      channel: contact.channel,
      toAddress: addressFor(contact),
      fromAddress: conversation.serviceAddress,
      ...delivery,
    });
    return stored;
  }
}

/** Twilio wants the whatsapp: prefix on both ends of a WhatsApp message. */
export function addressFor(contact: Contact): string {
  return contact.channel === 'whatsapp' ? `whatsapp:${contact.address}` : contact.address;
}
