// Looks threads up for a console user: a thread of a tenant they may not see
// answers exactly like one that does not exist (404), by URL and by API alike.
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { canSeeTenant } from '../auth/middleware.js';
import type { User } from '../auth/UserRepository.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Thread, ThreadActor } from '../handoff/HandoffQueue.js';

export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export function parseId(value: unknown): number {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError('no such id');
  return parsed.data;
}

export async function visibleThread(services: AppServices, user: User, threadId: unknown): Promise<Thread> {
  const thread = await services.handoff.get(parseId(threadId));
  if (!thread || !canSeeTenant(user, thread.tenantKey)) throw new NotFoundError('thread not found');
  return thread;
}

/** Coordinators and admins may act on threads another volunteer holds. */
export function actorOf(user: User): ThreadActor {
  return { userId: user.id, override: user.role !== 'volunteer' };
}

export function mayAct(user: User, thread: Thread): boolean {
  return thread.status === 'claimed' && (thread.claimedBy === user.id || user.role !== 'volunteer');
}

/** Parses a form or JSON body, turning problems into a 400 with the field names. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError('invalid form', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}
