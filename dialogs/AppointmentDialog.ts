// Books an appointment at the spreekuur, one short question per turn, with
// numbered choices that work on SMS: what it is about, where, when (the next
// free slots, or the person's own words for a volunteer), interpreter, name,
// and a summary to confirm. Any step can be left with a cancel word.
import {
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { bookableLocations } from '../src/appointments/computeSlots.js';
import { isLeaveWord, recogniseReminderReply } from '../src/appointments/recogniseReply.js';
import { ConfirmSteps } from './appointment/ConfirmSteps.js';
import {
  type AppointmentDialogOptions,
  type AppointmentDialogPorts,
  type AppointmentDialogResult,
  type AppointmentState,
  appointmentDialogOptionsSchema,
  keepStepValue,
  parseState,
  stepValue,
  tenantOf,
} from './appointment/appointmentState.js';
import { choicePrompt, NUMBERED_PROMPT } from './appointment/choicePrompt.js';
import { answerText, choiceIndex, NumberedPrompt } from './appointment/NumberedPrompt.js';
import { InterpreterSteps } from './appointment/InterpreterSteps.js';
import { TopicSteps } from './appointment/TopicSteps.js';
import { WhenSteps } from './appointment/WhenSteps.js';
import { DialogIds } from './dialogIds.js';
import { getTurnInfo } from './turnInfo.js';

const FLOW = 'appointment.flow';

export type { AppointmentDialogOptions, AppointmentDialogPorts, AppointmentDialogResult };

export class AppointmentDialog extends ComponentDialog {
  constructor(private readonly ports: AppointmentDialogPorts) {
    super(DialogIds.appointment);
    this.addDialog(new NumberedPrompt(NUMBERED_PROMPT));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.tenantStep.bind(this),
        this.topicStep.bind(this),
        this.whereStep.bind(this),
        this.whenStep.bind(this),
        this.interpreterStep.bind(this),
        this.nameStep.bind(this),
        this.confirmStep.bind(this),
        this.endStep.bind(this),
      ]),
    );
    for (const steps of [new TopicSteps(ports), new WhenSteps(ports), new InterpreterSteps(ports), new ConfirmSteps(ports)]) this.addDialog(steps.dialog());
    this.initialDialogId = FLOW;
  }

  /**
   * For the main dialog, before routing a message: a reply to a reminder
   * ('afzeggen', 'verzetten', or the same in the person's language). Cancels
   * the next appointment, or starts this dialog to pick a new time. Undefined
   * when the text is no such reply or the person has no appointment.
   */
  async handleReminderReply(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const info = getTurnInfo(dc.context);
    const reply = recogniseReminderReply(dc.context.activity.text ?? '', info.locale);
    if (!reply) return undefined;
    const { appointments, t } = this.ports;
    if (reply === 'cancel') {
      const cancelled = await appointments.cancelByPerson(info.contact.id);
      if (!cancelled) return undefined;
      await dc.context.sendActivity(t(info.locale, 'appointment:reply.cancelled'));
      const result: AppointmentDialogResult = { outcome: 'cancelled', appointmentId: cancelled.id };
      return dc.endDialog(result);
    }
    const change = await appointments.startChange(info.contact.id);
    if (!change) return undefined;
    const options: AppointmentDialogOptions = { change };
    return dc.beginDialog(this.id, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    const { locale } = getTurnInfo(innerDc.context);
    if (activity.type === 'message' && isLeaveWord(activity.text ?? '', locale)) {
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(this.ports.t(locale, 'appointment:left'));
      const result: AppointmentDialogResult = { outcome: 'left' };
      return { status: DialogTurnStatus.complete, result };
    }
    return super.onContinueDialog(innerDc);
  }

  /** The municipality decides the schedule; a person who never said which one picks it here. */
  private async tenantStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = getTurnInfo(step.context);
    const { content, t } = this.ports;
    const keys = [...content.tenants.keys()];
    const change = appointmentDialogOptionsSchema.parse(step.options ?? {}).change;
    const known = change?.tenantKey ?? info.tenant?.tenant.key ?? (keys.length === 1 ? keys[0] : undefined);
    if (known) return step.next(known);
    keepStepValue(step, 'tenants', keys);
    const names = keys.map((key) => content.tenants.get(key)?.tenant.name ?? key);
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, info.locale, [t(info.locale, 'tenant.prompt')], names));
  }

  private async topicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const tenantKey = await this.chosenTenant(step);
    const options = appointmentDialogOptionsSchema.parse(step.options ?? {});
    const change = options.change;
    const state: AppointmentState = parseState({ tenantKey, topic: options.topic ?? null, ...change });
    keepStepValue(step, 'state', state);
    if (change) return step.next();
    return step.beginDialog(TopicSteps.id, state);
  }

  private async chosenTenant(step: WaterfallStepContext): Promise<string> {
    if (typeof step.result === 'string') return step.result;
    const keys = z.array(z.string()).parse(stepValue(step, 'tenants'));
    const key = keys[choiceIndex(step.result) ?? 0] ?? keys[0];
    if (!key) throw new Error('the content tree has no tenants');
    await this.ports.contacts?.update(getTurnInfo(step.context).contact.id, { tenantKey: key });
    return key;
  }

  private async whereStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = getTurnInfo(step.context);
    const state = this.state(step);
    if (step.result) Object.assign(state, parseState({ ...state, ...step.result }));
    const locations = bookableLocations(tenantOf(this.ports.content, state).schedule);
    if (locations.length === 0) {
      state.noTimes = true;
      state.locationId = null;
      await step.context.sendActivity(this.ports.t(info.locale, 'appointment:noTimes'));
      return step.next();
    }
    if (locations.some((location) => location.id === state.locationId)) return step.next();
    const [only] = locations;
    if (locations.length === 1 && only) {
      state.locationId = only.id;
      return step.next();
    }
    const labels = locations.map((location) => location.name);
    keepStepValue(step, 'locations', locations.map((location) => location.id));
    return step.prompt(NUMBERED_PROMPT, choicePrompt(this.ports.t, info.locale, [this.ports.t(info.locale, 'appointment:where.ask')], labels));
  }

  private async whenStep(step: WaterfallStepContext<object>): Promise<DialogTurnResult> {
    const state = this.state(step);
    const index = choiceIndex(step.result);
    const ids = z.array(z.string()).safeParse(stepValue(step, 'locations'));
    if (index !== undefined && ids.success) state.locationId = ids.data[index] ?? null;
    return step.beginDialog(WhenSteps.id, state);
  }

  private async interpreterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    Object.assign(state, parseState({ ...state, ...step.result }));
    if (state.replaces !== undefined) return step.next();
    return step.beginDialog(InterpreterSteps.id, state);
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const info = getTurnInfo(step.context);
    if (state.replaces !== undefined) return step.next();
    state.interpreterLocale = parseState({ ...state, interpreterLocale: step.result ?? null }).interpreterLocale;
    const { t } = this.ports;
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, info.locale, [t(info.locale, 'appointment:name.ask')], [t(info.locale, 'appointment:name.skip')], true));
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    // A change keeps the name given before; it was not asked again.
    if (state.replaces === undefined) state.name = answerText(step.result) ?? null;
    return step.beginDialog(ConfirmSteps.id, state);
  }

  private async endStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private state(step: WaterfallStepContext): AppointmentState {
    const state = parseState(stepValue(step, 'state'));
    keepStepValue(step, 'state', state);
    return state;
  }
}
