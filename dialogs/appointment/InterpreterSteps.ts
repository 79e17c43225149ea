// "Do you need an interpreter?": the person's own language first (Dutch
// speakers need none into Dutch), or another from a list of languages by their
// own names. Returns a locale or null.
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type Locale, localeCodes } from '../../src/content/schema.js';
import { languageNames } from '../replies.js';
import { getTurnInfo } from '../turnInfo.js';
import { type AppointmentDialogPorts, parseState, tenantOf } from './appointmentState.js';
import { choicePrompt, NUMBERED_PROMPT } from './choicePrompt.js';
import { choiceIndex } from './NumberedPrompt.js';

export class InterpreterSteps {
  static readonly id = 'appointment.interpreter';

  constructor(private readonly ports: AppointmentDialogPorts) {}

  dialog(): WaterfallDialog {
    return new WaterfallDialog(InterpreterSteps.id, [this.ask.bind(this), this.afterAsk.bind(this), this.afterLanguage.bind(this)]);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t } = this.ports;
    const labels = [t(locale, 'appointment:interpreter.no')];
    if (locale !== 'nl') labels.push(t(locale, 'appointment:interpreter.yes', { language: languageNames[locale] }));
    labels.push(t(locale, 'appointment:interpreter.other'));
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, [t(locale, 'appointment:interpreter.ask')], labels));
  }

  private async afterAsk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t } = this.ports;
    const index = choiceIndex(step.result) ?? 0;
    if (index === 0) return step.endDialog(null);
    if (index === 1 && locale !== 'nl') return step.endDialog(locale);
    const labels = this.languages(step).map((code) => languageNames[code]);
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, [t(locale, 'appointment:interpreter.which')], labels));
  }

  private async afterLanguage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = choiceIndex(step.result);
    return step.endDialog(index === undefined ? null : (this.languages(step)[index] ?? null));
  }

  /** The tenant's interpreter languages when it lists them, else every language the bot speaks but Dutch. */
  private languages(step: WaterfallStepContext): Locale[] {
    const offered = tenantOf(this.ports.content, parseState(step.options)).tenant.languages;
    return (offered.length > 0 ? offered : [...localeCodes]).filter((code) => code !== 'nl');
  }
}
