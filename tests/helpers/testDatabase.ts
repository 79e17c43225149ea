// A fresh database per test file: in-memory PGlite by default, or a new
// database on the server named by TEST_DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/storage/database.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** DATABASE_URL for a second process or a restarted app; undefined on PGlite. */
  url: string | undefined;
  /** For PGlite, a data folder a restarted app can reopen. */
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `spreekuur_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A migrated database for repository-level tests. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createTestDatabaseUrl();
  const handle = await openDatabase({ url, dataDir: 'memory://' });
  await handle.migrate();
  return {
    handle,
    url,
    dataDir: 'memory://',
    drop: async () => {
      await handle.close();
      await drop();
    },
  };
}
