// Loads the content tree and builds the router index in one call: what the CLI
// commands, the benchmark and the eval test share with the bot's start-up.
import { loadContentTree } from '../content/loadContentTree.js';
import { type BuildOptions, type RouterIndex, buildRouterIndex } from './buildRouterIndex.js';

export interface LoadedRouter {
  index: RouterIndex;
  /** Tenants known to the content tree (for --tenant checks). */
  tenantKeys: ReadonlySet<string>;
  /** Milliseconds to load the content and build the index. */
  startupMs: number;
}

export async function loadRouter(contentDir: string, options: BuildOptions = {}): Promise<LoadedRouter> {
  const started = performance.now();
  const tree = await loadContentTree(contentDir);
  const index = buildRouterIndex(tree, options);
  return { index, tenantKeys: new Set(tree.tenants.keys()), startupMs: performance.now() - started };
}
