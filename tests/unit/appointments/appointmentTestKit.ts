// A real appointment service on a test database with a movable clock, an
// in-memory content tree and the real locale files: what the appointment
// tests (service, worker, dialog) share.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppointmentDesk } from '../../../src/appointments/AppointmentDesk.js';
import { AppointmentNotifier, type NotifierDeps } from '../../../src/appointments/AppointmentNotifier.js';
import { AppointmentRepository } from '../../../src/appointments/AppointmentRepository.js';
import type { AppointmentSettings } from '../../../src/appointments/AppointmentService.js';
import { AuditLog } from '../../../src/handoff/AuditLog.js';
import type { ContentTree } from '../../../src/content/loadContentTree.js';
import { contentNodeSchema, scheduleSchema, tenantSchema, wasteSchema } from '../../../src/content/schema.js';
import { createTranslator, type Translator } from '../../../src/i18n/createTranslator.js';
import { createLogger } from '../../../src/logger.js';
import { OutboundQueue } from '../../../src/outbound/OutboundQueue.js';
import { type ChannelName, ContactRepository } from '../../../src/storage/ContactRepository.js';
import { DbContext } from '../../../src/storage/DbContext.js';
import { MessageRepository } from '../../../src/storage/MessageRepository.js';
import { type OutboxItem, OutboxRepository } from '../../../src/storage/OutboxRepository.js';
import { outbox } from '../../../src/storage/schema.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/testDatabase.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
export const localesDir = join(root, 'locales');

/** Monday 2 March 2026, 10:00 in Amsterdam. */
export const monday = new Date('2026-03-02T09:00:00Z');

export const testSchedule: z.input<typeof scheduleSchema> = {
  locations: [{ id: 'buurthuis', name: 'Buurthuis De Brug', address: 'Brugstraat 1' }],
  sessions: [
    { location: 'buurthuis', weekday: 'tuesday', start: '09:00', end: '10:00', capacity: 2, slot_minutes: 30, language_help: ['ar'] },
    { location: 'buurthuis', weekday: 'thursday', start: '13:00', end: '13:30', capacity: 1, slot_minutes: 30 },
  ],
};

export interface KitOptions {
  schedule?: z.input<typeof scheduleSchema>;
  settings?: Partial<AppointmentSettings>;
  /** Reuse a database (a "restart" of the process). */
  database?: TestDatabase;
  /** Replace the notifier (to make it fail). */
  notifier?: (deps: NotifierDeps) => AppointmentNotifier;
}

export interface AppointmentKit {
  test: TestDatabase;
  ctx: DbContext;
  contacts: ContactRepository;
  outbox: OutboxRepository;
  repository: AppointmentRepository;
  desk: AppointmentDesk;
  translator: Translator;
  content: ContentTree;
  clock: { now: Date };
}

export function contentWith(schedule: z.input<typeof scheduleSchema>): ContentTree {
  const tenant = tenantSchema.parse({ key: 'testdorp', name: 'Testdorp', languages: [] });
  const node = contentNodeSchema.parse({
    id: 'toeslagen.huurtoeslag',
    topic: 'toeslagen.huurtoeslag',
    area: 'toeslagen',
    action: 'answer',
    revision: 1,
    review_by: '2027-06-30',
    locales: {
      nl: { status: 'source', title: 'Huurtoeslag', answer: 'Huurtoeslag aanvragen.' },
      ar: { status: 'draft', from_revision: 1, title: 'بدل الإيجار', answer: '...' },
      ti: { status: 'draft', from_revision: 1, title: 'ሓገዝ ክራይ ገዛ', answer: '...' },
    },
  });
  const appointmentNode = contentNodeSchema.parse({
    id: 'spreekuur.afspraak',
    topic: 'spreekuur.afspraak',
    area: 'spreekuur',
    action: 'appointment',
    revision: 1,
    review_by: '2027-06-30',
    locales: { nl: { status: 'source', title: 'Afspraak maken', answer: 'Ik maak een afspraak.' }, uk: { status: 'draft', from_revision: 1, title: 'Записатися на прийом', answer: '...' } },
  });
  return {
    dir: '/nowhere',
    nodes: new Map([
      [node.id, node],
      [appointmentNode.id, appointmentNode],
    ]),
    areas: [],
    tenants: new Map([['testdorp', { tenant, schedule: scheduleSchema.parse(schedule), waste: wasteSchema.parse({}), overrides: new Map(), dir: '/nowhere' }]]),
  };
}

export async function openAppointmentKit(options: KitOptions = {}): Promise<AppointmentKit> {
  const test = options.database ?? (await openTestDatabase());
  const ctx = new DbContext(test.handle.db);
  const contacts = new ContactRepository(ctx);
  const outboxRepository = new OutboxRepository(ctx);
  const outbound = new OutboundQueue(new MessageRepository(ctx), outboxRepository);
  const translator = await createTranslator(localesDir);
  const content = contentWith(options.schedule ?? testSchedule);
  const clock = { now: monday };
  const settings: AppointmentSettings = {
    timeZone: 'Europe/Amsterdam',
    defaultLocale: 'nl',
    reminderTemplateSid: 'HX00000000000000000000000000000001',
    noticeTemplateSid: 'HX00000000000000000000000000000002',
    dayBeforeHour: 18,
    twoHourReminder: false,
    lookAheadDays: 14,
    minLeadMinutes: 60,
    ...options.settings,
  };
  const logger = createLogger('silent');
  const repository = new AppointmentRepository(ctx);
  const deps: NotifierDeps = { conversationOf: (id) => repository.conversationOf(id), outbound, translator, content: () => content, settings, logger };
  const notifier = options.notifier ? options.notifier(deps) : new AppointmentNotifier(deps);
  const desk = new AppointmentDesk({ ctx, repository, audit: new AuditLog(ctx), notifier, content: () => content, settings, logger, now: () => clock.now });
  return { test, ctx, contacts, outbox: outboxRepository, repository, desk, translator, content, clock };
}

let people = 0;

/**
 * A person who wrote to the bot at `lastInboundAt`: by default just now in real
 * time, since the outbound queue judges WhatsApp's window by the real clock.
 */
export async function createPerson(kit: AppointmentKit, options: { locale?: string; channel?: ChannelName; lastInboundAt?: Date | null } = {}) {
  people += 1;
  const channel = options.channel ?? 'whatsapp';
  const { contact, conversation } = await kit.contacts.findOrCreate(channel, `+316${String(process.pid).slice(-3)}${String(people).padStart(5, '0')}`, '+3197010000001');
  const lastInboundAt = options.lastInboundAt === undefined ? new Date() : options.lastInboundAt;
  await kit.contacts.update(contact.id, { locale: options.locale ?? 'nl', tenantKey: 'testdorp', lastInboundAt });
  const updated = await kit.contacts.get(contact.id);
  if (!updated) throw new Error('contact vanished');
  return { contact: updated, conversation };
}

/** What waits in the outbox for one conversation, oldest first. */
export async function outboxOf(kit: AppointmentKit, conversationId: number): Promise<OutboxItem[]> {
  return kit.test.handle.db.select().from(outbox).where(eq(outbox.conversationId, conversationId)).orderBy(asc(outbox.id));
}
