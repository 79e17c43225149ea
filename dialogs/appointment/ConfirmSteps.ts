// The summary to confirm, then the booking. When the slot filled up in the
// meantime, the next free slot is offered in a new summary; with none left,
// the person's own words go to a volunteer.
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BookingResult } from '../../src/appointments/AppointmentBooking.js';
import { formatSlotTime } from '../../src/appointments/formatWhen.js';
import { getTurnInfo } from '../turnInfo.js';
import { type AppointmentDialogPorts, type AppointmentDialogResult, type AppointmentState, keepStepValue, parseState, stepValue, tenantOf } from './appointmentState.js';
import { choicePrompt, NUMBERED_PROMPT, textPrompt } from './choicePrompt.js';
import { locationName, summaryLines } from './describeState.js';
import { answerText, choiceIndex } from './NumberedPrompt.js';

export class ConfirmSteps {
  static readonly id = 'appointment.confirm';

  constructor(private readonly ports: AppointmentDialogPorts) {}

  dialog(): WaterfallDialog {
    return new WaterfallDialog(ConfirmSteps.id, [this.summary.bind(this), this.afterSummary.bind(this), this.afterOther.bind(this)]);
  }

  private async summary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t, content, appointments } = this.ports;
    const state = parseState(step.options);
    keepStepValue(step, 'state', state);
    const lines = summaryLines(state, tenantOf(content, state), content, locale, appointments.timeZone, t);
    const labels = [t(locale, 'appointment:summary.yes'), t(locale, 'appointment:summary.no')];
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, lines, labels));
  }

  private async afterSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t } = this.ports;
    const state = parseState(stepValue(step, 'state'));
    if (choiceIndex(step.result) !== 0) {
      await step.context.sendActivity(t(locale, 'appointment:left'));
      return step.endDialog(outcome('left'));
    }
    const booking = await this.book(step, state);
    if (booking.kind !== 'full') return step.endDialog(await this.report(step, state, booking));
    if (booking.next) {
      await step.context.sendActivity(t(locale, 'appointment:full'));
      return step.replaceDialog(ConfirmSteps.id, { ...state, slotStart: booking.next.start.toISOString(), locationId: booking.next.locationId });
    }
    return step.prompt(NUMBERED_PROMPT, textPrompt([t(locale, 'appointment:full'), t(locale, 'appointment:when.none'), t(locale, 'appointment:when.askOther')]));
  }

  private async afterOther(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = { ...parseState(stepValue(step, 'state')), slotStart: null, preferredTime: answerText(step.result) ?? '' };
    const booking = await this.book(step, state);
    if (booking.kind === 'full') throw new Error('a request without a slot cannot be full');
    return step.endDialog(await this.report(step, state, booking));
  }

  private async book(step: WaterfallStepContext, state: AppointmentState): Promise<BookingResult> {
    const { contact } = getTurnInfo(step.context);
    return this.ports.appointments.book({
      contactId: contact.id,
      tenantKey: state.tenantKey,
      topic: state.topic,
      note: state.note,
      locationId: state.locationId,
      slotStart: state.slotStart ? new Date(state.slotStart) : null,
      preferredTime: state.slotStart ? null : state.preferredTime,
      interpreterLocale: state.interpreterLocale,
      name: state.name,
      replaces: state.replaces,
    });
  }

  /** Tells the person what happens next; a request without a time goes to the volunteers' queue. */
  private async report(step: WaterfallStepContext, state: AppointmentState, booking: Exclude<BookingResult, { kind: 'full' }>): Promise<AppointmentDialogResult> {
    const info = getTurnInfo(step.context);
    const { t, appointments } = this.ports;
    const { appointment } = booking;
    if (booking.kind === 'booked' && appointment.slotStart) {
      const tenant = tenantOf(this.ports.content, state);
      const when = formatSlotTime(appointment.slotStart, info.locale, appointments.timeZone);
      const where = locationName(tenant, appointment.locationId);
      const sample = tenant.schedule.sample ? t(info.locale, 'appointment:sample') : '';
      await step.context.sendActivity([t(info.locale, 'appointment:booked', { when, where }), sample, t(info.locale, 'appointment:howToCancel')].filter(Boolean).join('\n'));
      return outcome('booked', appointment.id);
    }
    await this.ports.handoff.handOff({
      contactId: info.contact.id,
      conversationId: info.conversation.id,
      tenantKey: state.tenantKey,
      locale: info.locale,
      topic: state.topic,
      reason: 'appointment-other',
      // For the volunteers, in the console's language; the person's words stay in the appointment.
      summary: t('nl', state.noTimes ? 'appointment:handoff.noTimes' : 'appointment:handoff.other', { id: appointment.id }),
    });
    await step.context.sendActivity(`${t(info.locale, 'appointment:requested')}\n${t(info.locale, 'appointment:howToCancel')}`);
    return outcome('requested', appointment.id);
  }
}

function outcome(kind: AppointmentDialogResult['outcome'], appointmentId?: number): AppointmentDialogResult {
  return appointmentId === undefined ? { outcome: kind } : { outcome: kind, appointmentId };
}
