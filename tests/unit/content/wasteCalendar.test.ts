import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../../src/errors.js';
import { requireDayNumber } from '../../../src/content/isoDate.js';
import { loadContentTree } from '../../../src/content/loadContentTree.js';
import { parseCsvCalendar } from '../../../src/content/parseCsvCalendar.js';
import { parseIcsCalendar } from '../../../src/content/parseIcsCalendar.js';
import { findNextCollections, normalizePostcode } from '../../../src/content/wasteCalendar.js';
import { nextCollectionDay, streamFromText } from '../../../src/content/wasteCollection.js';
import { type FixtureTenant, baseFixture, removeFixtureTrees, wasteFixtures, writeFixtureTree } from '../../fixtures/content/contentFixture.js';

afterAll(removeFixtureTrees);

const fixtureText = (name: string): string => readFileSync(join(wasteFixtures, name), 'utf8');
const day = requireDayNumber;

async function loadTestdorp(change: (tenant: FixtureTenant) => void = () => {}) {
  const fixture = baseFixture();
  const tenant = fixture.tenants[0];
  if (tenant) change(tenant);
  const tree = await loadContentTree(writeFixtureTree(fixture));
  const content = tree.tenants.get('testdorp');
  if (!content) throw new Error('testdorp did not load');
  return content;
}

describe('parseIcsCalendar', () => {
  it('reads single dates, weekly series and folded titles, and leaves out events of no stream', () => {
    const calendar = parseIcsCalendar(fixtureText('noord.ics'), 'noord.ics');
    expect(calendar.skipped).toEqual(['Kerstbomen inzamelen']);
    expect(calendar.collections.map((item) => item.stream)).toEqual(['gft', 'rest', 'papier', 'papier', 'pmd']);
    expect(calendar.collections[0]).toEqual({ stream: 'gft', start: day('2026-01-05'), intervalDays: 14, until: day('2026-12-31') });
    expect(calendar.collections[1]).toEqual({ stream: 'rest', start: day('2026-01-12'), intervalDays: 14, count: 3 });
    expect(calendar.collections[4]?.except).toEqual(new Set([day('2026-02-05')]));
  });

  it('refuses rules it cannot follow rather than guess a day', () => {
    expect(() => parseIcsCalendar(fixtureText('monthly.ics'), 'monthly.ics')).toThrow(/only FREQ=WEEKLY/);
    const otherDay = 'BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\nSUMMARY:GFT\nEND:VEVENT\n';
    expect(() => parseIcsCalendar(otherDay, 'x.ics')).toThrow(ContentError);
    expect(() => parseIcsCalendar('BEGIN:VCALENDAR\nEND:VCALENDAR\n', 'empty.ics')).toThrow(/no VEVENT/);
  });
});

describe('parseCsvCalendar', () => {
  it('reads ISO and Dutch dates, stream keys and words, quotes and comments', () => {
    const calendar = parseCsvCalendar(fixtureText('zuid.csv'), 'zuid.csv');
    expect(calendar.collections).toEqual([
      { stream: 'gft', start: day('2026-01-16') },
      { stream: 'gft', start: day('2026-01-30') },
      { stream: 'papier', start: day('2026-01-23') },
      { stream: 'rest', start: day('2026-01-27') },
    ]);
  });

  it('accepts semicolons as Dutch spreadsheets save them', () => {
    expect(parseCsvCalendar('stream;date\nglas;01-03-2026\n', 'x.csv').collections).toEqual([{ stream: 'glas', start: day('2026-03-01') }]);
  });

  it('names every bad line', () => {
    expect.assertions(2);
    try {
      parseCsvCalendar(fixtureText('broken.csv'), 'broken.csv');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect(error instanceof ContentError ? error.problems : []).toEqual([
        'broken.csv:2: "2026-02-30" is not a date (YYYY-MM-DD or DD-MM-YYYY)',
        'broken.csv:3: "chemisch afval" is not a waste stream (gft, pmd, papier, glas, rest, textiel, grofvuil)',
      ]);
    }
  });
});

describe('streamFromText', () => {
  it.each([
    ['Groente-, fruit- en tuinafval', 'gft'],
    ['Plastic, metaal en drankkartons', 'pmd'],
    ['Oud papier en karton', 'papier'],
    ['Glasbak', 'glas'],
    ['Restafval', 'rest'],
    ['Textiel', 'textiel'],
    ['Grofvuil op afspraak', 'grofvuil'],
    ['Paper and cardboard', 'papier'],
    ['Residual waste', 'rest'],
    ['Chemisch afval', undefined],
  ])('%s -> %s', (title, stream) => {
    expect(streamFromText(title)).toBe(stream);
  });
});

describe('nextCollectionDay', () => {
  const series = { stream: 'gft' as const, start: day('2026-01-05'), intervalDays: 14 };
  it('steps INTERVAL weeks from the first day, today included', () => {
    expect(nextCollectionDay(series, day('2026-01-01'))).toBe(day('2026-01-05'));
    expect(nextCollectionDay(series, day('2026-01-19'))).toBe(day('2026-01-19'));
    expect(nextCollectionDay(series, day('2026-01-20'))).toBe(day('2026-02-02'));
  });
  it('stops at UNTIL and after COUNT, and skips EXDATE', () => {
    expect(nextCollectionDay({ ...series, until: day('2026-01-31') }, day('2026-01-20'))).toBeUndefined();
    expect(nextCollectionDay({ ...series, count: 2 }, day('2026-01-20'))).toBeUndefined();
    expect(nextCollectionDay({ ...series, except: new Set([day('2026-02-02')]) }, day('2026-01-20'))).toBe(day('2026-02-16'));
  });
});

describe('findNextCollections', () => {
  it('gives the next date per stream, soonest first, from the ICS calendar of the postcode area', async () => {
    const testdorp = await loadTestdorp();
    expect(await findNextCollections(testdorp, '9981 ab', '12', '2026-01-15')).toEqual({
      area: 'Noord',
      sample: false,
      next: [
        { stream: 'gft', date: '2026-01-19' },
        { stream: 'papier', date: '2026-01-21' },
        { stream: 'pmd', date: '2026-01-22' },
        { stream: 'rest', date: '2026-01-26' },
      ],
    });
    // EXDATE 2026-02-05 moves pmd on; the rest series (COUNT=3) has ended by 2026-02-10.
    const later = await findNextCollections(testdorp, '9981AB', '12a', '2026-02-03');
    expect(later?.next).toEqual([
      { stream: 'rest', date: '2026-02-09' },
      { stream: 'gft', date: '2026-02-16' },
      { stream: 'papier', date: '2026-02-18' },
      { stream: 'pmd', date: '2026-02-19' },
    ]);
    expect((await findNextCollections(testdorp, '9981AB', '12', '2026-02-10'))?.next.map((item) => item.stream)).toEqual(['gft', 'papier', 'pmd']);
  });

  it('lets a full postcode on one calendar win over its 4-digit area on another (CSV)', async () => {
    const testdorp = await loadTestdorp();
    const result = await findNextCollections(testdorp, '9981zz', '3', '2026-01-24');
    expect(result).toEqual({
      area: 'Zuid',
      sample: false,
      next: [
        { stream: 'rest', date: '2026-01-27' },
        { stream: 'gft', date: '2026-01-30' },
      ],
    });
  });

  it('says when the calendar is a sample', async () => {
    const testdorp = await loadTestdorp((tenant) => {
      for (const calendar of tenant.waste?.calendars ?? []) calendar.sample = true;
    });
    expect((await findNextCollections(testdorp, '9982', '1', '2026-01-01'))?.sample).toBe(true);
  });

  it('never lets a sample calendar hide a real one', async () => {
    const testdorp = await loadTestdorp((tenant) => {
      tenant.waste?.calendars?.unshift({ area: 'Voorbeeld (sample)', file: 'calendars/zuid.csv', postcodes: ['9981AB'], sample: true });
    });
    expect(await findNextCollections(testdorp, '9981AB', '1', '2026-01-15')).toMatchObject({ area: 'Noord', sample: false });
    expect(await findNextCollections(testdorp, '9982AB', '1', '2026-01-15')).toMatchObject({ area: 'Zuid', sample: false });
  });

  it('returns undefined for an unknown postcode or a malformed address', async () => {
    const testdorp = await loadTestdorp();
    expect(await findNextCollections(testdorp, '1234AB', '1', '2026-01-15')).toBeUndefined();
    expect(await findNextCollections(testdorp, 'Hoofdstraat', '1', '2026-01-15')).toBeUndefined();
    expect(await findNextCollections(testdorp, '9981AB', 'twaalf', '2026-01-15')).toBeUndefined();
  });
});

describe('normalizePostcode', () => {
  it.each([
    ['9981 ab', '9981AB'],
    [' 9981AB ', '9981AB'],
    ['9981', '9981'],
    ['0981AB', undefined],
    ['9981A', undefined],
  ])('%s -> %s', (input, expected) => {
    expect(normalizePostcode(input)).toBe(expected);
  });
});
