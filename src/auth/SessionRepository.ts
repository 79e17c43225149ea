// Console sessions. The cookie carries a random token; the table keeps only its
// SHA-256, so a copy of the database does not let anyone log in.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbContext } from '../storage/DbContext.js';
import { sessions, users } from '../storage/schema.js';
import { type User, toUser } from './UserRepository.js';

export interface Session {
  /** The hash stored as the row id. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export class SessionRepository {
  constructor(private readonly ctx: DbContext) {}

  /** Returns the token for the cookie; it is not stored. */
  async create(userId: number, expiresAt: Date): Promise<{ token: string; session: Session }> {
    const token = randomToken();
    const session = { id: hashSessionToken(token), csrfToken: randomToken(), expiresAt };
    await this.ctx.db.insert(sessions).values({ ...session, userId });
    return { token, session };
  }

  /** The session and its user, when the token is known, unexpired and the account not disabled. */
  async resolve(token: string, now: Date): Promise<{ session: Session; user: User } | undefined> {
    const [row] = await this.ctx.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, hashSessionToken(token)), gt(sessions.expiresAt, now)));
    if (!row || row.user.disabledAt) return undefined;
    const { id, csrfToken, expiresAt } = row.session;
    return { session: { id, csrfToken, expiresAt }, user: toUser(row.user) };
  }

  async delete(sessionId: string): Promise<void> {
    await this.ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
  }

  /** Ends every session of a user (disabled account, new password). */
  async deleteForUser(userId: number): Promise<void> {
    await this.ctx.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.ctx.db.delete(sessions).where(lt(sessions.expiresAt, now));
  }
}
