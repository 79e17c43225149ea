// Wiring: the one place that builds the services, the bot, the workers and
// the HTTP app from the configuration, and starts and stops them in order.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationState } from 'botbuilder';
import { buildCommandWords } from '../../dialogs/commands.js';
import { AfvalDialog } from '../../dialogs/AfvalDialog.js';
import { AppointmentDialog } from '../../dialogs/AppointmentDialog.js';
import type { AppointmentDesk } from '../appointments/AppointmentDesk.js';
import { createAppointmentDesk } from '../appointments/createAppointmentDesk.js';
import { createReminderWorker } from '../appointments/ReminderWorker.js';
import { MainDialog } from '../../dialogs/MainDialog.js';
import { type Session } from '../../dialogs/session.js';
import { getTurnInfo } from '../../dialogs/turnInfo.js';
import { InboxProcessor } from '../bot/InboxProcessor.js';
import { installTurnErrorHandler } from '../bot/installTurnErrorHandler.js';
import { SpreekuurBot } from '../bot/SpreekuurBot.js';
import { type ReplySink, TwilioAdapter, WebChatAdapter } from '../channels/QueuedBotAdapter.js';
import { TwilioSender } from '../channels/twilio/TwilioSender.js';
import { WebChatHub } from '../channels/webchat/WebChatHub.js';
import { hasTwilio, loadConfig } from '../config.js';
import { loadContentTree } from '../content/loadContentTree.js';
import { HandoffQueue } from '../handoff/HandoffQueue.js';
import { createTranslator } from '../i18n/createTranslator.js';
import { createLogger } from '../logger.js';
import { buildRouterIndex } from '../nlu/buildRouterIndex.js';
import { OutboundQueue } from '../outbound/OutboundQueue.js';
import { type ChannelSender, OutboxWorker } from '../outbound/OutboxWorker.js';
import { ContactRepository } from '../storage/ContactRepository.js';
import { openDatabase } from '../storage/database.js';
import { DbContext } from '../storage/DbContext.js';
import { MediaFileRepository } from '../storage/MediaFileRepository.js';
import { MessageRepository } from '../storage/MessageRepository.js';
import { OutboxRepository } from '../storage/OutboxRepository.js';
import { PostgresBotStorage } from '../storage/PostgresBotStorage.js';
import type { AppServices } from './AppServices.js';
import { createBotPorts } from './createBotPorts.js';
import { createHttpApp } from './createHttpApp.js';
import { projectPath } from './projectPath.js';

export interface App {
  services: AppServices;
  server: Server;
  /** http://host:port once started. */
  url: string;
  inbox: InboxProcessor;
  outboxWorker: OutboxWorker;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(env: Record<string, string | undefined> = process.env): Promise<App> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  try {
    await database.migrate();
    const content = await loadContentTree(projectPath(config.CONTENT_DIR), { useSamples: config.CONTENT_USE_SAMPLES });
    const routerIndex = buildRouterIndex(content);
    const translator = await createTranslator(projectPath('locales'));
    const ctx = new DbContext(database.db);
    const messages = new MessageRepository(ctx);
    const outbox = new OutboxRepository(ctx);
    const contacts = new ContactRepository(ctx);
    let wake = () => {};
    const services: AppServices = {
      config,
      logger,
      database,
      ctx,
      contacts,
      messages,
      outbox,
      mediaFiles: new MediaFileRepository(ctx),
      outbound: new OutboundQueue(messages, outbox, () => {
        // Inside a transaction the worker would not see the rows yet; the committer wakes it.
        if (!ctx.inTransaction) wake();
      }),
      handoff: new HandoffQueue(ctx),
      translator,
      content,
      wakeOutbox: () => wake(),
    };

    const hub = new WebChatHub();
    const senders: Record<string, ChannelSender> = { webchat: hub };
    if (hasTwilio(config) && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
      const twilio = new TwilioSender(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_API_BASE_URL);
      const statusCallback = config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/$/, '')}/twilio/status` : undefined;
      const viaTwilio: ChannelSender = {
        send: (item) =>
          twilio.send({
            from: item.fromAddress,
            to: item.toAddress,
            body: item.body,
            mediaUrls: item.mediaUrls,
            contentSid: item.contentSid,
            contentVariables: item.contentVariables,
            statusCallback,
          }),
      };
      senders.whatsapp = viaTwilio;
      senders.sms = viaTwilio;
    }
    const outboxWorker = new OutboxWorker(outbox, messages, contacts, senders, {
      pollMs: config.OUTBOX_POLL_MS,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoffMs: config.OUTBOX_BACKOFF_MS,
    }, logger);
    const runsOutbox = config.WORKERS.includes('outbox');
    wake = () => {
      if (runsOutbox) outboxWorker.wake();
    };

    const appointments = createAppointmentDesk(services);
    const reminders = createReminderWorker(services, appointments);
    const runsReminders = config.WORKERS.includes('reminders');
    const inbox = buildInbox(services, routerIndex, appointments);
    const http = createHttpApp(services, { hub, enqueueInbox: (id) => inbox.enqueue(id) });
    const server = createServer(http);

    const app: App = {
      services,
      server,
      url: '',
      inbox,
      outboxWorker,
      async start() {
        await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
        const address = server.address() as AddressInfo;
        app.url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;
        if (config.WORKERS.includes('inbox')) await inbox.recover();
        if (runsOutbox) outboxWorker.start();
        if (runsReminders) reminders.start();
        logger.info({ port: address.port, database: database.kind, twilio: hasTwilio(config), nodes: content.nodes.size }, 'spreekuur started');
      },
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await inbox.stop();
        await reminders.stop();
        await outboxWorker.stop();
        await database.close();
        logger.info('spreekuur stopped');
      },
    };
    return app;
  } catch (error) {
    await database.close();
    throw error;
  }
}

function buildInbox(services: AppServices, routerIndex: ReturnType<typeof buildRouterIndex>, appointments: AppointmentDesk): InboxProcessor {
  const { ctx, contacts, messages, handoff, content, config, logger, outbound } = services;
  const conversationState = new ConversationState(new PostgresBotStorage(ctx));
  const session = conversationState.createProperty<Session>('session');
  const ports = createBotPorts(services, routerIndex);
  const appointmentDialog = new AppointmentDialog({ appointments, t: ports.t, handoff: ports.handoff, content: ports.content, contacts: ports.contacts });
  const mainDialog = new MainDialog(ports, session, [new AfvalDialog(ports), appointmentDialog], appointmentDialog);
  const bot = new SpreekuurBot(ports, conversationState, session, mainDialog, buildCommandWords(ports.t));
  const sink: ReplySink = async (context, reply) => {
    const info = getTurnInfo(context);
    const { messages: queued } = await outbound.enqueue(info.contact, info.conversation, { ...reply, sender: 'bot' });
    return queued.map((message) => String(message.id)).join(',');
  };
  const adapters = { whatsapp: new TwilioAdapter(sink), sms: new TwilioAdapter(sink), webchat: new WebChatAdapter(sink) };
  for (const adapter of Object.values(adapters)) installTurnErrorHandler(adapter, conversationState, ports.t, logger);
  return new InboxProcessor({
    ctx,
    contacts,
    messages,
    handoff,
    adapters,
    logic: (context) => bot.run(context),
    content,
    defaultTenant: config.DEFAULT_TENANT,
    defaultLocale: config.DEFAULT_LOCALE,
    logger,
    onCommitted: () => services.wakeOutbox(),
  });
}
