// "When can you come?": the next free slots of the tenant's schedule (at most
// five), or the person's own words for a volunteer when none suits or exist.
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { formatSlotTime } from '../../src/appointments/formatWhen.js';
import { getTurnInfo } from '../turnInfo.js';
import { type AppointmentDialogPorts, keepStepValue, parseState, stepValue, tenantOf } from './appointmentState.js';
import { choicePrompt, NUMBERED_PROMPT, textPrompt } from './choicePrompt.js';
import { answerText, choiceIndex } from './NumberedPrompt.js';

const offeredSchema = z.array(z.object({ start: z.string(), locationId: z.string() }));

/** What this step decides: a slot, or a preferred time in the person's words. */
export interface WhenResult {
  slotStart: string | null;
  locationId?: string;
  preferredTime: string | null;
}

export class WhenSteps {
  static readonly id = 'appointment.when';

  constructor(private readonly ports: AppointmentDialogPorts) {}

  dialog(): WaterfallDialog {
    return new WaterfallDialog(WhenSteps.id, [this.offer.bind(this), this.afterOffer.bind(this), this.afterOther.bind(this)]);
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t, appointments, content } = this.ports;
    const state = parseState(step.options);
    keepStepValue(step, 'offered', []);
    if (state.noTimes) return step.prompt(NUMBERED_PROMPT, textPrompt([t(locale, 'appointment:when.askOther')]));
    const slots = await appointments.openSlots(state.tenantKey, { locationId: state.locationId ?? undefined });
    if (slots.length === 0) {
      return step.prompt(NUMBERED_PROMPT, textPrompt([t(locale, 'appointment:when.none'), t(locale, 'appointment:when.askOther')]));
    }
    keepStepValue(step, 'offered', slots.map((slot) => ({ start: slot.start.toISOString(), locationId: slot.locationId })));
    const labels = [...slots.map((slot) => formatSlotTime(slot.start, locale, appointments.timeZone)), t(locale, 'appointment:when.other')];
    const lines = [t(locale, 'appointment:when.ask'), tenantOf(content, state).schedule.sample ? t(locale, 'appointment:sample') : ''];
    // Own words count too: "tuesday afternoon" is a preferred time, as if "another time" was picked.
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, lines, labels, true));
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const offered = offeredSchema.parse(stepValue(step, 'offered'));
    const text = answerText(step.result);
    if (text !== undefined) return step.endDialog(preferred(text));
    const picked = offered[choiceIndex(step.result) ?? offered.length];
    if (picked) {
      const result: WhenResult = { slotStart: picked.start, locationId: picked.locationId, preferredTime: null };
      return step.endDialog(result);
    }
    return step.prompt(NUMBERED_PROMPT, textPrompt([this.ports.t(locale, 'appointment:when.askOther')]));
  }

  private async afterOther(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(preferred(answerText(step.result) ?? ''));
  }
}

function preferred(text: string): WhenResult {
  return { slotStart: null, preferredTime: text };
}
