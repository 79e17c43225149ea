// Uploaded files (web-chat photos and PDFs), kept in the database so that one
// backup holds everything and several instances see the same files.
import { eq } from 'drizzle-orm';
import type { DbContext } from './DbContext.js';
import { mediaFiles } from './schema.js';

export type MediaFile = typeof mediaFiles.$inferSelect;

export class MediaFileRepository {
  constructor(private readonly ctx: DbContext) {}

  async insert(contentType: string, bytes: Buffer): Promise<number> {
    const [row] = await this.ctx.db.insert(mediaFiles).values({ contentType, bytes }).returning({ id: mediaFiles.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  }

  async get(id: number): Promise<MediaFile | undefined> {
    const [row] = await this.ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
    return row;
  }
}
