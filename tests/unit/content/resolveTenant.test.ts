import { loadContentTree } from '../../../src/content/loadContentTree.js';
import type { ContentTree } from '../../../src/content/loadContentTree.js';
import { partnersForTopic, resolveTenant } from '../../../src/content/resolveTenant.js';
import { baseFixture, removeFixtureTrees, writeFixtureTree } from '../../fixtures/content/contentFixture.js';

afterAll(removeFixtureTrees);

// Testdorp has its own number; Noorderdorp and Zuiderdorp share one, as tenants
// served by one refugee organisation do.
async function loadTenants(): Promise<ContentTree> {
  const fixture = baseFixture();
  fixture.tenants.push(
    { tenant: { key: 'noorderdorp', name: 'Noorderdorp', numbers: ['+3197010000002'], postcode_prefixes: ['97', '9771'] } },
    { tenant: { key: 'zuiderdorp', name: 'Zuiderdorp', numbers: ['+3197010000002'], postcode_prefixes: ['9772'] } },
  );
  return loadContentTree(writeFixtureTree(fixture));
}

const keyOf = (tree: ContentTree, hints: Parameters<typeof resolveTenant>[1]): string | undefined => resolveTenant(tree, hints)?.tenant.key;

describe('resolveTenant', () => {
  it('finds the tenant by the Twilio number written to, with or without the whatsapp: prefix', async () => {
    const tree = await loadTenants();
    expect(keyOf(tree, { to: 'whatsapp:+3197010000001' })).toBe('testdorp');
    expect(keyOf(tree, { to: '+3197010000001', postcode: '9772AB' })).toBe('testdorp');
  });

  it('narrows a shared number down by postcode, the longest prefix winning', async () => {
    const tree = await loadTenants();
    expect(keyOf(tree, { to: '+3197010000002' })).toBeUndefined();
    expect(keyOf(tree, { to: '+3197010000002', postcode: '9772 ab' })).toBe('zuiderdorp');
    expect(keyOf(tree, { to: '+3197010000002', postcode: '9701' })).toBe('noorderdorp');
    // 9981 is Testdorp's, but Testdorp does not answer on this number.
    expect(keyOf(tree, { to: '+3197010000002', postcode: '9981' })).toBeUndefined();
  });

  it('uses the postcode alone when the number is unknown or missing', async () => {
    const tree = await loadTenants();
    expect(keyOf(tree, { postcode: '9982 XY' })).toBe('testdorp');
    expect(keyOf(tree, { to: '+3100000000', postcode: '9771' })).toBe('noorderdorp');
    expect(keyOf(tree, { postcode: '1011AB' })).toBeUndefined();
    expect(keyOf(tree, {})).toBeUndefined();
  });
});

describe('partnersForTopic', () => {
  it("lists the tenant's partners for a topic and nothing for another", async () => {
    const testdorp = (await loadTenants()).tenants.get('testdorp');
    if (!testdorp) throw new Error('testdorp did not load');
    expect(partnersForTopic(testdorp, 'huisarts.spoed').map((partner) => partner.id)).toEqual(['huisartsenpost-noord']);
    expect(partnersForTopic(testdorp, 'partner.schulden')).toEqual([]);
  });
});
