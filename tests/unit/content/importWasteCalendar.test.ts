import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWasteCalendar } from '../../../src/content/importWasteCalendar.js';
import { loadContentTree } from '../../../src/content/loadContentTree.js';
import { findNextCollections } from '../../../src/content/wasteCalendar.js';
import { ContentError } from '../../../src/errors.js';
import { baseFixture, removeFixtureTrees, wasteFixtures, writeFixtureTree } from '../../fixtures/content/contentFixture.js';
import { runContentCommand } from '../../helpers/runContentCommand.js';

afterAll(removeFixtureTrees);

const commentedWaste = `# Afval in Testdorp. Bron: de afvalkalender van de gemeente.
streams: []
calendars:
  # Noord: the municipality's export
  - area: Noord
    file: calendars/noord.ics
    postcodes: [ "9981" ]
`;

function testdorpDir(): string {
  const fixture = baseFixture();
  const [tenant] = fixture.tenants;
  if (tenant) {
    tenant.waste = undefined;
    tenant.calendars = { 'noord.ics': 'noord.ics' };
  }
  const dir = writeFixtureTree(fixture);
  writeFileSync(join(dir, 'tenants', 'testdorp', 'waste.yaml'), commentedWaste);
  return dir;
}

describe('content import-waste', () => {
  it('copies the calendar into the tenant, adds it to waste.yaml with its comments kept, and the bot can use it', async () => {
    const dir = testdorpDir();
    const result = await runContentCommand(['import-waste', '--dir', dir, '--tenant', 'testdorp', '--area', 'Zuid Oost', '--postcodes', '9982, 9983ab', join(wasteFixtures, 'zuid.csv')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('added Zuid Oost');

    const tenantDir = join(dir, 'tenants', 'testdorp');
    expect(readFileSync(join(tenantDir, 'calendars', 'zuid-oost.csv'), 'utf8')).toBe(readFileSync(join(wasteFixtures, 'zuid.csv'), 'utf8'));
    const waste = readFileSync(join(tenantDir, 'waste.yaml'), 'utf8');
    expect(waste).toContain('# Afval in Testdorp. Bron: de afvalkalender van de gemeente.');
    expect(waste).toContain("# Noord: the municipality's export");
    expect(waste).toContain('file: calendars/zuid-oost.csv');
    expect(waste).toContain('postcodes: ["9982", 9983AB]');

    const testdorp = (await loadContentTree(dir)).tenants.get('testdorp');
    if (!testdorp) throw new Error('testdorp did not load');
    expect(await findNextCollections(testdorp, '9983 AB', '1', '2026-01-01')).toMatchObject({ area: 'Zuid Oost', sample: false });
  });

  it('updates the entry of an area already there instead of adding a second one', async () => {
    const dir = testdorpDir();
    const result = await importWasteCalendar({
      contentDir: dir,
      tenant: 'testdorp',
      area: 'Noord',
      postcodes: ['9981', '9984'],
      file: join(wasteFixtures, 'noord.ics'),
      sample: true,
    });
    expect(result).toEqual({ calendarFile: 'calendars/noord.ics', collections: 5, skipped: ['Kerstbomen inzamelen'], added: false });
    const tree = await loadContentTree(dir);
    expect(tree.tenants.get('testdorp')?.waste.calendars).toEqual([
      { area: 'Noord', file: 'calendars/noord.ics', postcodes: ['9981', '9984'], sample: true },
    ]);
    expect(readFileSync(join(dir, 'tenants', 'testdorp', 'waste.yaml'), 'utf8')).toContain("# Noord: the municipality's export");
  });

  it('writes nothing when the calendar is not usable, a postcode is malformed or already taken', async () => {
    const dir = testdorpDir();
    const base = { contentDir: dir, tenant: 'testdorp', area: 'Zuid', postcodes: ['9982'], file: join(wasteFixtures, 'zuid.csv'), sample: false };
    await expect(importWasteCalendar({ ...base, file: join(wasteFixtures, 'broken.csv') })).rejects.toThrow(ContentError);
    await expect(importWasteCalendar({ ...base, file: join(wasteFixtures, 'monthly.ics') })).rejects.toThrow(/FREQ=WEEKLY/);
    await expect(importWasteCalendar({ ...base, postcodes: ['99 82'] })).resolves.toMatchObject({ added: true });
    await expect(importWasteCalendar({ ...base, area: 'West', postcodes: ['998'] })).rejects.toThrow(/postcodes must be/);
    await expect(importWasteCalendar({ ...base, area: 'West', postcodes: ['9981'] })).rejects.toThrow(/one calendar only/);
    await expect(importWasteCalendar({ ...base, tenant: 'elders' })).rejects.toThrow(/no tenant elders/);
    expect(existsSync(join(dir, 'tenants', 'testdorp', 'calendars', 'west.csv'))).toBe(false);
  });

  it('exits 2 with usage when an option is missing', async () => {
    const result = await runContentCommand(['import-waste', '--tenant', 'testdorp', join(wasteFixtures, 'zuid.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--area');
  });
});
