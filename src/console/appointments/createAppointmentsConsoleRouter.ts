// The console's appointments: requests and upcoming appointments of the
// tenants a volunteer may see, confirm / move / cancel (each told to the
// person), attendance for coordinators, and the printable day list with ICS.
// Mounted by the app at /console/appointments.
import express, { type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppServices } from '../../app/AppServices.js';
import { projectPath } from '../../app/projectPath.js';
import { type DayList, SlotFullError } from '../../appointments/AppointmentDesk.js';
import { buildIcs, type IcsEvent } from '../../appointments/buildIcs.js';
import { createAppointmentDesk } from '../../appointments/createAppointmentDesk.js';
import { addDays, isoDay, localDateOf, parseIsoDay, zonedInstant } from '../../time/zonedTime.js';
import { authOf, requireCsrf, requireRole, requireSession, visibleTenants } from '../../auth/middleware.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { createView } from '../view.js';
import { type AppointmentsView, renderDayPage, renderListPage } from './appointmentsView.js';

const BASE = '/console/appointments';
const noticeKeys = ['done', 'saved', 'full', 'conflict'] as const;

const tenantKeySchema = z.string().regex(/^[a-z0-9-]+$/);
const listQuerySchema = z.object({
  tenant: tenantKeySchema.optional().catch(undefined),
  notice: z.enum(noticeKeys).optional().catch(undefined),
});
const dayQuerySchema = z.object({
  tenant: tenantKeySchema,
  date: z.string().transform((value, ctx) => {
    const date = parseIsoDay(value);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: 'use YYYY-MM-DD' });
    return z.NEVER;
  }),
  notice: z.enum(noticeKeys).optional().catch(undefined),
});
const idSchema = z.coerce.number().int().positive();
/** Only back to a page of this router: an open redirect would be a phishing aid. */
const backSchema = z
  .string()
  .regex(/^\/console\/appointments(?:[/?][^\s]*)?$/)
  .refine((value) => !value.includes('//'))
  .catch(BASE);
const moveSchema = z.object({
  slot: z
    .string()
    .regex(/^[a-z0-9-]+@\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .transform((value) => {
      const at = value.indexOf('@');
      return { locationId: value.slice(0, at), slotStart: new Date(value.slice(at + 1)) };
    }),
});
const attendanceSchema = z.object({ outcome: z.enum(['attended', 'no_show']) });
const backOnlySchema = z.object({ back: backSchema });

export function createAppointmentsConsoleRouter(services: AppServices): express.Router {
  const router = express.Router();
  const desk = createAppointmentDesk(services);

  router.use('/assets', express.static(projectPath('src/console/appointments/assets'), { fallthrough: false, maxAge: '1h' }));
  router.use(requireSession(services));
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));
  router.use(requireCsrf);

  router.get('/', async (req, res) => {
    const query = listQuerySchema.parse(req.query);
    const tenants = tenantsOf(services, req);
    const shown = query.tenant && tenants.includes(query.tenant) ? [query.tenant] : tenants;
    const now = new Date();
    const appointments = await desk.list(shown, startOfToday(services, now), new Date(now.getTime() + 28 * 86_400_000));
    const openSlots = new Map(await Promise.all(shown.map(async (key) => [key, await desk.openSlots(key, { limit: 20 })] as const)));
    const notice = query.notice ? { kind: query.notice === 'full' || query.notice === 'conflict' ? ('error' as const) : ('info' as const), key: query.notice } : undefined;
    res.type('html').send(renderListPage(pageView(services, req, now), { tenants, tenant: query.tenant, appointments, openSlots, notice }));
  });

  router.get('/day', async (req, res) => {
    const { tenant, date, notice } = parseDay(req);
    requireTenant(services, req, tenant);
    const day = await desk.dayList(tenant, date);
    const sample = services.content.tenants.get(tenant)?.schedule.sample ?? false;
    const model = { tenant, day, previous: addDays(date, -1), next: addDays(date, 1), sample, notice: notice ? { kind: 'info' as const, key: notice } : undefined };
    res.type('html').send(renderDayPage(pageView(services, req, new Date()), model));
  });

  router.get('/day.ics', async (req, res) => {
    const { tenant, date } = parseDay(req);
    requireTenant(services, req, tenant);
    const ics = buildIcs(dayEvents(services, tenant, await desk.dayList(tenant, date)), { name: `Spreekuur ${services.content.tenants.get(tenant)?.tenant.name ?? tenant} ${isoDay(date)}`, now: new Date() });
    res.set('Content-Disposition', `attachment; filename="spreekuur-${tenant}-${isoDay(date)}.ics"`).type('text/calendar; charset=utf-8').send(ics);
  });

  const act = (path: string, apply: (req: Request, id: number, userId: number) => Promise<unknown>, ...guards: RequestHandler[]) => {
    router.post(`/:id/${path}`, ...guards, async (req: Request, res: Response) => {
      const id = idSchema.parse(req.params.id);
      const { user } = authOf(req);
      await desk.getVisible(id, tenantsOf(services, req));
      const { back } = backOnlySchema.parse(req.body ?? {});
      const outcome = await apply(req, id, user.id).then(
        () => (path === 'attendance' ? 'saved' : 'done'),
        (error: unknown) => {
          if (error instanceof SlotFullError) return 'full';
          if (error instanceof ConflictError) return 'conflict';
          throw error;
        },
      );
      res.redirect(303, withNotice(back, outcome));
    });
  };
  act('confirm', (_req, id, userId) => desk.confirm(id, userId));
  act('cancel', (_req, id, userId) => desk.cancel(id, userId));
  act('move', (req, id, userId) => desk.move(id, parseBody(moveSchema, req).slot, userId));
  act('attendance', (req, id, userId) => desk.markAttendance(id, parseBody(attendanceSchema, req).outcome, userId), requireRole('coordinator', 'admin'));

  return router;
}

function tenantsOf(services: AppServices, req: Request): string[] {
  const scope = visibleTenants(authOf(req).user);
  return scope === 'all' ? [...services.content.tenants.keys()] : [...scope];
}

/** A tenant the user may not see looks like one that does not exist. */
function requireTenant(services: AppServices, req: Request, tenant: string): void {
  if (!tenantsOf(services, req).includes(tenant)) throw new ValidationError(`unknown tenant ${tenant}`);
}

function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new ValidationError('invalid form', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return parsed.data;
}

function parseDay(req: Request) {
  const parsed = dayQuerySchema.safeParse(req.query);
  if (!parsed.success) throw new ValidationError('tenant and date (YYYY-MM-DD) are required', parsed.error.issues.map((issue) => issue.message));
  return parsed.data;
}

function pageView(services: AppServices, req: Request, now: Date): AppointmentsView {
  const { user, session } = authOf(req);
  const view = createView(services, req, { user, csrf: session.csrfToken });
  return {
    view,
    tc: (key, values) => services.translator.t(view.locale, `appointment:console.${key}`, values),
    content: services.content,
    canMark: user.role === 'coordinator' || user.role === 'admin',
    now,
    back: req.originalUrl.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, ''),
  };
}

function startOfToday(services: AppServices, now: Date): Date {
  return zonedInstant(localDateOf(now, services.config.TZ_SPREEKUUR), '00:00', services.config.TZ_SPREEKUUR);
}

function withNotice(back: string, notice: string): string {
  const clean = back.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return `${clean}${clean.includes('?') ? '&' : '?'}notice=${notice}`;
}

/** Calendar events without names or the person's words: topic title, interpreter language and status only. */
function dayEvents(services: AppServices, tenantKey: string, day: DayList): IcsEvent[] {
  const t = (key: string, values?: Record<string, string | number>) => services.translator.t('nl', `appointment:console.${key}`, values);
  const tenant = services.content.tenants.get(tenantKey);
  return day.slots.flatMap((group) => {
    const location = tenant?.schedule.locations.find((candidate) => candidate.id === group.locationId);
    const end = group.slot?.end ?? new Date(group.start.getTime() + 30 * 60_000);
    return group.appointments
      .filter((appointment) => appointment.status !== 'cancelled')
      .map((appointment) => ({
        uid: `appointment-${appointment.id}@spreekuur`,
        start: group.start,
        end,
        summary: t('icsSummary', { id: appointment.id }),
        location: [location?.name, location?.address].filter(Boolean).join(', '),
        description: [
          `${t('status')}: ${t(`statuses.${appointment.status}`)}`,
          appointment.interpreterLocale ? `${t('interpreter')}: ${appointment.interpreterLocale}` : '',
          appointment.topic ? `${t('about')}: ${appointment.topic}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      }));
  });
}
