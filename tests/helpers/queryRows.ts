// Reads rows from raw SQL in tests, validated with zod like any other edge.
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../src/storage/database.js';

export async function queryRows<T>(db: Database, query: SQL, row: z.ZodType<T>): Promise<T[]> {
  const result = await db.execute(query);
  return z.object({ rows: z.array(row) }).parse(result).rows;
}
