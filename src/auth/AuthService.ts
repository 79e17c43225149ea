// Logging in and out of the console: password check, lockout after repeated
// failures, and sessions with their CSRF token.
import type { DbContext } from '../storage/DbContext.js';
import { verifyAgainstNothing, verifyPassword } from './passwords.js';
import { type Session, SessionRepository } from './SessionRepository.js';
import { type User, UserRepository } from './UserRepository.js';

export const maxFailedLogins = 5;
export const lockoutMs = 15 * 60_000;
/** A working day plus margin; the volunteer logs in again the next day. */
export const sessionMs = 12 * 3_600_000;

export type LoginResult =
  | { ok: true; user: User; token: string; session: Session }
  | { ok: false; reason: 'invalid' | 'locked'; userId?: number };

export class AuthService {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;

  constructor(private readonly ctx: DbContext) {
    this.users = new UserRepository(ctx);
    this.sessions = new SessionRepository(ctx);
  }

  async login(email: string, password: string, now = new Date()): Promise<LoginResult> {
    const row = await this.users.findForLogin(email);
    if (!row || row.disabledAt) {
      await verifyAgainstNothing(password);
      return { ok: false, reason: 'invalid' };
    }
    if (row.lockedUntil && row.lockedUntil > now) {
      // Not even a right password opens a locked account, and trying does not extend the lock.
      await verifyAgainstNothing(password);
      return { ok: false, reason: 'locked', userId: row.id };
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      const { lockedUntil } = await this.users.recordFailedLogin(row.id, maxFailedLogins, new Date(now.getTime() + lockoutMs));
      const locked = lockedUntil !== null && lockedUntil > now;
      return { ok: false, reason: locked ? 'locked' : 'invalid', userId: row.id };
    }
    return this.ctx.transaction(async () => {
      await this.users.clearFailedLogins(row.id);
      await this.sessions.deleteExpired(now);
      const { token, session } = await this.sessions.create(row.id, new Date(now.getTime() + sessionMs));
      const user = await this.users.get(row.id);
      if (!user) return { ok: false, reason: 'invalid' } as const;
      return { ok: true, user, token, session } as const;
    });
  }

  async resolve(token: string, now = new Date()): Promise<{ session: Session; user: User } | undefined> {
    return this.sessions.resolve(token, now);
  }

  async logout(session: Session): Promise<void> {
    await this.sessions.delete(session.id);
  }
}
