// The volunteers' queue: a handoff opens (or raises) the contact's one active
// thread, so nothing the bot cannot handle is lost.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbContext } from '../storage/DbContext.js';
import { threads } from '../storage/schema.js';

export type Thread = typeof threads.$inferSelect;

export const handoffReasons = ['person', 'low-confidence', 'letter', 'personal-case', 'emergency', 'appointment-other', 'bot-failed'] as const;
export type HandoffReason = (typeof handoffReasons)[number];

/** Lower is more urgent. */
export const priorityOf: Record<HandoffReason, number> = {
  emergency: 1,
  'personal-case': 2,
  letter: 2,
  person: 3,
  'low-confidence': 3,
  'appointment-other': 3,
  'bot-failed': 3,
};

export interface HandoffRequest {
  contactId: number;
  conversationId: number;
  tenantKey: string;
  locale: string;
  topic: string | null;
  reason: HandoffReason;
  /** One or two lines, written by the bot, without phone numbers. */
  summary: string;
}

export type ThreadListener = (event: { kind: 'opened' | 'updated'; thread: Thread }) => void;

export class HandoffQueue {
  private readonly listeners = new Set<ThreadListener>();

  constructor(private readonly ctx: DbContext) {}

  /** Opens a thread, or adds to the active one (raising its priority if this is more urgent). */
  async handOff(request: HandoffRequest): Promise<{ thread: Thread; created: boolean }> {
    const priority = priorityOf[request.reason];
    const existing = await this.activeThread(request.contactId);
    if (existing) {
      const summary = [existing.summary, request.summary].filter(Boolean).join('\n').slice(-2000);
      const [thread] = await this.ctx.db
        .update(threads)
        .set({
          priority: Math.min(existing.priority, priority),
          reason: priority < existing.priority ? request.reason : existing.reason,
          topic: existing.topic ?? request.topic,
          summary,
        })
        .where(eq(threads.id, existing.id))
        .returning();
      const updated = thread ?? existing;
      this.notify('updated', updated);
      return { thread: updated, created: false };
    }
    const [thread] = await this.ctx.db
      .insert(threads)
      .values({ ...request, priority, status: 'open' })
      .onConflictDoNothing()
      .returning();
    if (!thread) return this.handOff(request);
    this.notify('opened', thread);
    return { thread, created: true };
  }

  async activeThread(contactId: number): Promise<Thread | undefined> {
    const [thread] = await this.ctx.db
      .select()
      .from(threads)
      .where(and(eq(threads.contactId, contactId), ne(threads.status, 'closed')));
    return thread;
  }

  /** Open threads of a tenant ahead of a priority: a rough queue position for the person. */
  async queueAhead(tenantKey: string, priority: number): Promise<number> {
    const [row] = await this.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(threads)
      .where(and(eq(threads.tenantKey, tenantKey), eq(threads.status, 'open'), sql`${threads.priority} <= ${priority}`));
    return row?.n ?? 0;
  }

  async listOpen(tenantKeys: readonly string[]): Promise<Thread[]> {
    return this.ctx.db
      .select()
      .from(threads)
      .where(and(ne(threads.status, 'closed'), sql`${threads.tenantKey} in ${tenantKeys}`))
      .orderBy(asc(threads.priority), asc(threads.openedAt));
  }

  /** "menu" from the person hands the thread back to the bot. */
  async handBack(threadId: number, outcome: string): Promise<void> {
    await this.ctx.db.update(threads).set({ status: 'closed', outcome, closedAt: new Date() }).where(eq(threads.id, threadId));
  }

  subscribe(listener: ThreadListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(kind: 'opened' | 'updated', thread: Thread): void {
    // Listeners (the console's live view) must not see a thread whose transaction may still roll back.
    queueMicrotask(() => {
      for (const listener of this.listeners) listener({ kind, thread });
    });
  }
}
