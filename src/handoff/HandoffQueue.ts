// The volunteers' queue: a handoff opens (or raises) the contact's one active
// thread, so nothing the bot cannot handle is lost; volunteers claim, transfer,
// close or hand threads back, each step in one statement and in the audit log.
import { and, asc, eq, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbContext } from '../storage/DbContext.js';
import { threadNotes, threads, users } from '../storage/schema.js';
import { AuditLog } from './AuditLog.js';

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

export type ThreadEventKind = 'opened' | 'updated' | 'claimed' | 'transferred' | 'closed' | 'message';
export type ThreadListener = (event: { kind: ThreadEventKind; thread: Thread }) => void;

/** Who acts on a thread; override lets coordinators and admins act on threads others hold. */
export interface ThreadActor {
  userId: number;
  override: boolean;
}

export interface QueueFilter {
  tenants: 'all' | readonly string[];
  locale?: string | undefined;
  priority?: number | undefined;
  /** Only threads opened at least this long ago. */
  minWaitMs?: number | undefined;
  /** active = open or claimed (the default). */
  status?: 'open' | 'claimed' | 'active' | undefined;
  now?: Date;
  limit?: number;
}

export interface ThreadNote {
  id: number;
  userId: number;
  author: string;
  body: string;
  createdAt: Date;
}

/** How long the person has waited for a volunteer: until the claim, or until now. */
export function waitingMs(thread: Thread, now = new Date()): number {
  const until = thread.claimedAt ?? thread.closedAt ?? now;
  return Math.max(0, until.getTime() - thread.openedAt.getTime());
}

export class HandoffQueue {
  private readonly listeners = new Set<ThreadListener>();
  readonly audit: AuditLog;

  constructor(private readonly ctx: DbContext) {
    this.audit = new AuditLog(ctx);
  }

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
    await this.audit.record({ userId: null, action: 'handoff', threadId: thread.id, details: { reason: request.reason, priority } });
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

  async get(threadId: number): Promise<Thread | undefined> {
    const [thread] = await this.ctx.db.select().from(threads).where(eq(threads.id, threadId));
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
    return this.list({ tenants: tenantKeys });
  }

  /** The queue, most urgent first, then longest waiting. */
  async list(filter: QueueFilter): Promise<Thread[]> {
    if (filter.tenants !== 'all' && filter.tenants.length === 0) return [];
    const status = filter.status ?? 'active';
    const conditions: SQL[] = [status === 'active' ? ne(threads.status, 'closed') : eq(threads.status, status)];
    if (filter.tenants !== 'all') conditions.push(inArray(threads.tenantKey, [...filter.tenants]));
    if (filter.locale) conditions.push(eq(threads.locale, filter.locale));
    if (filter.priority !== undefined) conditions.push(eq(threads.priority, filter.priority));
    if (filter.minWaitMs !== undefined) conditions.push(lte(threads.openedAt, new Date((filter.now ?? new Date()).getTime() - filter.minWaitMs)));
    return this.ctx.db
      .select()
      .from(threads)
      .where(and(...conditions))
      .orderBy(asc(threads.priority), asc(threads.openedAt), asc(threads.id))
      .limit(filter.limit ?? 500);
  }

  /**
   * Claims an open thread. The status check and the change are one UPDATE, so
   * when two volunteers click at once exactly one gets the thread; the other undefined.
   */
  async claim(threadId: number, userId: number): Promise<Thread | undefined> {
    const claimed = await this.ctx.transaction(async () => {
      const [thread] = await this.ctx.db
        .update(threads)
        .set({ status: 'claimed', claimedBy: userId, claimedAt: new Date() })
        .where(and(eq(threads.id, threadId), eq(threads.status, 'open')))
        .returning();
      if (thread) await this.audit.record({ userId, action: 'claim', threadId });
      return thread;
    });
    if (claimed) this.notify('claimed', claimed);
    return claimed;
  }

  /** Gives a thread the actor holds (or an open one) to another volunteer. */
  async transfer(threadId: number, toUserId: number, actor: ThreadActor): Promise<Thread | undefined> {
    const moved = await this.ctx.transaction(async () => {
      const [thread] = await this.ctx.db
        .update(threads)
        .set({ status: 'claimed', claimedBy: toUserId, claimedAt: sql`coalesce(${threads.claimedAt}, now())` })
        .where(and(eq(threads.id, threadId), this.heldBy(actor, true)))
        .returning();
      if (thread) await this.audit.record({ userId: actor.userId, action: 'transfer', threadId, details: { to: toUserId } });
      return thread;
    });
    if (moved) this.notify('transferred', moved);
    return moved;
  }

  /** Closes a thread the actor holds, with an outcome label for the report. */
  async close(threadId: number, outcome: string, actor: ThreadActor): Promise<Thread | undefined> {
    return this.finish(threadId, outcome, 'close', actor);
  }

  /**
   * Returns the person to the bot: the volunteer's button (with an actor), or
   * "menu" from the person (without one, whoever holds the thread).
   */
  async handBack(threadId: number, outcome: string, actor?: ThreadActor): Promise<Thread | undefined> {
    return this.finish(threadId, outcome, 'handback', actor);
  }

  async addNote(threadId: number, userId: number, body: string): Promise<void> {
    await this.ctx.transaction(async () => {
      await this.ctx.db.insert(threadNotes).values({ threadId, userId, body });
      await this.audit.record({ userId, action: 'note', threadId });
    });
  }

  async notes(threadId: number): Promise<ThreadNote[]> {
    const rows = await this.ctx.db
      .select({ id: threadNotes.id, userId: threadNotes.userId, email: users.email, name: users.displayName, body: threadNotes.body, createdAt: threadNotes.createdAt })
      .from(threadNotes)
      .innerJoin(users, eq(users.id, threadNotes.userId))
      .where(eq(threadNotes.threadId, threadId))
      .orderBy(asc(threadNotes.id));
    return rows.map((row) => ({ id: row.id, userId: row.userId, author: row.name ?? row.email, body: row.body, createdAt: row.createdAt }));
  }

  /** Tenants of every thread a conversation ever had: who may see its messages and media. */
  async tenantsOfConversation(conversationId: number): Promise<string[]> {
    const rows = await this.ctx.db.selectDistinct({ tenantKey: threads.tenantKey }).from(threads).where(eq(threads.conversationId, conversationId));
    return rows.map((row) => row.tenantKey);
  }

  /** Changes whenever an active thread appears, moves or goes: the console's poll across instances. */
  async fingerprint(): Promise<string> {
    const result = await this.ctx.db.execute(sql`
      select md5(coalesce(string_agg(id || ':' || status || ':' || coalesce(claimed_by, 0) || ':' || priority || ':' || length(summary), ',' order by id), '')) as v
      from threads where status <> 'closed'`);
    return z.object({ rows: z.array(z.object({ v: z.string() })) }).parse(result).rows[0]?.v ?? '';
  }

  /** The person wrote again in an active thread (called by the inbox, optional): live views refresh. */
  async touch(contactId: number): Promise<void> {
    const thread = await this.activeThread(contactId);
    if (thread) this.notify('message', thread);
  }

  subscribe(listener: ThreadListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async finish(threadId: number, outcome: string, action: 'close' | 'handback', actor: ThreadActor | undefined): Promise<Thread | undefined> {
    const closed = await this.ctx.transaction(async () => {
      const [thread] = await this.ctx.db
        .update(threads)
        .set({ status: 'closed', outcome, closedAt: new Date() })
        .where(and(eq(threads.id, threadId), actor ? this.heldBy(actor, false) : ne(threads.status, 'closed')))
        .returning();
      if (thread) await this.audit.record({ userId: actor?.userId ?? null, action, threadId, details: { outcome, by: actor ? 'volunteer' : 'person' } });
      return thread;
    });
    if (closed) this.notify('closed', closed);
    return closed;
  }

  /** Still active, and held by the actor unless they may override (an open thread too, when allowed). */
  private heldBy(actor: ThreadActor, openAllowed: boolean): SQL | undefined {
    if (actor.override) return ne(threads.status, 'closed');
    const mine = and(eq(threads.status, 'claimed'), eq(threads.claimedBy, actor.userId));
    return openAllowed ? sql`(${mine} or ${threads.status} = 'open')` : mine;
  }

  private notify(kind: ThreadEventKind, thread: Thread): void {
    // After the current statement, never synchronously inside a caller's loop; a listener
    // that reads the thread must allow for a surrounding transaction not yet committed.
    queueMicrotask(() => {
      for (const listener of this.listeners) listener({ kind, thread });
    });
  }
}
