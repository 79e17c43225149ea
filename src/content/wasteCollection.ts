// One collection (a single date or a weekly series) of one waste stream, as read
// from a municipality's calendar file, and the arithmetic to find the next one.
import type { WasteStreamKey } from './schema.js';

export interface WasteCollection {
  stream: WasteStreamKey;
  /** First day, as a day number (see isoDate.ts). */
  start: number;
  /** Days between collections; undefined for a single date. */
  intervalDays?: number;
  /** Last possible day of the series (inclusive). */
  until?: number;
  /** Number of collections in the series, the first included. */
  count?: number;
  /** Days the series skips (ICS EXDATE, e.g. a public holiday). */
  except?: ReadonlySet<number>;
}

export interface ParsedWasteCalendar {
  collections: WasteCollection[];
  /** Event titles that name no known stream (e.g. the Christmas-tree collection); not an error in an export. */
  skipped: string[];
}

/** The first collection on or after `today`, or undefined when the series has ended. */
export function nextCollectionDay(collection: WasteCollection, today: number): number | undefined {
  const { start, intervalDays, until, count, except } = collection;
  if (intervalDays === undefined) return start >= today && !except?.has(start) ? start : undefined;
  let index = today <= start ? 0 : Math.ceil((today - start) / intervalDays);
  for (;;) {
    const day = start + index * intervalDays;
    if ((count !== undefined && index >= count) || (until !== undefined && day > until)) return undefined;
    if (!except?.has(day)) return day;
    index += 1;
  }
}

// Order matters: the first match wins, and "drankkartons" (pmd) must not be read
// as "karton" (paper), nor "tuinafval" (gft) as "afval".
const streamWords: ReadonlyArray<readonly [WasteStreamKey, RegExp]> = [
  ['grofvuil', /grof|bulky|large items/],
  ['gft', /gft|groente|fruit|tuin|groen|\bbio|garden|green|organic|food waste|compost/],
  ['pmd', /pmd|plastic|blik|metaal|drankkarton|verpakking|packaging|metal|\bcans\b/],
  ['textiel', /textiel|kleding|kleren|textile|cloth/],
  ['glas', /glas/],
  ['papier', /papier|karton|paper|cardboard/],
  ['rest', /\brest|grijs|grijze|huisvuil|residual|general waste|household waste|\bgr[ae]y\b/],
];

/** The stream a calendar title names, in Dutch or English ("Oud papier", "GFT-afval", "Plastic"). */
export function streamFromText(text: string): WasteStreamKey | undefined {
  const lower = text.toLowerCase();
  return streamWords.find(([, pattern]) => pattern.test(lower))?.[0];
}
