import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
const tree = await loadContentTree('content');
const index = buildRouterIndex(tree);
const t = performance.now();
buildRouterIndex(tree);
console.log('build2', performance.now() - t);
