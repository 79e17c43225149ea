// /console/users (admins, and coordinators for volunteers of their own tenants)
// and /console/audit (admins).
import express, { type Request } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app/AppServices.js';
import { authOf, requireRole } from '../auth/middleware.js';
import { hashPassword, minPasswordLength } from '../auth/passwords.js';
import { SessionRepository } from '../auth/SessionRepository.js';
import { type Role, roles, roleSchema, tenantKeySchema, type User, type UserChanges, UserRepository } from '../auth/UserRepository.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { AuditLog } from '../handoff/AuditLog.js';
import { renderAuditPage, renderUserPage, renderUsersPage } from './adminViews.js';
import { parseBody, parseId } from './threadAccess.js';
import { createView } from './view.js';

const listOf = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const blank = (value: unknown) => (value === '' ? undefined : value);

const userFields = {
  displayName: z.preprocess(blank, z.string().trim().max(100).optional()),
  role: roleSchema,
  tenants: z.preprocess(listOf, z.array(tenantKeySchema)),
};
const createSchema = z.object({ ...userFields, email: z.email().max(320), password: z.string().min(minPasswordLength).max(1000) });
const updateSchema = z.object({
  ...userFields,
  password: z.preprocess(blank, z.string().min(minPasswordLength).max(1000).optional()),
  disabled: z.preprocess(blank, z.literal('1').optional()),
  unlock: z.preprocess(blank, z.literal('1').optional()),
});

/** Admins manage everyone; a coordinator only volunteers wholly inside their own tenants. */
export function mayManage(actor: User, target: { role: Role; tenants: readonly string[] }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && target.role === 'volunteer' && target.tenants.every((tenant) => actor.tenants.includes(tenant));
}

export function createAdminRoutes(services: AppServices): express.Router {
  const router = express.Router();
  const users = new UserRepository(services.ctx);
  const sessions = new SessionRepository(services.ctx);
  const audit = new AuditLog(services.ctx);
  const managers = requireRole('admin', 'coordinator');

  const pageModel = async (req: Request, extra: { error?: string; done?: string } = {}) => {
    const { user } = authOf(req);
    const tenantKeys = user.role === 'admin' ? [...services.content.tenants.keys()] : user.tenants;
    return {
      users: (await users.list()).filter((candidate) => candidate.id === user.id || mayManage(user, candidate)),
      tenants: tenantKeys.map((key) => ({ key, name: services.content.tenants.get(key)?.tenant.name ?? key })),
      roles: user.role === 'admin' ? roles : (['volunteer'] as const),
      now: new Date(),
      ...extra,
    };
  };
  const viewOf = (req: Request) => createView(services, req, { user: authOf(req).user, csrf: authOf(req).session.csrfToken });

  router.get('/users', managers, async (req, res) => {
    const done = req.query.done === 'created' ? 'users.created' : req.query.done === 'saved' ? 'users.saved' : undefined;
    res.type('html').send(renderUsersPage(viewOf(req), await pageModel(req, done ? { done } : {})));
  });

  router.post('/users', managers, async (req, res) => {
    const { user } = authOf(req);
    const form = parseBody(createSchema, req.body);
    const tenants = form.role === 'admin' ? [] : form.tenants;
    if (!mayManage(user, { role: form.role, tenants })) throw new ForbiddenError('may not create this account');
    const created = await users.create({ email: form.email, passwordHash: await hashPassword(form.password), role: form.role, tenants, displayName: form.displayName ?? null });
    if (!created) {
      res.status(409).type('html').send(renderUsersPage(viewOf(req), await pageModel(req, { error: 'users.emailTaken' })));
      return;
    }
    await audit.record({ userId: user.id, action: 'user.create', details: { target: created.id, role: created.role, tenants: tenants.join(',') } });
    res.redirect(303, '/console/users?done=created');
  });

  const managedTarget = async (req: Request): Promise<User> => {
    const { user } = authOf(req);
    const target = await users.get(parseId(req.params.id));
    if (!target || (target.id !== user.id && !mayManage(user, target))) throw new NotFoundError('user not found');
    return target;
  };

  router.get('/users/:id', managers, async (req, res) => {
    const target = await managedTarget(req);
    res.type('html').send(renderUserPage(viewOf(req), { ...(await pageModel(req)), target, self: target.id === authOf(req).user.id }));
  });

  router.post('/users/:id', managers, async (req, res) => {
    const { user } = authOf(req);
    const target = await managedTarget(req);
    const form = parseBody(updateSchema, req.body);
    const self = target.id === user.id;
    // Nobody demotes or disables themselves: the last admin could lock everyone out.
    const role = self ? target.role : form.role;
    const tenants = role === 'admin' ? [] : form.tenants;
    if (!self && !mayManage(user, { role, tenants })) throw new ForbiddenError('may not give this access');
    const changes: UserChanges = { role, tenants: self && user.role !== 'admin' ? target.tenants : tenants, displayName: form.displayName ?? null };
    if (!self) changes.disabledAt = form.disabled ? (target.disabledAt ?? new Date()) : null;
    if (form.unlock) changes.lockedUntil = null;
    if (form.password) changes.passwordHash = await hashPassword(form.password);
    await users.update(target.id, changes);
    if (changes.disabledAt || form.password) await sessions.deleteForUser(target.id);
    await audit.record({ userId: user.id, action: 'user.update', details: { target: target.id, role, tenants: (changes.tenants ?? []).join(','), disabled: Boolean(changes.disabledAt), password: Boolean(form.password) } });
    res.redirect(303, '/console/users?done=saved');
  });

  router.get('/audit', requireRole('admin'), async (req, res) => {
    const query = z.object({ before: idSchemaOptional, thread: idSchemaOptional }).parse(req.query);
    const entries = await audit.list({ beforeId: query.before, threadId: query.thread, limit: 100 });
    const last = entries.at(-1);
    res.type('html').send(renderAuditPage(viewOf(req), entries, entries.length === 100 && last ? last.id : undefined));
  });

  return router;
}

const idSchemaOptional = z.coerce.number().int().positive().optional().catch(undefined);
