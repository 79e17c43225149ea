// Quick check for content writers: loads the tree and prints, per node, the
// locales present, their example counts and answer lengths.
import { loadContentTree } from '../src/content/loadContentTree.js';
import { localeCodes } from '../src/content/schema.js';

const tree = await loadContentTree(process.argv[2] ?? 'content');
let bad = 0;
for (const node of tree.nodes.values()) {
  const cells = localeCodes.map((locale) => {
    const entry = node.locales[locale];
    if (!entry) { bad++; return `${locale}:MISSING`; }
    const flags = [entry.examples.length < 12 ? 'FEW' : '', entry.answer.length > 600 ? 'LONG' : ''].filter(Boolean);
    if (flags.length) bad++;
    return `${locale}:${entry.examples.length}ex/${entry.answer.length}c${flags.length ? '!' + flags.join(',') : ''}`;
  });
  console.log(`${node.id.padEnd(28)} ${cells.join(' ')}`);
}
console.log(`${tree.nodes.size} nodes, ${tree.tenants.size} tenants, ${bad} problem cells`);
