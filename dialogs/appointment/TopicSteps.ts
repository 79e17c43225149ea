// "What is it about?": confirms the topic the conversation was about, or asks
// for a few words (skippable). Returns { topic, note }.
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { getTurnInfo } from '../turnInfo.js';
import { type AppointmentDialogPorts, parseState } from './appointmentState.js';
import { choicePrompt, NUMBERED_PROMPT } from './choicePrompt.js';
import { topicTitle } from './describeState.js';
import { answerText, choiceIndex } from './NumberedPrompt.js';

export class TopicSteps {
  static readonly id = 'appointment.topic';

  constructor(private readonly ports: AppointmentDialogPorts) {}

  dialog(): WaterfallDialog {
    return new WaterfallDialog(TopicSteps.id, [this.confirmTopic.bind(this), this.askWords.bind(this), this.afterWords.bind(this)]);
  }

  private async confirmTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t, content } = this.ports;
    const state = parseState(step.options);
    const title = state.topic ? topicTitle(content, state.topic, locale) : undefined;
    // No topic worth confirming: as if the person said "something else".
    if (!title) return step.next({ kind: 'choice', index: 1 });
    const labels = [t(locale, 'appointment:topic.yes'), t(locale, 'appointment:topic.other')];
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, [t(locale, 'appointment:topic.confirm', { topic: title })], labels));
  }

  private async askWords(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale } = getTurnInfo(step.context);
    const { t } = this.ports;
    if (choiceIndex(step.result) === 0) return step.endDialog({ topic: parseState(step.options).topic, note: null });
    return step.prompt(NUMBERED_PROMPT, choicePrompt(t, locale, [t(locale, 'appointment:topic.ask')], [t(locale, 'appointment:topic.skip')], true));
  }

  private async afterWords(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog({ topic: null, note: answerText(step.result) ?? null });
  }
}
