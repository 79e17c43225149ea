// The outbox: replies waiting to be sent. Written in the same transaction as
// the bot turn, claimed one at a time per conversation, retried with back-off.
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbContext } from './DbContext.js';
import { outbox, outboxAttempts } from './schema.js';

export type OutboxItem = typeof outbox.$inferSelect;
export type NewOutboxItem = Omit<typeof outbox.$inferInsert, 'id' | 'status' | 'attempts' | 'createdAt'> & { status?: 'pending' | 'held' };

export class OutboxRepository {
  constructor(private readonly ctx: DbContext) {}

  async enqueue(item: NewOutboxItem): Promise<OutboxItem> {
    const [row] = await this.ctx.db.insert(outbox).values(item).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /**
   * Claims the next due item whose conversation has no earlier unsent item, so
   * a conversation's replies leave in order. The lease makes a crashed sender's
   * item due again.
   */
  async claimNext(channels: readonly string[], leaseMs: number): Promise<OutboxItem | undefined> {
    const result = await this.ctx.db.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1, locked_until = now() + ${`${leaseMs} milliseconds`}::interval
      where id = (
        select o.id from outbox o
        where o.channel in ${channels}
          and ((o.status = 'pending' and o.next_attempt_at <= now()) or (o.status = 'sending' and o.locked_until < now()))
          and not exists (
            select 1 from outbox earlier
            where earlier.conversation_id = o.conversation_id and earlier.id < o.id
              and earlier.status in ('pending', 'sending')
          )
        order by o.next_attempt_at, o.id
        limit 1
        for update skip locked
      )
      returning id`);
    const parsed = z.object({ rows: z.array(z.object({ id: z.coerce.number() })) }).parse(result);
    const id = parsed.rows[0]?.id;
    if (id === undefined) return undefined;
    return this.get(id);
  }

  async get(id: number): Promise<OutboxItem | undefined> {
    const [row] = await this.ctx.db.select().from(outbox).where(eq(outbox.id, id));
    return row;
  }

  async markSent(id: number, providerMessageId: string | null): Promise<void> {
    await this.ctx.db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, providerMessageId })
      .where(eq(outbox.id, id));
  }

  async scheduleRetry(id: number, at: Date, error: string): Promise<void> {
    await this.ctx.db.update(outbox).set({ status: 'pending', nextAttemptAt: at, lockedUntil: null, lastError: error }).where(eq(outbox.id, id));
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.ctx.db.update(outbox).set({ status: 'failed', lockedUntil: null, lastError: error }).where(eq(outbox.id, id));
  }

  async recordAttempt(outboxId: number, outcome: string, httpStatus: number | null, errorCode: string | null): Promise<void> {
    await this.ctx.db.insert(outboxAttempts).values({ outboxId, outcome, httpStatus, errorCode });
  }

  async attemptsOf(outboxId: number): Promise<(typeof outboxAttempts.$inferSelect)[]> {
    return this.ctx.db.select().from(outboxAttempts).where(eq(outboxAttempts.outboxId, outboxId)).orderBy(asc(outboxAttempts.id));
  }

  /** Held items (waiting for the WhatsApp window) become due when the person writes again. */
  async releaseHeld(conversationId: number): Promise<number> {
    const rows = await this.ctx.db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: new Date() })
      .where(and(eq(outbox.conversationId, conversationId), eq(outbox.status, 'held')))
      .returning({ id: outbox.id });
    return rows.length;
  }

  async countUnsent(): Promise<number> {
    const [row] = await this.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending')));
    return row?.n ?? 0;
  }

  async dueSoon(channels: readonly string[]): Promise<boolean> {
    const [row] = await this.ctx.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(inArray(outbox.channel, [...channels]), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, new Date(Date.now() + 1000))))
      .limit(1);
    return row !== undefined;
  }
}
