import { loadContentTree } from '../../../src/content/loadContentTree.js';

describe('loadContentTree', () => {
  it('loads the shipped tree', async () => {
    const tree = await loadContentTree('content');
    expect(tree.nodes.size).toBeGreaterThan(0);
    expect(tree.areas.map((area) => area.key)).toContain('toeslagen');
  });
});
