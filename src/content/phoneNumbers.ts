// Finds phone numbers written inside answer texts, so `content check` can make
// sure every number the bot sends is well formed and listed on its node: a wrong
// digit in a phone number is the costliest typo the content can have.
import { phoneSchema } from './schema.js';

export interface PhoneInText {
  /** As written, trimmed. */
  raw: string;
  /** Digits only, +31 turned into 0: the form two numbers are compared in. */
  normalized: string;
  /** Whether `raw` is written the way phoneSchema accepts (so it can be tapped and compared). */
  valid: boolean;
}

const candidatePattern = new RegExp(
  [
    '\\+\\d{2}(?:[ -]?\\d){7,11}', // +31 50 123 4567
    '0\\d(?:[ -]?\\d){6,10}', // 050-1234567, 0800-0543
    '14 ?0\\d{2,3}', // 14 050
    '1(?:1\\d|44)', // 112, 113, 144; other 1xx numbers are more often amounts than phones
  ].join('|'),
  'g',
);
// Not next to other digits, letters or decimal marks, so 2027-06-30, €1.150 or BSN123 never match.
const boundaryBefore = /[\p{L}\p{N}.,/:]$/u;
const boundaryAfter = /^[\p{L}\p{N}/:]|^[.,]\p{N}/u;
// Dutch dates (01-02-2025) look like phone numbers to the pattern above.
const datePattern = /^\d{2}[-. ]\d{2}[-. ]\d{4}$/;

export function findPhoneNumbers(text: string): PhoneInText[] {
  // Eastern Arabic and Persian digits are matched too (each is one UTF-16 unit, so
  // offsets carry over): such a number is still a phone number, one a phone cannot dial.
  const ascii = toAsciiDigits(text);
  const found: PhoneInText[] = [];
  for (const match of ascii.matchAll(candidatePattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (boundaryBefore.test(ascii.slice(Math.max(0, start - 1), start)) || boundaryAfter.test(ascii.slice(end, end + 2))) continue;
    if (datePattern.test(match[0])) continue;
    const raw = text.slice(start, end);
    found.push({ raw, normalized: normalizePhone(match[0]), valid: raw === match[0] && phoneSchema.safeParse(raw).success });
  }
  return found;
}

/** Digits only, with the +31 country code written as the trunk 0: '+31 50 123 4567' -> '0501234567'. */
export function normalizePhone(phone: string): string {
  const digits = toAsciiDigits(phone).replace(/[^\d+]/g, '');
  return digits.startsWith('+31') ? `0${digits.slice(3)}` : digits.replace('+', '');
}

function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (char) => String((char.codePointAt(0) ?? 0) & 0xf));
}
