// Reads the waste calendar a municipality exports as iCalendar (RFC 5545): each
// VEVENT is one collection, or a weekly series when it carries a simple RRULE.
// Only what collection calendars use is supported; anything else is refused
// rather than guessed, because a wrong collection day is worse than none.
import { ContentError } from '../errors.js';
import { toDayNumber, weekdayOf } from './isoDate.js';
import { type ParsedWasteCalendar, type WasteCollection, streamFromText } from './wasteCollection.js';

interface Property {
  name: string;
  value: string;
}

export function parseIcsCalendar(text: string, where: string): ParsedWasteCalendar {
  const problems: string[] = [];
  const result: ParsedWasteCalendar = { collections: [], skipped: [] };
  let event: Property[] | undefined;
  let eventCount = 0;
  // Long lines are folded: a line break followed by a space or tab continues the line.
  for (const line of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    const property = parseProperty(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.toUpperCase() === 'VEVENT') event = [];
    else if (property.name === 'END' && property.value.toUpperCase() === 'VEVENT' && event) {
      eventCount += 1;
      readEvent(event, `${where}: event ${eventCount}`, result, problems);
      event = undefined;
    } else event?.push(property);
  }
  if (eventCount === 0) problems.push(`${where}: no VEVENT found`);
  if (problems.length > 0) throw new ContentError(`${where} is not a usable waste calendar`, problems);
  return result;
}

function readEvent(properties: Property[], where: string, result: ParsedWasteCalendar, problems: string[]): void {
  const get = (name: string): Property | undefined => properties.find((property) => property.name === name);
  const title = unescapeText(get('SUMMARY')?.value ?? get('CATEGORIES')?.value ?? '');
  const start = readDate(get('DTSTART')?.value);
  if (start === undefined) {
    problems.push(`${where} (${title || 'no SUMMARY'}): DTSTART is missing or not a date`);
    return;
  }
  const stream = streamFromText(title);
  if (!stream) {
    result.skipped.push(title || '(no SUMMARY)');
    return;
  }
  const collection: WasteCollection = { stream, start };
  const rule = get('RRULE');
  const problem = rule ? applyWeeklyRule(collection, rule.value) : undefined;
  if (problem) {
    problems.push(`${where} (${title}): ${problem}`);
    return;
  }
  const except = properties
    .filter((property) => property.name === 'EXDATE')
    .flatMap((property) => property.value.split(','))
    .map(readDate)
    .filter((day) => day !== undefined);
  if (except.length > 0) collection.except = new Set(except);
  result.collections.push(collection);
}

/** Fills in the series fields from FREQ=WEEKLY;INTERVAL=n;UNTIL=...|COUNT=n; returns a problem or undefined. */
function applyWeeklyRule(collection: WasteCollection, rule: string): string | undefined {
  const parts = new Map(rule.split(';').map((part) => [part.split('=')[0]?.toUpperCase() ?? '', part.slice(part.indexOf('=') + 1)]));
  if (parts.get('FREQ')?.toUpperCase() !== 'WEEKLY') return `only FREQ=WEEKLY is supported (RRULE:${rule})`;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1) return `INTERVAL must be a positive whole number (RRULE:${rule})`;
  collection.intervalDays = 7 * interval;
  for (const [key, value] of parts) {
    if (key === 'FREQ' || key === 'INTERVAL' || key === 'WKST') continue;
    if (key === 'UNTIL') {
      collection.until = readDate(value);
      if (collection.until === undefined) return `UNTIL is not a date (RRULE:${rule})`;
    } else if (key === 'COUNT') {
      collection.count = Number(value);
      if (!Number.isInteger(collection.count) || collection.count < 1) return `COUNT must be a positive whole number (RRULE:${rule})`;
    } else if (!(key === 'BYDAY' && value.toUpperCase() === icsWeekdays[weekdayOf(collection.start)])) {
      return `${key}=${value} is not supported; export one event per weekday or single dates (RRULE:${rule})`;
    }
  }
  return undefined;
}

const icsWeekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * 20250106, 20250106T070000 or 20250106T070000Z: the collection day is the date as
 * written. Collections happen in the morning, so a UTC time never crosses midnight.
 */
function readDate(value: string | undefined): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(value?.trim() ?? '');
  return match ? toDayNumber(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}

/** NAME;PARAM=...;PARAM="a:b":VALUE; the first colon outside quotes ends the parameters, which we do not need. */
function parseProperty(line: string): Property | undefined {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      const name = line.slice(0, index).split(';')[0] ?? '';
      return { name: name.trim().toUpperCase(), value: line.slice(index + 1) };
    }
  }
  return undefined;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? ' ' : char)).trim();
}
