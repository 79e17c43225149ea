// botbuilder's Storage on the bot_state table, with optimistic concurrency:
// a write carrying an eTag only succeeds if nobody wrote the key since it was read.
import type { Storage, StoreItems } from 'botbuilder';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ConflictError } from '../errors.js';
import type { DbContext } from './DbContext.js';
import { botState } from './schema.js';

export class PostgresBotStorage implements Storage {
  constructor(private readonly ctx: DbContext) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.ctx.db.select().from(botState).where(inArray(botState.key, keys));
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.data, eTag: String(row.etag) };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = toRecord(item);
      const expected = typeof eTag === 'string' && eTag !== '*' ? Number.parseInt(eTag, 10) : undefined;
      if (expected === undefined) {
        await this.ctx.db
          .insert(botState)
          .values({ key, data, etag: 1 })
          .onConflictDoUpdate({ target: botState.key, set: { data, etag: sql`${botState.etag} + 1`, updatedAt: new Date() } });
        continue;
      }
      const updated = await this.ctx.db
        .update(botState)
        .set({ data, etag: expected + 1, updatedAt: new Date() })
        .where(and(eq(botState.key, key), eq(botState.etag, expected)))
        .returning({ key: botState.key });
      if (updated.length === 0) throw new ConflictError(`bot state ${key} was changed by another turn (eTag ${eTag})`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.ctx.db.delete(botState).where(inArray(botState.key, keys));
  }
}

function toRecord(item: unknown): Record<string, unknown> {
  if (typeof item !== 'object' || item === null) return {};
  return Object.fromEntries(Object.entries(item));
}
