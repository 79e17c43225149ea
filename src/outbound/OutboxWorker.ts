// Sends what the outbox holds, one item at a time per conversation, outside
// any transaction: claim (commit), send, record (commit). 429, 5xx and network
// errors are retried with exponential back-off; other errors fail the item.
import type { Logger } from '../logger.js';
import type { ContactRepository } from '../storage/ContactRepository.js';
import type { MessageRepository } from '../storage/MessageRepository.js';
import type { OutboxItem, OutboxRepository } from '../storage/OutboxRepository.js';

export interface SendFailure {
  retryable: boolean;
  httpStatus: number | null;
  /** Provider error code, e.g. Twilio's 21610 (the person sent STOP). */
  providerCode: number | null;
}

export interface ChannelSender {
  /** Resolves with the provider's message id; rejects with something carrying SendFailure fields. */
  send(item: OutboxItem): Promise<string | null>;
}

export interface OutboxWorkerOptions {
  pollMs: number;
  maxAttempts: number;
  backoffMs: number;
  leaseMs?: number;
}

export const OPTED_OUT_CODE = 21610;

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly messages: MessageRepository,
    private readonly contacts: ContactRepository,
    private readonly senders: Partial<Record<string, ChannelSender>>,
    private readonly options: OutboxWorkerOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something was queued: look now instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Finishes the item in flight and stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything that is due now (tests and shutdown use it). */
  async drainDue(): Promise<void> {
    while (await this.sendOne()) {
      // keep going
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drainDue()
        .catch((error: unknown) => this.logger.error({ err: String(error) }, 'outbox loop failed'))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const rerun = this.again;
          this.again = false;
          this.schedule(rerun ? 0 : this.options.pollMs);
        });
    }, delay);
  }

  private async sendOne(): Promise<boolean> {
    const channels = Object.keys(this.senders);
    const item = await this.outbox.claimNext(channels, this.options.leaseMs ?? 60_000);
    if (!item) return false;
    const sender = this.senders[item.channel];
    if (!sender) return true;
    try {
      const providerId = await sender.send(item);
      await this.outbox.recordAttempt(item.id, 'sent', null, null);
      await this.outbox.markSent(item.id, providerId);
      await this.messages.setStatus(item.messageId, 'sent');
      if (providerId) await this.messages.setChannelMessageId(item.messageId, providerId);
      this.logger.info({ outboxId: item.id, messageId: item.messageId, attempts: item.attempts }, 'message sent');
    } catch (error) {
      await this.handleFailure(item, toFailure(error));
    }
    return true;
  }

  private async handleFailure(item: OutboxItem, failure: SendFailure): Promise<void> {
    const code = failure.providerCode === null ? null : String(failure.providerCode);
    const outcome = failure.retryable && item.attempts < this.options.maxAttempts ? 'retry' : 'failed';
    await this.outbox.recordAttempt(item.id, outcome, failure.httpStatus, code);
    const summary = `${failure.httpStatus ?? 'network'}${code ? `/${code}` : ''}`;
    this.logger.warn({ outboxId: item.id, attempts: item.attempts, status: failure.httpStatus, code }, `send ${outcome}`);
    if (outcome === 'retry') {
      const delay = Math.min(this.options.backoffMs * 2 ** (item.attempts - 1), 300_000) * (0.8 + Math.random() * 0.4);
      await this.outbox.scheduleRetry(item.id, new Date(Date.now() + delay), summary);
      return;
    }
    await this.outbox.markFailed(item.id, summary);
    await this.messages.setStatus(item.messageId, 'failed', code);
    if (failure.providerCode === OPTED_OUT_CODE) await this.contacts.setOptedOut(item.channel === 'whatsapp' ? 'whatsapp' : 'sms', item.toAddress.replace(/^whatsapp:/, ''), new Date());
  }
}

function toFailure(error: unknown): SendFailure {
  const field = (name: string): unknown => (typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined);
  const retryable = field('retryable');
  const httpStatus = field('httpStatus');
  const providerCode = field('twilioCode') ?? field('providerCode');
  return {
    retryable: typeof retryable === 'boolean' ? retryable : true,
    httpStatus: typeof httpStatus === 'number' ? httpStatus : null,
    providerCode: typeof providerCode === 'number' ? providerCode : null,
  };
}
