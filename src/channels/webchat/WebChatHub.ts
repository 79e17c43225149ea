// Delivers web-chat replies: the outbox worker hands each message here, and
// every open event stream of that chat receives it. It is the web chat's
// "provider", so replies take the same outbox path as WhatsApp and SMS.
import { EventEmitter } from 'node:events';
import type { OutboxItem } from '../../storage/OutboxRepository.js';
import type { ChannelSender } from '../../outbound/OutboxWorker.js';

export interface WebChatEvent {
  messageId: number;
}

export class WebChatHub implements ChannelSender {
  private readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(0);
  }

  async send(item: OutboxItem): Promise<string> {
    this.events.emit(item.toAddress, { messageId: item.messageId } satisfies WebChatEvent);
    return `webchat-${item.id}`;
  }

  subscribe(clientId: string, listener: (event: WebChatEvent) => void): () => void {
    this.events.on(clientId, listener);
    return () => this.events.off(clientId, listener);
  }
}
