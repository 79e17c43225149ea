// Answers "when is my bin collected?" from the tenant's calendar files. Files are
// parsed on first use and cached per loaded tenant, so a content reload (a new
// TenantContent) starts afresh and start-up reads no calendar at all.
import { readFile } from 'node:fs/promises';
import { extname, join, relative, isAbsolute } from 'node:path';
import { ContentError } from '../errors.js';
import { type IsoDate, fromDayNumber, requireDayNumber } from './isoDate.js';
import type { TenantContent } from './loadContentTree.js';
import { parseCsvCalendar } from './parseCsvCalendar.js';
import { parseIcsCalendar } from './parseIcsCalendar.js';
import type { WasteCalendarEntry, WasteStreamKey } from './schema.js';
import { type ParsedWasteCalendar, nextCollectionDay } from './wasteCollection.js';

export interface NextCollections {
  area: string;
  /** The calendar is invented example data: the bot must say so. */
  sample: boolean;
  /** The next date per stream, soonest first. */
  next: { stream: WasteStreamKey; date: IsoDate }[];
}

/**
 * The next collection per waste stream for an address, from `today` (inclusive).
 * Undefined when the postcode or house number is malformed or no calendar covers
 * the postcode; the dialog then points to the municipality's waste calendar.
 * The house number is not used yet: it is asked now so per-address calendars can
 * come later without changing the dialog.
 */
export async function findNextCollections(
  tenantContent: TenantContent,
  postcode: string,
  houseNumber: string,
  today: IsoDate,
): Promise<NextCollections | undefined> {
  const code = normalizePostcode(postcode);
  if (code === undefined || normalizeHouseNumber(houseNumber) === undefined) return undefined;
  const entry = findCalendarEntry(tenantContent.waste.calendars, code);
  if (!entry) return undefined;
  const calendar = await loadWasteCalendar(tenantContent, entry);
  const todayDay = requireDayNumber(today);
  const soonest = new Map<WasteStreamKey, number>();
  for (const collection of calendar.collections) {
    const day = nextCollectionDay(collection, todayDay);
    const known = soonest.get(collection.stream);
    if (day !== undefined && (known === undefined || day < known)) soonest.set(collection.stream, day);
  }
  const next = [...soonest].sort((a, b) => a[1] - b[1]).map(([stream, day]) => ({ stream, date: fromDayNumber(day) }));
  return { area: entry.area, sample: entry.sample, next };
}

/** '9981 ab' -> '9981AB'; a bare '9981' stays as it is; anything else is undefined. */
export function normalizePostcode(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}(?:[A-Z]{2})?$/.test(compact) ? compact : undefined;
}

/** '12', '12a', '12 A' -> '12', '12A', '12A'; anything else is undefined. */
export function normalizeHouseNumber(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{0,4}[A-Z]?$/.test(compact) ? compact : undefined;
}

/**
 * Real calendars beat samples, so a sample never hides real data; within each, a
 * full postcode listed on one calendar beats its 4-digit area on another.
 */
export function findCalendarEntry(calendars: readonly WasteCalendarEntry[], postcode: string): WasteCalendarEntry | undefined {
  for (const sample of [false, true]) {
    const candidates = calendars.filter((entry) => entry.sample === sample);
    const found =
      candidates.find((entry) => entry.postcodes.includes(postcode)) ??
      candidates.find((entry) => entry.postcodes.includes(postcode.slice(0, 4)));
    if (found) return found;
  }
  return undefined;
}

export function parseWasteCalendar(text: string, fileName: string): ParsedWasteCalendar {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.ics') return parseIcsCalendar(text, fileName);
  if (extension === '.csv') return parseCsvCalendar(text, fileName);
  throw new ContentError(`${fileName}: a waste calendar must be an .ics or .csv file`);
}

/** The calendar file's absolute path, or undefined when `file` would leave the tenant folder. */
export function resolveCalendarFile(tenantDir: string, entry: WasteCalendarEntry): string | undefined {
  const file = join(tenantDir, entry.file);
  const inside = relative(tenantDir, file);
  return inside.startsWith('..') || isAbsolute(inside) ? undefined : file;
}

const cache = new WeakMap<TenantContent, Map<string, Promise<ParsedWasteCalendar>>>();

async function loadWasteCalendar(tenantContent: TenantContent, entry: WasteCalendarEntry): Promise<ParsedWasteCalendar> {
  const perTenant = cache.get(tenantContent) ?? new Map<string, Promise<ParsedWasteCalendar>>();
  cache.set(tenantContent, perTenant);
  const file = resolveCalendarFile(tenantContent.dir, entry);
  if (file === undefined) throw new ContentError(`calendar ${entry.file} of tenant ${tenantContent.tenant.key} lies outside the tenant folder`);
  let calendar = perTenant.get(file);
  if (!calendar) {
    calendar = readFile(file, 'utf8').then(
      (text) => parseWasteCalendar(text, entry.file),
      (error: unknown) => {
        throw new ContentError(`cannot read the waste calendar ${entry.file} of tenant ${tenantContent.tenant.key}`, [String(error)]);
      },
    );
    perTenant.set(file, calendar);
    // A failed read is not remembered: the coordinator may fix the file.
    calendar.catch(() => perTenant.delete(file));
  }
  return calendar;
}
