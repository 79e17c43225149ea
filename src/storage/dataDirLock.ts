// One PGlite data folder must never be opened by two processes: a lock file
// holding the owner's PID turns a second opener into a clear error.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const file = join(dir, 'spreekuur.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new StorageError(
          `The data folder ${dir} is in use by process ${owner}. Stop it first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
        );
      }
      if (owner === process.pid) throw new StorageError(`The data folder ${dir} is already open in this process.`);
      // The owner died without cleaning up: the lock is stale.
      rmSync(file, { force: true });
    }
  }
  throw new StorageError(`Could not lock the data folder ${dir}.`);
}

// Duck-typed: errors from node:fs may come from another realm (jest's vm).
function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function isAlreadyExists(error: unknown): boolean {
  return errorCode(error) === 'EEXIST';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}
