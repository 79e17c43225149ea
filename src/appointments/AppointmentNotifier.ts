// Tells the person about their appointment in their own language: changes made
// in the console, and reminders. Everything goes through the outbound queue, in
// the caller's transaction; outside WhatsApp's window a template goes first.
import type { ContentTree } from '../content/loadContentTree.js';
import { type Locale, localeSchema } from '../content/schema.js';
import type { Translator } from '../i18n/createTranslator.js';
import type { Logger } from '../logger.js';
import type { DeliveryPlan, OutboundQueue, WhatsAppTemplate } from '../outbound/OutboundQueue.js';
import type { Contact, Conversation } from '../storage/ContactRepository.js';
import type { Appointment, ReminderKind } from './AppointmentRepository.js';
import { formatSlotTime } from './formatWhen.js';

export type NoticeKind = 'confirmed' | 'moved' | 'cancelled';

export interface NotifierSettings {
  timeZone: string;
  defaultLocale: Locale;
  /** Approved WhatsApp template for reminders outside the 24-hour window. */
  reminderTemplateSid: string | undefined;
  /** The general template that reopens the window for other messages. */
  noticeTemplateSid: string | undefined;
}

export interface NotifierDeps {
  /** The person and the conversation to write to. */
  conversationOf(contactId: number): Promise<{ contact: Contact; conversation: Conversation } | undefined>;
  outbound: OutboundQueue;
  translator: Translator;
  content: () => ContentTree;
  settings: NotifierSettings;
  logger: Logger;
}

/** The when and where of an appointment as the person reads them. */
export interface AppointmentWords {
  when: string;
  where: string;
  /** The sample warning, or '' for a real schedule. */
  sampleNote: string;
}

export class AppointmentNotifier {
  constructor(private readonly deps: NotifierDeps) {}

  localeOf(contactLocale: string | null): Locale {
    const parsed = localeSchema.safeParse(contactLocale);
    return parsed.success ? parsed.data : this.deps.settings.defaultLocale;
  }

  describe(appointment: Appointment, locale: Locale): AppointmentWords {
    const { translator, settings } = this.deps;
    const tenant = this.deps.content().tenants.get(appointment.tenantKey);
    const location = tenant?.schedule.locations.find((candidate) => candidate.id === appointment.locationId);
    const when = appointment.slotStart ? formatSlotTime(appointment.slotStart, locale, settings.timeZone) : (appointment.preferredTime ?? '');
    const where = location ? [location.name, location.address].filter(Boolean).join(', ') : (tenant?.tenant.name ?? '');
    const sampleNote = tenant?.schedule.sample && appointment.slotStart ? translator.t(locale, 'appointment:sample') : '';
    return { when, where, sampleNote };
  }

  /** A change a volunteer made: confirmed, moved or cancelled. */
  async notify(appointment: Appointment, kind: NoticeKind): Promise<DeliveryPlan | undefined> {
    const keys = kind === 'cancelled' ? [`notice.${kind}`] : [`notice.${kind}`, 'howToCancel'];
    return this.send(appointment, keys, () => this.noticeTemplate(appointment));
  }

  async remind(appointment: Appointment, kind: ReminderKind): Promise<DeliveryPlan | undefined> {
    const sid = this.deps.settings.reminderTemplateSid;
    const keys = [kind === 'day_before' ? 'reminder.dayBefore' : 'reminder.twoHours', 'reminder.options'];
    // The reminder template carries the time and place itself: {{1}} when, {{2}} where.
    return this.send(appointment, keys, (words) => (sid ? { contentSid: sid, variables: { '1': words.when, '2': words.where } } : this.noticeTemplate(appointment)));
  }

  /** The general template, as the console uses it: {{1}} is who writes, here the organisation. */
  private noticeTemplate(appointment: Appointment): WhatsAppTemplate | undefined {
    const sid = this.deps.settings.noticeTemplateSid;
    const name = this.deps.content().tenants.get(appointment.tenantKey)?.tenant.name ?? 'Spreekuur';
    return sid ? { contentSid: sid, variables: { '1': name } } : undefined;
  }

  private async send(appointment: Appointment, keys: string[], templateFor: (words: AppointmentWords) => WhatsAppTemplate | undefined): Promise<DeliveryPlan | undefined> {
    const { outbound, translator, logger } = this.deps;
    const found = await this.deps.conversationOf(appointment.contactId);
    if (!found) {
      logger.warn({ appointmentId: appointment.id }, 'appointment has no conversation to write to');
      return undefined;
    }
    const locale = this.localeOf(found.contact.locale);
    const words = this.describe(appointment, locale);
    const [first, ...rest] = keys.map((key) => translator.t(locale, `appointment:${key}`, { when: words.when, where: words.where }));
    const text = [first, words.sampleNote, ...rest].filter(Boolean).join('\n');
    const { plan } = await outbound.enqueue(found.contact, found.conversation, { text, sender: 'appointments' }, templateFor(words));
    if (plan.startsWith('blocked')) logger.warn({ appointmentId: appointment.id, plan }, 'appointment message not sent');
    return plan;
  }
}
