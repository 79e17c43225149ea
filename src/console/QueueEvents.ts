// Live updates for open console pages over Server-Sent Events: HandoffQueue
// events from this process at once, and a fingerprint poll that also sees
// threads opened by other instances (PostgreSQL) or committed after the event.
import type { Request, Response } from 'express';
import type { AppServices } from '../app/AppServices.js';
import { canSeeTenant } from '../auth/middleware.js';
import type { User } from '../auth/UserRepository.js';
import type { ThreadListener } from '../handoff/HandoffQueue.js';

interface Client {
  res: Response;
  user: User;
  openedAt: number;
}

export interface QueueEventsOptions {
  pollMs?: number;
  /** Streams are ended after this long; EventSource reconnects, and a stopping server is not held open. */
  maxStreamMs?: number;
}

export class QueueEvents {
  private readonly clients = new Set<Client>();
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastFingerprint: string | undefined;
  private readonly pollMs: number;
  private readonly maxStreamMs: number;

  constructor(
    private readonly services: AppServices,
    options: QueueEventsOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 3000;
    this.maxStreamMs = options.maxStreamMs ?? 5 * 60_000;
  }

  attach(req: Request, res: Response, user: User): void {
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write(`retry: 3000\n\n`);
    const client = { res, user, openedAt: Date.now() };
    this.clients.add(client);
    if (this.clients.size === 1) this.start();
    req.on('close', () => this.detach(client));
  }

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const client of [...this.clients]) {
      client.res.end();
      this.detach(client);
    }
  }

  private detach(client: Client): void {
    if (!this.clients.delete(client)) return;
    if (this.clients.size === 0) this.stop();
  }

  private start(): void {
    const listener: ThreadListener = ({ kind, thread }) => {
      const data = JSON.stringify({ id: thread.id, kind, status: thread.status, claimedBy: thread.claimedBy });
      for (const client of this.clients) {
        // Ids and states only, and only to accounts that see the thread's tenant.
        if (canSeeTenant(client.user, thread.tenantKey)) client.res.write(`event: thread\ndata: ${data}\n\n`);
      }
      // The event may come before its transaction commits; look again shortly.
      setTimeout(() => void this.poll(), 300).unref();
    };
    this.unsubscribe = this.services.handoff.subscribe(listener);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
    void this.poll();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.lastFingerprint = undefined;
  }

  private async poll(): Promise<void> {
    if (this.clients.size === 0) return;
    let fingerprint: string;
    try {
      fingerprint = await this.services.handoff.fingerprint();
    } catch (error) {
      this.services.logger.warn({ err: error }, 'console queue poll failed');
      return;
    }
    const changed = this.lastFingerprint !== undefined && fingerprint !== this.lastFingerprint;
    this.lastFingerprint = fingerprint;
    const now = Date.now();
    for (const client of [...this.clients]) {
      if (now - client.openedAt > this.maxStreamMs) {
        client.res.end();
        this.detach(client);
        continue;
      }
      // A comment line keeps proxies from timing the stream out.
      client.res.write(changed ? `event: queue\ndata: {}\n\n` : `: ping\n\n`);
    }
  }
}
