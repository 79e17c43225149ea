// The bot's one catch-all: a friendly message in the person's language and a
// fresh conversation state, so one bad turn does not trap the person.
import type { BotAdapter, ConversationState } from 'botbuilder';
import { getTurnInfo } from '../../dialogs/turnInfo.js';
import type { Logger } from '../logger.js';

export function installTurnErrorHandler(
  adapter: BotAdapter,
  conversationState: ConversationState,
  t: (locale: string, key: string) => string,
  logger: Logger,
): void {
  adapter.onTurnError = async (context, error) => {
    const info = getTurnInfo(context);
    logger.error({ conversationId: info.conversation.id, messageId: info.messageId, err: error.name, stack: error.stack }, 'turn error');
    await conversationState.delete(context);
    await conversationState.saveChanges(context, true);
    await context.sendActivity(t(info.locale, 'error.generic'));
  };
}
