import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const tree = await loadContentTree('content');
console.log('load cpu ms', cpu() - t);
for (let i = 0; i < 3; i++) { t = cpu(); const idx = buildRouterIndex(tree); console.log('build cpu ms', cpu() - t); }
