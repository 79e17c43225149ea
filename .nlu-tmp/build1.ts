import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
const tree = await loadContentTree('content');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = cpu(); buildRouterIndex(tree); console.log('build cpu', cpu() - t);
