// The one ActivityHandler. For every message: understand it (language first,
// emergencies before anything else), apply whole-message commands, keep an
// open volunteer thread in charge, and otherwise let the dialogs answer.
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type Dialog, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { type Command, type CommandWords, matchCommand } from '../../dialogs/commands.js';
import { DialogIds } from '../../dialogs/dialogIds.js';
import type { BotPorts } from '../../dialogs/ports.js';
import { type Session, parseSession } from '../../dialogs/session.js';
import { getTurnInfo } from '../../dialogs/turnInfo.js';
import type { MainDialog } from '../../dialogs/MainDialog.js';
import type { Locale } from '../content/schema.js';

export class SpreekuurBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly ports: BotPorts,
    private readonly conversationState: ConversationState,
    private readonly session: StatePropertyAccessor<Session>,
    mainDialog: MainDialog,
    private readonly commandWords: CommandWords,
  ) {
    super();
    this.dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    this.dialogs.add(mainDialog as Dialog);
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Runs the turn and saves the conversation state (in the turn's transaction). */
  override async run(context: TurnContext): Promise<void> {
    const stored = await this.session.get(context, { welcomed: false, choices: [], lowConfidenceStreak: 0 });
    await this.session.set(context, parseSession(stored));
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const info = getTurnInfo(context);
    const text = context.activity.text ?? '';
    const session = await this.session.get(context, parseSession({}));
    const route = this.ports.route(text, {
      conversationLang: info.contact.locale ? info.locale : undefined,
      chosenLang: info.contact.localeChosen ? info.locale : undefined,
      ...(info.tenant ? { tenantKey: info.tenant.tenant.key } : {}),
      ...(session.lastTopic ? { previousTopic: session.lastTopic } : {}),
    });
    const command = matchCommand(text, this.commandWords);
    // A command word tells the language only when it belongs to one language ("taal", not "stop").
    const commandLang = command && 'locales' in command && command.locales.length === 1 ? command.locales[0] : undefined;
    const understood = command && !info.contact.localeChosen ? { ...route, lang: commandLang ?? info.locale, langDecided: commandLang !== undefined } : route;
    info.understanding = understood;
    info.route = { lang: understood.lang, topic: route.topic, action: route.action, confidence: route.confidence };
    await this.adoptLanguage(context);

    if (info.contact.optedOutAt && command?.kind !== 'start') return;
    if (command?.kind === 'stop' || command?.kind === 'start') return this.setSubscribed(context, command.kind === 'start');
    if (command?.kind === 'switch-language') {
      await this.chooseLanguage(context, command.locale);
      return this.restart(context, { kind: 'menu', locales: [] });
    }

    // Only the emergency lexicon interrupts a running dialog or a volunteer thread; a
    // classifier's guess at an emergency topic does not (names and "ja" are not emergencies).
    const emergency = route.reason === 'emergency';
    const threadId = await this.ports.handoff.activeThreadId(info.contact.id);
    if (threadId !== undefined && !emergency) {
      await this.ports.handoff.touch(info.contact.id);
      if (command?.kind === 'menu') {
        await this.ports.handoff.handBack(threadId);
        return this.restart(context, command);
      }
      if (command?.kind !== 'language' && session.ackedThreadId !== threadId) {
        session.ackedThreadId = threadId;
        await context.sendActivity(this.ports.t(info.locale, 'handoff.added'));
      }
      if (command?.kind !== 'language') return;
    }
    if (emergency || command) return this.restart(context, command);

    const dialogContext = await this.dialogs.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(DialogIds.main, {});
  }

  /** Interrupts whatever dialog was running and lets the main dialog handle the turn. */
  private async restart(context: TurnContext, command: Command | undefined): Promise<void> {
    const dialogContext = await this.dialogs.createContext(context);
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(DialogIds.main, command ? { command } : {});
  }

  /** The router's language becomes the conversation's, unless the person chose one. */
  private async adoptLanguage(context: TurnContext): Promise<void> {
    const info = getTurnInfo(context);
    const route = info.understanding;
    if (info.contact.localeChosen || !route || !route.langDecided) {
      if (route && !info.contact.localeChosen) info.locale = route.lang;
      if (!info.contact.locale) {
        await this.ports.contacts.update(info.contact.id, { locale: info.locale });
        info.contact = { ...info.contact, locale: info.locale };
      }
      return;
    }
    if (route.lang !== info.contact.locale) {
      await this.ports.contacts.update(info.contact.id, { locale: route.lang });
      info.contact = { ...info.contact, locale: route.lang };
    }
    info.locale = route.lang;
  }

  private async chooseLanguage(context: TurnContext, locale: Locale): Promise<void> {
    const info = getTurnInfo(context);
    await this.ports.contacts.update(info.contact.id, { locale, localeChosen: true });
    info.contact = { ...info.contact, locale, localeChosen: true };
    info.locale = locale;
    await context.sendActivity(this.ports.t(locale, 'language.changed'));
  }

  private async setSubscribed(context: TurnContext, subscribed: boolean): Promise<void> {
    const info = getTurnInfo(context);
    if (subscribed) {
      await this.ports.contacts.update(info.contact.id, { optedOutAt: null });
      info.contact = { ...info.contact, optedOutAt: null };
      await context.sendActivity(this.ports.t(info.locale, 'stop.restarted'));
      return;
    }
    // The confirmation is queued before the opt-out takes effect.
    await context.sendActivity(this.ports.t(info.locale, 'stop.confirmed'));
    await this.ports.contacts.update(info.contact.id, { optedOutAt: this.ports.now() });
  }
}
