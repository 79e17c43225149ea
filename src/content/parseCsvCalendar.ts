// Reads a waste calendar typed by hand (or saved from a spreadsheet) as CSV:
// a header `date,stream`, then one collection a line. Dutch spreadsheets write
// DD-MM-YYYY and separate with semicolons, so both are accepted.
import { ContentError } from '../errors.js';
import { toDayNumber } from './isoDate.js';
import { type ParsedWasteCalendar, streamFromText } from './wasteCollection.js';

export function parseCsvCalendar(text: string, where: string): ParsedWasteCalendar {
  const lines = text
    .replace(/^\uFEFF/, '') // a byte-order mark from Excel
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, cells: splitCells(line) }))
    .filter(({ cells }) => cells.some((cell) => cell !== '') && !cells[0]?.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = header?.cells.map((cell) => cell.toLowerCase()) ?? [];
  const dateColumn = columns.indexOf('date');
  const streamColumn = columns.indexOf('stream');
  if (dateColumn === -1 || streamColumn === -1) throw new ContentError(`${where}: the first line must be the header date,stream`);

  const problems: string[] = [];
  const result: ParsedWasteCalendar = { collections: [], skipped: [] };
  for (const { number, cells } of rows) {
    const date = cells[dateColumn] ?? '';
    const title = cells[streamColumn] ?? '';
    const start = readDate(date);
    const stream = streamFromText(title);
    if (start === undefined) problems.push(`${where}:${number}: "${date}" is not a date (YYYY-MM-DD or DD-MM-YYYY)`);
    if (!stream) problems.push(`${where}:${number}: "${title}" is not a waste stream (gft, pmd, papier, glas, rest, textiel, grofvuil)`);
    if (start !== undefined && stream) result.collections.push({ stream, start });
  }
  if (rows.length === 0) problems.push(`${where}: no collections below the header`);
  if (problems.length > 0) throw new ContentError(`${where} is not a usable waste calendar`, problems);
  return result;
}

function splitCells(line: string): string[] {
  return line.split(/[,;]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

function readDate(value: string): number | undefined {
  const dutch = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  return toDayNumber(dutch ? `${dutch[3]}-${dutch[2]}-${dutch[1]}` : value);
}
