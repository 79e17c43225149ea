// Tells /readyz whether every migration in the journal has been applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from './database.js';
import { migrationsFolder } from './migrationsFolder.js';

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

export async function countPendingMigrations(handle: DatabaseHandle): Promise<number> {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')));
  const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`).catch(() => undefined);
  const applied = z.object({ rows: z.array(z.object({ n: z.number() })) }).safeParse(result);
  return Math.max(0, journal.entries.length - (applied.success ? (applied.data.rows[0]?.n ?? 0) : 0));
}
