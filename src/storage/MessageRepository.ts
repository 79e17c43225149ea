// Inbound and outbound messages. Inbound rows with status 'received' are the
// inbox: stored before anything else, processed once, in order per conversation.
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbContext } from './DbContext.js';
import { type MediaItem, type MessageRoute, messages } from './schema.js';

export type Message = typeof messages.$inferSelect;

export interface InboundMessage {
  conversationId: number;
  channelMessageId: string;
  body: string;
  media: MediaItem[];
  location?: { latitude: number; longitude: number } | undefined;
}

export interface OutboundMessage {
  conversationId: number;
  body: string;
  media?: MediaItem[];
  sender: string;
  status?: string;
  buttons?: { value: string; title: string }[] | null;
}

export class MessageRepository {
  constructor(private readonly ctx: DbContext) {}

  /** Stores an inbound message; undefined when this channel message id was seen before. */
  async insertInbound(message: InboundMessage): Promise<Message | undefined> {
    const [row] = await this.ctx.db
      .insert(messages)
      .values({ ...message, location: message.location ?? null, direction: 'in', status: 'received' })
      .onConflictDoNothing({ target: messages.channelMessageId })
      .returning();
    return row;
  }

  async insertOutbound(message: OutboundMessage): Promise<Message> {
    const [row] = await this.ctx.db
      .insert(messages)
      .values({
        conversationId: message.conversationId,
        body: message.body,
        media: message.media ?? [],
        sender: message.sender,
        buttons: message.buttons ?? null,
        direction: 'out',
        status: message.status ?? 'queued',
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** The oldest unprocessed inbound message of a conversation, locked for this transaction. */
  async nextInbox(conversationId: number): Promise<Message | undefined> {
    const [row] = await this.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in'), eq(messages.status, 'received')))
      .orderBy(asc(messages.id))
      .limit(1);
    return row;
  }

  async conversationsWithInbox(): Promise<number[]> {
    const rows = await this.ctx.db
      .selectDistinct({ conversationId: messages.conversationId })
      .from(messages)
      .where(eq(messages.status, 'received'));
    return rows.map((row) => row.conversationId);
  }

  async markProcessed(messageId: number, route: MessageRoute | null, status: 'processed' | 'failed' = 'processed'): Promise<void> {
    await this.ctx.db.update(messages).set({ status, route, processedAt: new Date() }).where(eq(messages.id, messageId));
  }

  async setStatus(messageId: number, status: string, errorCode: string | null = null): Promise<void> {
    await this.ctx.db.update(messages).set({ status, errorCode }).where(eq(messages.id, messageId));
  }

  async setSender(messageId: number, sender: string): Promise<void> {
    await this.ctx.db.update(messages).set({ sender }).where(eq(messages.id, messageId));
  }

  async setChannelMessageId(messageId: number, channelMessageId: string): Promise<void> {
    await this.ctx.db.update(messages).set({ channelMessageId }).where(eq(messages.id, messageId));
  }

  /** A provider status callback; statuses never move backwards (delivered does not become sent). */
  async updateStatusByChannelId(channelMessageId: string, status: string, errorCode: string | null): Promise<Message | undefined> {
    const order = ['queued', 'sending', 'sent', 'delivered', 'read'];
    const [current] = await this.ctx.db.select().from(messages).where(eq(messages.channelMessageId, channelMessageId));
    if (!current) return undefined;
    const forward = !order.includes(status) || order.indexOf(status) >= order.indexOf(current.status);
    if (!forward) return current;
    const [row] = await this.ctx.db.update(messages).set({ status, errorCode }).where(eq(messages.id, current.id)).returning();
    return row;
  }

  async get(messageId: number): Promise<Message | undefined> {
    const [row] = await this.ctx.db.select().from(messages).where(eq(messages.id, messageId));
    return row;
  }

  async listConversation(conversationId: number, options: { afterId?: number; limit?: number } = {}): Promise<Message[]> {
    const rows = await this.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), gt(messages.id, options.afterId ?? 0)))
      .orderBy(desc(messages.id))
      .limit(options.limit ?? 500);
    return rows.reverse();
  }

  async countByIds(ids: number[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [row] = await this.ctx.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(inArray(messages.id, ids));
    return row?.n ?? 0;
  }
}
