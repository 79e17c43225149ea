import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/storage/database.js';
import { countPendingMigrations } from '../../../src/storage/migrate.js';
import { openTestDatabase } from '../../helpers/testDatabase.js';

describe('openDatabase', () => {
  it('migrates a fresh database and reports no pending migrations', async () => {
    const test = await openTestDatabase();
    try {
      expect(await countPendingMigrations(test.handle)).toBe(0);
    } finally {
      await test.drop();
    }
  });

  it('refuses to open a PGlite data folder that is already open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spreekuur-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already open|in use/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
