// Builds the appointment service from the app's services: the one object the
// dialog (as its booking port), the console and the reminder worker share.
import type { AppServices } from '../app/AppServices.js';
import type { Config } from '../config.js';
import { AuditLog } from '../handoff/AuditLog.js';
import { AppointmentDesk } from './AppointmentDesk.js';
import { AppointmentNotifier } from './AppointmentNotifier.js';
import { AppointmentRepository } from './AppointmentRepository.js';
import type { AppointmentSettings } from './AppointmentService.js';

export function appointmentSettingsFrom(config: Config): AppointmentSettings {
  return {
    timeZone: config.TZ_SPREEKUUR,
    defaultLocale: config.DEFAULT_LOCALE,
    reminderTemplateSid: config.TWILIO_REMINDER_TEMPLATE_SID,
    noticeTemplateSid: config.TWILIO_WHATSAPP_TEMPLATE_SID,
    dayBeforeHour: config.REMINDER_DAY_BEFORE_HOUR,
    twoHourReminder: config.REMINDER_TWO_HOURS,
    lookAheadDays: 14,
    minLeadMinutes: 60,
  };
}

export function createAppointmentDesk(
  services: Pick<AppServices, 'config' | 'ctx' | 'outbound' | 'translator' | 'logger' | 'content'>,
  options: { now?: () => Date } = {},
): AppointmentDesk {
  const settings = appointmentSettingsFrom(services.config);
  const repository = new AppointmentRepository(services.ctx);
  const logger = services.logger.child({ module: 'appointments' });
  // A getter, so a content reload reaches the schedule without rebuilding the service.
  const content = () => services.content;
  const notifier = new AppointmentNotifier({
    conversationOf: (contactId) => repository.conversationOf(contactId),
    outbound: services.outbound,
    translator: services.translator,
    content,
    settings,
    logger,
  });
  return new AppointmentDesk({ ctx: services.ctx, repository, audit: new AuditLog(services.ctx), notifier, content, settings, logger, ...(options.now ? { now: options.now } : {}) });
}
