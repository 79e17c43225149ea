// What the turn middleware knows about the person for this turn: dialogs read
// it from the TurnContext instead of asking storage or the channel.
import type { TurnContext } from 'botbuilder';
import type { ChannelProfile } from '../src/channels/channelProfile.js';
import type { TenantContent } from '../src/content/loadContentTree.js';
import type { Locale } from '../src/content/schema.js';
import type { Contact, Conversation } from '../src/storage/ContactRepository.js';
import type { MessageRoute } from '../src/storage/schema.js';
import type { RouteResult } from '../src/nlu/routeMessage.js';

export interface TurnInfo {
  contact: Contact;
  conversation: Conversation;
  profile: ChannelProfile;
  /** The language to answer in this turn (chosen, detected, or carried over). */
  locale: Locale;
  /** The person's municipality, when known. */
  tenant: TenantContent | undefined;
  /** The stored inbound message this turn answers. */
  messageId: number;
  /** How the bot understood the message, stored with it for reports. */
  route?: MessageRoute;
  /** The router's full result for this turn's text. */
  understanding?: RouteResult;
}

const TURN_INFO = Symbol('spreekuur.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function getTurnInfo(context: TurnContext): TurnInfo {
  const info: unknown = context.turnState.get(TURN_INFO);
  if (!isTurnInfo(info)) throw new Error('turn info missing: the turn middleware did not run');
  return info;
}

function isTurnInfo(value: unknown): value is TurnInfo {
  return typeof value === 'object' && value !== null && 'contact' in value && 'locale' in value;
}
