// `content import-waste`: checks a municipality's calendar export, copies it into
// the tenant folder and records it in waste.yaml, editing that file through the
// yaml Document API so the coordinators' comments survive.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Document, YAMLMap, YAMLSeq, isMap, isSeq, parseDocument } from 'yaml';
import { ContentError } from '../errors.js';
import { wasteSchema } from './schema.js';
import { normalizePostcode, parseWasteCalendar } from './wasteCalendar.js';

export interface ImportWasteOptions {
  contentDir: string;
  tenant: string;
  area: string;
  postcodes: readonly string[];
  /** The .ics or .csv file to import. */
  file: string;
  sample: boolean;
}

export interface ImportWasteResult {
  /** Relative to the tenant folder, as written in waste.yaml. */
  calendarFile: string;
  collections: number;
  /** Event titles that named no stream and were left out. */
  skipped: string[];
  /** false when an entry for the area was updated. */
  added: boolean;
}

export async function importWasteCalendar(options: ImportWasteOptions): Promise<ImportWasteResult> {
  const tenantDir = join(options.contentDir, 'tenants', options.tenant);
  await readFile(join(tenantDir, 'tenant.yaml')).catch(() => {
    throw new ContentError(`no tenant ${options.tenant}: ${tenantDir}/tenant.yaml does not exist`);
  });
  const postcodes = options.postcodes.map((code) => normalizePostcode(code) ?? '');
  const bad = options.postcodes.filter((_, index) => postcodes[index] === '');
  if (bad.length > 0 || postcodes.length === 0) throw new ContentError(`postcodes must be 4 digits or 4 digits and 2 letters (9981 or 9981AB): ${bad.join(', ') || 'none given'}`);

  const text = await readFile(options.file, 'utf8').catch((error: unknown) => {
    throw new ContentError(`cannot read ${options.file}`, [String(error)]);
  });
  const calendar = parseWasteCalendar(text, basename(options.file));
  if (calendar.collections.length === 0) throw new ContentError(`${options.file} has no collection of a known waste stream`, calendar.skipped);

  // One file per area, named after it, so importing a new year's calendar replaces the old one.
  const slug = options.area.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (slug === '') throw new ContentError(`area name "${options.area}" needs letters or digits`);
  const calendarFile = `calendars/${slug}${extname(options.file).toLowerCase()}`;

  const wasteFile = join(tenantDir, 'waste.yaml');
  const document = parseDocument(await readFile(wasteFile, 'utf8').catch(() => ''));
  if (document.errors.length > 0) throw new ContentError(`${wasteFile} is not valid YAML`, document.errors.map((error) => error.message));
  const added = upsertCalendarEntry(document, { area: options.area, file: calendarFile, postcodes, sample: options.sample });
  validateWaste(document, wasteFile);

  await mkdir(join(tenantDir, 'calendars'), { recursive: true });
  await copyFile(options.file, join(tenantDir, calendarFile));
  // No folding of long lines and no padding in [a, b]: the file stays as its writers wrote it.
  await writeFile(wasteFile, document.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return { calendarFile, collections: calendar.collections.length, skipped: calendar.skipped, added };
}

interface EntryFields {
  area: string;
  file: string;
  postcodes: string[];
  sample: boolean;
}

/** Updates the entry for `area` in place (keeping its comments) or appends one; true when appended. */
function upsertCalendarEntry(document: Document, fields: EntryFields): boolean {
  if (!isMap(document.contents)) document.contents = new YAMLMap();
  const found = document.get('calendars');
  const calendars = isSeq(found) ? found : new YAMLSeq();
  if (!isSeq(found)) document.set('calendars', calendars);
  const existing = calendars.items.find((item) => isMap(item) && item.get('area') === fields.area);
  const entry = isMap(existing) ? existing : new YAMLMap();
  entry.set('area', fields.area);
  entry.set('file', fields.file);
  entry.set('postcodes', document.createNode(fields.postcodes, { flow: true }));
  // sample defaults to false; writing it only when true keeps hand-written entries tidy.
  if (fields.sample) entry.set('sample', true);
  else entry.delete('sample');
  if (!isMap(existing)) calendars.add(entry);
  return !isMap(existing);
}

function validateWaste(document: Document, where: string): void {
  const parsed = wasteSchema.safeParse(document.toJS());
  if (!parsed.success) {
    throw new ContentError(`${where} would not be valid`, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // A real calendar may cover a sample's postcodes (it wins, see findCalendarEntry); two of a kind may not.
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const entry of parsed.data.calendars) {
    for (const postcode of entry.postcodes) {
      const key = `${entry.sample ? 'sample' : 'real'} ${postcode}`;
      const other = owner.get(key);
      if (other !== undefined && other !== entry.area) clashes.push(`${postcode} is in both ${other} and ${entry.area}`);
      owner.set(key, entry.area);
    }
  }
  if (clashes.length > 0) throw new ContentError(`${where}: a postcode may belong to one calendar only`, clashes);
}
