// Contacts (a person on one channel) and their conversation.
import { and, eq, sql } from 'drizzle-orm';
import type { DbContext } from './DbContext.js';
import { contacts, conversations } from './schema.js';

export type Contact = typeof contacts.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type ChannelName = 'whatsapp' | 'sms' | 'webchat';

export class ContactRepository {
  constructor(private readonly ctx: DbContext) {}

  /** Finds or creates the contact and its conversation; concurrent first messages create one. */
  async findOrCreate(channel: ChannelName, address: string, serviceAddress: string): Promise<{ contact: Contact; conversation: Conversation }> {
    const db = this.ctx.db;
    await db.insert(contacts).values({ channel, address }).onConflictDoNothing();
    const [contact] = await db.select().from(contacts).where(and(eq(contacts.channel, channel), eq(contacts.address, address)));
    if (!contact) throw new Error('contact vanished after insert');
    await db.insert(conversations).values({ contactId: contact.id, serviceAddress }).onConflictDoNothing();
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    if (!conversation) throw new Error('conversation vanished after insert');
    return { contact, conversation };
  }

  async findByAddress(channel: ChannelName, address: string): Promise<{ contact: Contact; conversation: Conversation } | undefined> {
    const [row] = await this.ctx.db
      .select({ contact: contacts, conversation: conversations })
      .from(contacts)
      .innerJoin(conversations, eq(conversations.contactId, contacts.id))
      .where(and(eq(contacts.channel, channel), eq(contacts.address, address)));
    return row;
  }

  async get(contactId: number): Promise<Contact | undefined> {
    const [contact] = await this.ctx.db.select().from(contacts).where(eq(contacts.id, contactId));
    return contact;
  }

  async getConversation(conversationId: number): Promise<{ contact: Contact; conversation: Conversation } | undefined> {
    const [row] = await this.ctx.db
      .select({ contact: contacts, conversation: conversations })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(eq(conversations.id, conversationId));
    return row;
  }

  /** Takes the conversation's row lock for the rest of the transaction: one turn per conversation across instances. */
  async lockConversation(conversationId: number): Promise<void> {
    await this.ctx.db.execute(sql`select id from conversations where id = ${conversationId} for update`);
  }

  async update(contactId: number, changes: Partial<Pick<Contact, 'tenantKey' | 'locale' | 'localeChosen' | 'postcode' | 'houseNumber' | 'optedOutAt' | 'consent' | 'lastInboundAt'>>): Promise<void> {
    await this.ctx.db.update(contacts).set(changes).where(eq(contacts.id, contactId));
  }

  async setOptedOut(channel: ChannelName, address: string, at: Date | null): Promise<void> {
    await this.ctx.db
      .update(contacts)
      .set({ optedOutAt: at })
      .where(and(eq(contacts.channel, channel), eq(contacts.address, address)));
  }
}
