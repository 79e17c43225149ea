// The conversation's main flow for one message: numbered choices, commands,
// attachments and free text routed to an answer, a question back, an
// appointment or a volunteer. Sub-dialogs (afval, appointment) take over
// when a topic needs more than one turn.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext, WaterfallDialog } from 'botbuilder-dialogs';
import type { Action, ContentNode } from '../src/content/schema.js';
import type { Command } from './commands.js';
import { DialogIds } from './dialogIds.js';
import { HandoffSteps } from './HandoffSteps.js';
import type { BotPorts } from './ports.js';
import { answerReply, areaMenu, type Labelled, languagePicker, mainMenu, tenantPicker, toActivity, unsureReply } from './replies.js';
import { type Choice, type Session, choiceSchema, parseChoiceNumber } from './session.js';
import { z } from 'zod';

const childResultSchema = z.object({ choices: z.array(choiceSchema) });
import { getTurnInfo } from './turnInfo.js';

export interface ReminderReplyHandler {
  handleReminderReply(dc: DialogContext): Promise<DialogTurnResult | undefined>;
}

export interface MainDialogOptions {
  /** A command the bot recognised before the dialogs ran. */
  command?: Command;
}

const menuReasons: ReadonlySet<string> = new Set(['empty', 'smalltalk']);

/** Short greetings and the like: show the menu rather than guesses. */
const MAX_TOKENS_FOR_MENU = 2;

export class MainDialog extends ComponentDialog {
  private readonly handoff: HandoffSteps;

  constructor(
    private readonly ports: BotPorts,
    private readonly session: StatePropertyAccessor<Session>,
    children: Dialog[],
    /** Recognises "cancel"/"change" answers to an appointment reminder. */
    private readonly reminderReplies?: ReminderReplyHandler,
  ) {
    super(DialogIds.main);
    this.handoff = new HandoffSteps(ports);
    for (const child of children) this.addDialog(child);
    this.addDialog(new WaterfallDialog(DialogIds.mainLoop, [this.handleStep.bind(this), this.afterChildStep.bind(this)]));
    this.initialDialogId = DialogIds.mainLoop;
  }

  private async handleStep(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    const session = await this.session.get(context, { welcomed: false, choices: [], lowConfidenceStreak: 0 });
    const text = (context.activity.text ?? '').trim();
    const command = step.options?.command;

    // The emergency numbers go first, before any welcome.
    if (info.understanding?.reason === 'emergency') {
      const node = info.understanding.topic ? this.nodeForTopic(info.understanding.topic) : undefined;
      await this.handoff.emergency(context, node);
      if (!session.welcomed) {
        session.welcomed = true;
        await context.sendActivity(this.ports.t(info.locale, 'privacy'));
      }
      return step.endDialog();
    }
    if (!session.welcomed) {
      session.welcomed = true;
      await context.sendActivity(`${this.ports.t(info.locale, 'welcome')}\n\n${this.ports.t(info.locale, 'privacy')}`);
    }
    if (command?.kind === 'menu') return this.finish(step, this.show(context, session, mainMenu(this.ports.content, info.locale, this.ports.t)));
    if (command?.kind === 'language') return this.finish(step, this.show(context, session, languagePicker(info.locale, this.ports.t)));

    const attachments = context.activity.attachments ?? [];
    if (attachments.length > 0) return this.finish(step, this.handoff.forAttachments(context, attachments.map((item) => item.contentType)));

    const reminderReply = await this.reminderReplies?.handleReminderReply(step);
    if (reminderReply) return reminderReply;

    const number = parseChoiceNumber(text);
    if (number !== undefined) {
      const choice = session.choices[number - 1];
      if (choice) return this.choose(step, session, choice);
      return this.finish(step, this.show(context, session, mainMenu(this.ports.content, info.locale, this.ports.t)));
    }
    return this.understand(step, session);
  }

  /** Free text: act on what the router made of it. */
  private async understand(step: WaterfallStepContext, session: Session): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    const route = info.understanding;
    // Greetings, thanks and the like get the menu, not a guess.
    if (!route || menuReasons.has(route.reason)) {
      if (context.activity.channelData?.location) await context.sendActivity(this.ports.t(info.locale, 'media.location'));
      return this.finish(step, this.show(context, session, mainMenu(this.ports.content, info.locale, this.ports.t)));
    }
    const node = route.topic ? this.nodeForTopic(route.topic) : undefined;
    switch (route.reason) {
      case 'emergency':
        return this.finish(step, this.handoff.emergency(context, node));
      case 'person':
        return this.finish(step, this.handoff.forRequest(context, 'person', route.topic, node?.action === 'handoff' ? node : this.nodeForTopic('mens.spreken')));
      case 'appointment':
        return this.startAppointment(step, route.topic);
      case 'personal-case':
        session.lowConfidenceStreak = 0;
        return this.finish(step, this.handoff.forRequest(context, 'personal-case', route.topic, undefined));
      case 'low-confidence':
        return this.unsure(step, session, route.alternatives.map((alternative) => alternative.topic));
      default:
        if (!node) return this.unsure(step, session, route.alternatives.map((alternative) => alternative.topic));
        session.lowConfidenceStreak = 0;
        return this.present(step, session, node, route.action);
    }
  }

  private async unsure(step: WaterfallStepContext, session: Session, topics: string[]): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    if (this.isSmallTalk(context.activity.text ?? '')) return this.finish(step, this.show(context, session, mainMenu(this.ports.content, info.locale, this.ports.t)));
    session.lowConfidenceStreak += 1;
    if (session.lowConfidenceStreak >= 2) {
      session.lowConfidenceStreak = 0;
      return this.finish(step, this.handoff.forRequest(context, 'low-confidence', null, undefined));
    }
    return this.finish(step, this.show(context, session, unsureReply(this.ports.content, topics.slice(0, 3), info.locale, this.ports.t)));
  }

  private async choose(step: WaterfallStepContext, session: Session, choice: Choice): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    const { content, t } = this.ports;
    switch (choice.kind) {
      case 'area':
        return this.finish(step, this.show(context, session, areaMenu(content, choice.key, info.locale, t)));
      case 'lang':
        info.locale = choice.locale;
        await this.ports.contacts.update(info.contact.id, { locale: choice.locale, localeChosen: true });
        await context.sendActivity(t(choice.locale, 'language.changed'));
        return this.finish(step, this.show(context, session, mainMenu(content, choice.locale, t)));
      case 'tenant': {
        await this.ports.contacts.update(info.contact.id, { tenantKey: choice.key });
        info.tenant = content.tenants.get(choice.key);
        const next = choice.then ? content.nodes.get(choice.then) : undefined;
        if (next) return this.present(step, session, next);
        return this.finish(step, this.show(context, session, mainMenu(content, info.locale, t)));
      }
      case 'person':
        return this.finish(step, this.handoff.forRequest(context, 'person', choice.topic, this.nodeForTopic('mens.spreken')));
      case 'appointment':
        return this.startAppointment(step, choice.topic);
      case 'afval-address':
        return step.beginDialog(DialogIds.afval, { forceAsk: true });
      case 'node': {
        const node = content.nodes.get(choice.id);
        if (!node) return this.finish(step, this.show(context, session, mainMenu(content, info.locale, t)));
        return this.present(step, session, node);
      }
    }
  }

  /**
   * Shows a node the way its action says, or as the router decided: a routine question
   * about a handoff topic ("is debt help free?") gets the answer with a volunteer offered.
   */
  private async present(step: WaterfallStepContext, session: Session, node: ContentNode, action: Action = node.action): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    session.lastTopic = node.topic;
    if (node.local_facts.length > 0 && !info.tenant && this.ports.content.tenants.size > 1) {
      return this.finish(step, this.show(context, session, tenantPicker(this.ports.content, info.locale, this.ports.t, node.id)));
    }
    switch (action) {
      case 'emergency':
        return this.finish(step, this.handoff.emergency(context, node));
      case 'handoff':
        return this.finish(step, this.handoff.forRequest(context, node.topic === 'mens.spreken' ? 'person' : node.topic === 'post.brief' ? 'letter' : 'personal-case', node.topic, node));
      case 'appointment':
        return this.startAppointment(step, null);
      case 'ask':
        if (this.findDialog(DialogIds.afval) && node.area === 'afval') return step.beginDialog(DialogIds.afval, {});
        return this.finish(step, this.show(context, session, answerReply(this.ports.content, node, info.locale, info.tenant, this.ports.t)));
      case 'answer':
        return this.finish(step, this.show(context, session, answerReply(this.ports.content, node, info.locale, info.tenant, this.ports.t)));
    }
  }

  private async startAppointment(step: WaterfallStepContext, topic: string | null): Promise<DialogTurnResult> {
    if (this.findDialog(DialogIds.appointment)) return step.beginDialog(DialogIds.appointment, { topic });
    return this.finish(step, this.handoff.forRequest(step.context, 'appointment-other', topic, this.nodeForTopic('spreekuur.afspraak')));
  }

  /** A sub-dialog may leave numbered choices behind (e.g. "1 = another address"). */
  private async afterChildStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = childResultSchema.safeParse(step.result);
    const session = await this.session.get(step.context, { welcomed: true, choices: [], lowConfidenceStreak: 0 });
    session.choices = result.success ? result.data.choices : [];
    return step.endDialog();
  }

  private async show(context: TurnContext, session: Session, reply: Labelled): Promise<void> {
    session.choices = reply.choices;
    await context.sendActivity(toActivity(reply, reply.labels));
  }

  private async finish(step: WaterfallStepContext, work: Promise<void>): Promise<DialogTurnResult> {
    await work;
    return step.endDialog();
  }

  private nodeForTopic(topic: string): ContentNode | undefined {
    return this.ports.content.nodes.get(topic) ?? [...this.ports.content.nodes.values()].find((node) => node.topic === topic);
  }

  private isSmallTalk(text: string): boolean {
    return text.split(/\s+/).filter(Boolean).length <= MAX_TOKENS_FOR_MENU;
  }
}
