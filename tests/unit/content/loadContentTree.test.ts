import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentTree, readContentTree } from '../../../src/content/loadContentTree.js';
import { ContentError } from '../../../src/errors.js';
import { type FixtureTenant, baseFixture, removeFixtureTrees, writeFixtureTree } from '../../fixtures/content/contentFixture.js';

afterAll(removeFixtureTrees);

const sampleSchedule: NonNullable<FixtureTenant['sampleSchedule']> = {
  sample: true,
  note: { nl: 'Voorbeeldrooster' },
  locations: [{ id: 'voorbeeld', name: 'Voorbeeldlocatie (sample)' }],
  sessions: [{ location: 'voorbeeld', weekday: 'monday', start: '09:30', end: '12:00' }],
};

async function loadTestdorp(change: (tenant: FixtureTenant) => void, useSamples?: boolean) {
  const fixture = baseFixture();
  const [tenant] = fixture.tenants;
  if (tenant) change(tenant);
  const tree = await loadContentTree(writeFixtureTree(fixture), useSamples === undefined ? {} : { useSamples });
  const loaded = tree.tenants.get('testdorp');
  if (!loaded) throw new Error('testdorp did not load');
  return loaded;
}

describe('loadContentTree', () => {
  it('loads the shipped tree', async () => {
    const tree = await loadContentTree('content');
    expect(tree.nodes.size).toBeGreaterThan(0);
    expect(tree.areas.map((area) => area.key)).toContain('toeslagen');
  });

  it("uses the tenant's sample schedule, flagged sample, when its own has no sessions", async () => {
    const testdorp = await loadTestdorp((tenant) => {
      tenant.schedule = { note: { nl: 'Vier keer per week spreekuur' } };
      tenant.sampleSchedule = { ...sampleSchedule, sample: false };
    });
    expect(testdorp.schedule.sample).toBe(true);
    expect(testdorp.schedule.sessions.map((session) => session.location)).toEqual(['voorbeeld']);
    // What the tenant does know beats the sample's note.
    expect(testdorp.schedule.note).toEqual({ nl: 'Vier keer per week spreekuur' });
  });

  it('does not use the sample when samples are off or the tenant has real sessions', async () => {
    const off = await loadTestdorp((tenant) => {
      tenant.schedule = undefined;
      tenant.sampleSchedule = sampleSchedule;
    }, false);
    expect(off.schedule).toMatchObject({ sample: false, sessions: [] });

    const real = await loadTestdorp((tenant) => {
      tenant.sampleSchedule = sampleSchedule;
    });
    expect(real.schedule).toMatchObject({ sample: false, sessions: [{ location: 'bibliotheek' }] });
  });

  it('collects every broken file with its field, and refuses to load such a tree', async () => {
    const fixture = baseFixture();
    const dir = writeFixtureTree(fixture);
    writeFileSync(join(dir, 'nodes', 'toeslagen', 'broken.yaml'), 'id: Broken Id\n');
    writeFileSync(join(dir, 'tenants', 'testdorp', 'waste.yaml'), 'calendars: [ { area: Noord } ]\n');
    const { problems } = await readContentTree(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'nodes/toeslagen/broken.yaml', path: 'id' }),
        expect.objectContaining({ file: 'tenants/testdorp/waste.yaml', path: 'calendars.0.file' }),
      ]),
    );
    await expect(loadContentTree(dir)).rejects.toThrow(ContentError);
  });
});
