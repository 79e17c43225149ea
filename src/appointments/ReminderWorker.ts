// Sends appointment reminders as they fall due. The reminders table is the
// queue, so a restart picks up what fell due while the process was down.
import type { Logger } from '../logger.js';

export interface ReminderSender {
  /** Sends one due reminder; false when none is due. */
  sendNextDueReminder(now: Date): Promise<boolean>;
}

export interface ReminderWorkerOptions {
  sender: ReminderSender;
  logger: Logger;
  pollMs: number;
  /** The clock deciding what is due (tests move it). */
  now?: () => Date;
  /** After a committed reminder: wakes the outbox worker. */
  onSent?: () => void;
}

export class ReminderWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private stopping = false;

  constructor(private readonly options: ReminderWorkerOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the reminder being sent, if any. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends everything due now; returns how many reminders were handled. */
  async tick(): Promise<number> {
    const { sender, logger } = this.options;
    const now = this.options.now ?? (() => new Date());
    let handled = 0;
    while (!this.stopping) {
      let sent: boolean;
      try {
        sent = await sender.sendNextDueReminder(now());
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'sending a reminder failed');
        break;
      }
      if (!sent) break;
      handled++;
      this.options.onSent?.();
    }
    return handled;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}

/** The worker as createApp runs it when WORKERS includes 'reminders'. */
export function createReminderWorker(
  services: { config: { REMINDER_POLL_SECONDS: number }; logger: Logger; wakeOutbox(): void },
  sender: ReminderSender,
  options: { now?: () => Date } = {},
): ReminderWorker {
  return new ReminderWorker({
    sender,
    logger: services.logger.child({ module: 'reminders' }),
    pollMs: services.config.REMINDER_POLL_SECONDS * 1000,
    onSent: () => services.wakeOutbox(),
    ...(options.now ? { now: options.now } : {}),
  });
}
