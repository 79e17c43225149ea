// `spreekuur migrate`: applies the database migrations and exits (deployments
// run it before starting new instances; `serve` also migrates on start).
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../storage/database.js';
import type { CliCommand } from '../main.js';

export const migrateCommand: CliCommand = async (_args, io) => {
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    io.stdout.write(`migrations applied (${database.kind})\n`);
    return 0;
  } finally {
    await database.close();
  }
};
