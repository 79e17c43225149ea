// Gives repositories the current transaction when one is open (a bot turn
// runs in one), else the database itself, without passing it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './database.js';

export class DbContext {
  private readonly scope = new AsyncLocalStorage<Database>();

  constructor(private readonly root: Database) {}

  /** The open transaction of this async flow, or the database. */
  get db(): Database {
    return this.scope.getStore() ?? this.root;
  }

  get inTransaction(): boolean {
    return this.scope.getStore() !== undefined;
  }

  /** Runs fn in a transaction; joins the surrounding one if there is one. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.scope.getStore()) return fn();
    return this.root.transaction((tx) => this.scope.run(tx, fn));
  }

  /** Runs fn outside any surrounding transaction (work that must survive a rollback). */
  outside<T>(fn: () => Promise<T>): Promise<T> {
    return this.scope.exit(fn);
  }
}
