// Runs the real bot (SpreekuurBot, MainDialog, AfvalDialog, the real content
// tree and router) on botbuilder's TestAdapter, with in-memory ports for
// storage-backed services, so transcripts read like a WhatsApp conversation.
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { AfvalDialog } from '../../dialogs/AfvalDialog.js';
import { buildCommandWords } from '../../dialogs/commands.js';
import { MainDialog } from '../../dialogs/MainDialog.js';
import type { BotPorts } from '../../dialogs/ports.js';
import type { Session } from '../../dialogs/session.js';
import { setTurnInfo } from '../../dialogs/turnInfo.js';
import { SpreekuurBot } from '../../src/bot/SpreekuurBot.js';
import { profileFor } from '../../src/channels/channelProfile.js';
import { type ContentTree, loadContentTree } from '../../src/content/loadContentTree.js';
import type { Locale } from '../../src/content/schema.js';
import { findNextCollections } from '../../src/content/wasteCalendar.js';
import { createTranslator, type Translator } from '../../src/i18n/createTranslator.js';
import { buildRouterIndex, type RouterIndex } from '../../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../../src/nlu/routeMessage.js';
import type { Contact } from '../../src/storage/ContactRepository.js';

export interface Shared {
  content: ContentTree;
  router: RouterIndex;
  translator: Translator;
}

let shared: Promise<Shared> | undefined;

/** Content, router and texts are loaded once per test file. */
export function loadShared(): Promise<Shared> {
  shared ??= (async () => {
    const content = await loadContentTree('content', { useSamples: true });
    return { content, router: buildRouterIndex(content), translator: await createTranslator('locales') };
  })();
  return shared;
}

export interface HandoffRecord {
  reason: string;
  topic: string | null;
  priority: number;
  summary: string;
}

export interface Conversation {
  /** Sends a message; resolves with the bot's replies to it. */
  say(text: string, attachments?: { contentType: string; contentUrl: string }[]): Promise<string[]>;
  contact: Contact;
  handoffs: HandoffRecord[];
}

const priorities: Record<string, number> = { emergency: 1, 'personal-case': 2, letter: 2 };

export async function startConversation(options: { tenant?: string; locale?: Locale; today?: string } = {}): Promise<Conversation> {
  const { content, router, translator } = await loadShared();
  let contact: Contact = {
    id: 1,
    channel: 'whatsapp',
    address: '+31600000000',
    tenantKey: options.tenant ?? null,
    locale: options.locale ?? null,
    localeChosen: false,
    postcode: null,
    houseNumber: null,
    optedOutAt: null,
    consent: {},
    lastInboundAt: new Date(),
    createdAt: new Date(),
  };
  const handoffs: HandoffRecord[] = [];
  let openThread: number | undefined;
  const now = () => new Date(`${options.today ?? '2026-11-23'}T10:00:00Z`);
  const ports: BotPorts = {
    content,
    route: (text, context) => routeMessage(text, context, router),
    t: translator.t,
    contacts: {
      update: async (_id, changes) => {
        contact = { ...contact, ...changes };
      },
    },
    waste: { findNext: (tenant, postcode, houseNumber, today) => findNextCollections(tenant, postcode, houseNumber, today.toISOString().slice(0, 10)) },
    handoff: {
      handOff: async (request) => {
        const priority = priorities[request.reason] ?? 3;
        handoffs.push({ reason: request.reason, topic: request.topic, priority, summary: request.summary });
        openThread = 1;
        return { threadId: 1, created: handoffs.length === 1, priority };
      },
      activeThreadId: async () => openThread,
      handBack: async () => {
        openThread = undefined;
      },
      touch: async () => {},
      describeWait: async (_tenant, _priority, locale) => translator.t(locale, 'handoff.etaAsap'),
    },
    defaultTenant: 'het-hogeland',
    now,
  };
  const state = new ConversationState(new MemoryStorage());
  const session = state.createProperty<Session>('session');
  const bot = new SpreekuurBot(ports, state, session, new MainDialog(ports, session, [new AfvalDialog(ports)]), buildCommandWords(translator.t));
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(async (context: TurnContext, next) => {
    const tenant = contact.tenantKey ? content.tenants.get(contact.tenantKey) : undefined;
    setTurnInfo(context, {
      contact,
      conversation: { id: 1, contactId: 1, serviceAddress: 'whatsapp:+3197010000001', createdAt: new Date() },
      profile: profileFor('whatsapp'),
      locale: (contact.locale as Locale | null) ?? 'nl',
      tenant,
      messageId: 1,
    });
    await next();
  });
  return {
    get contact() {
      return contact;
    },
    handoffs,
    async say(text, attachments) {
      const before = adapter.activeQueue.length;
      await adapter.receiveActivity({ type: 'message', text, ...(attachments ? { attachments } : {}) });
      const replies = adapter.activeQueue.splice(before).map((activity) => activity.text ?? '');
      return replies;
    },
  };
}
