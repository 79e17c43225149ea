// Console accounts: volunteers, coordinators and admins, each limited to the
// tenants (municipalities) whose threads they may see.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbContext } from '../storage/DbContext.js';
import { users } from '../storage/schema.js';

export const roles = ['volunteer', 'coordinator', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const tenantKeySchema = z.string().regex(/^[a-z0-9-]+$/, 'tenant keys are lower-case letters, digits and dashes');

export type UserRow = typeof users.$inferSelect;

/** A user as the rest of the code sees it: the role checked, the hash left out. */
export interface User {
  id: number;
  email: string;
  role: Role;
  tenants: string[];
  displayName: string | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  tenants: string[];
  displayName?: string | null;
}

export type UserChanges = Partial<Pick<User, 'role' | 'tenants' | 'displayName' | 'disabledAt' | 'lockedUntil'>> & { passwordHash?: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Rows with a role this version does not know are treated as plain volunteers. */
export function toUser(row: UserRow): User {
  const role = roleSchema.safeParse(row.role);
  return {
    id: row.id,
    email: row.email,
    role: role.success ? role.data : 'volunteer',
    tenants: row.tenants,
    displayName: row.displayName,
    lockedUntil: row.lockedUntil,
    disabledAt: row.disabledAt,
  };
}

export class UserRepository {
  constructor(private readonly ctx: DbContext) {}

  /** Undefined when the e-mail address is taken. */
  async create(user: NewUser): Promise<User | undefined> {
    const [row] = await this.ctx.db
      .insert(users)
      .values({ ...user, email: normalizeEmail(user.email), tenants: [...new Set(user.tenants)] })
      .onConflictDoNothing({ target: users.email })
      .returning();
    return row ? toUser(row) : undefined;
  }

  async get(id: number): Promise<User | undefined> {
    const [row] = await this.ctx.db.select().from(users).where(eq(users.id, id));
    return row ? toUser(row) : undefined;
  }

  /** The row with its password hash, for the login check only. */
  async findForLogin(email: string): Promise<UserRow | undefined> {
    const [row] = await this.ctx.db.select().from(users).where(eq(users.email, normalizeEmail(email)));
    return row;
  }

  async list(): Promise<User[]> {
    const rows = await this.ctx.db.select().from(users).orderBy(asc(users.email));
    return rows.map(toUser);
  }

  /** Active accounts that may see a tenant's threads: the candidates for a transfer. */
  async listForTenant(tenantKey: string): Promise<User[]> {
    const rows = await this.ctx.db
      .select()
      .from(users)
      .where(and(isNull(users.disabledAt), sql`(${users.role} = 'admin' or ${users.tenants} @> ${JSON.stringify([tenantKey])}::jsonb)`))
      .orderBy(asc(users.email));
    return rows.map(toUser);
  }

  async update(id: number, changes: UserChanges): Promise<User | undefined> {
    const [row] = await this.ctx.db.update(users).set(changes).where(eq(users.id, id)).returning();
    return row ? toUser(row) : undefined;
  }

  /**
   * Counts a failed login in one statement, so parallel attempts cannot slip
   * past the limit; the failure that reaches it locks the account and starts over.
   */
  async recordFailedLogin(id: number, maxFailures: number, lockUntil: Date): Promise<{ lockedUntil: Date | null }> {
    const [row] = await this.ctx.db
      .update(users)
      .set({
        failedLogins: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then 0 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, id))
      .returning({ lockedUntil: users.lockedUntil });
    return { lockedUntil: row?.lockedUntil ?? null };
  }

  async clearFailedLogins(id: number): Promise<void> {
    await this.ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
  }
}
