// Who opened, claimed, replied to or closed which thread, and when. Rows are
// only ever added; details carry ids and labels, never message text.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { DbContext } from '../storage/DbContext.js';
import { auditLog, users } from '../storage/schema.js';

export type AuditAction =
  | 'login'
  | 'login.failed'
  | 'logout'
  | 'handoff'
  | 'open'
  | 'claim'
  | 'reply'
  | 'note'
  | 'handback'
  | 'close'
  | 'transfer'
  | 'media'
  | 'user.create'
  | 'user.update'
  | `appointment.${string}`;

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  userId: number | null;
  action: AuditAction;
  threadId?: number | null;
  details?: AuditDetails;
}

export interface AuditRecord {
  id: number;
  userId: number | null;
  userEmail: string | null;
  action: string;
  threadId: number | null;
  details: AuditDetails;
  at: Date;
}

export interface AuditQuery {
  threadId?: number;
  userId?: number;
  /** Paging backwards: entries older than this id. */
  beforeId?: number;
  limit?: number;
}

export class AuditLog {
  constructor(private readonly ctx: DbContext) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.ctx.db.insert(auditLog).values({
      userId: entry.userId,
      action: entry.action,
      threadId: entry.threadId ?? null,
      details: entry.details ?? {},
    });
  }

  /** Newest first. */
  async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const conditions: SQL[] = [];
    if (query.threadId !== undefined) conditions.push(eq(auditLog.threadId, query.threadId));
    if (query.userId !== undefined) conditions.push(eq(auditLog.userId, query.userId));
    if (query.beforeId !== undefined) conditions.push(lt(auditLog.id, query.beforeId));
    return this.ctx.db
      .select({
        id: auditLog.id,
        userId: auditLog.userId,
        userEmail: users.email,
        action: auditLog.action,
        threadId: auditLog.threadId,
        details: auditLog.details,
        at: auditLog.at,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(query.limit ?? 100, 500));
  }
}
