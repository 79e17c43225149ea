// Dates and times in the person's own language, via Intl: Arabic and Persian
// get the digits Intl gives them, Persian keeps the Gregorian calendar the
// spreekuur's letters and agenda use.
import type { Locale } from '../content/schema.js';

/** The BCP 47 tag Intl should format with for a content locale. */
export function intlLocaleFor(locale: string): string {
  return locale === 'fa' ? 'fa-IR-u-ca-gregory' : locale;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions, kind: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocaleFor(locale), { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** "maandag 2 maart om 09:30", "دوشنبه ۲ مارس ساعت ۰۹:۳۰". */
export function formatSlotTime(start: Date, locale: string, timeZone: string): string {
  return formatter(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'slot').format(start);
}

/** "maandag 2 maart 2026": headings of the console's day view. */
export function formatDay(instant: Date, locale: string, timeZone: string): string {
  return formatter(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, 'day').format(instant);
}

/** "09:30". */
export function formatClock(instant: Date, locale: string, timeZone: string): string {
  return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'clock').format(instant);
}

/** A language's own name ("العربية", "ትግርኛ"), so a person finds theirs whatever language the list is in. */
export function languageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
