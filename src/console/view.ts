// What every console page is rendered with: the volunteer's interface language
// (Dutch or English), their account and CSRF token, and formatting helpers.
import type { Request } from 'express';
import type { AppServices } from '../app/AppServices.js';
import { readCookie } from '../auth/sessionCookie.js';
import type { User } from '../auth/UserRepository.js';

export const consoleLocales = ['nl', 'en'] as const;
export type ConsoleLocale = (typeof consoleLocales)[number];
export const consoleLocaleCookie = 'spreekuur_console_lang';

export interface View {
  locale: ConsoleLocale;
  t(key: string, values?: Record<string, string | number>): string;
  user: User | undefined;
  csrf: string | undefined;
  timeZone: string;
}

export function consoleLocaleOf(req: Request): ConsoleLocale {
  const chosen = readCookie(req, consoleLocaleCookie);
  const fromCookie = consoleLocales.find((locale) => locale === chosen);
  if (fromCookie) return fromCookie;
  const accepted = req.acceptsLanguages(...consoleLocales);
  return consoleLocales.find((locale) => locale === accepted) ?? 'nl';
}

export function createView(services: AppServices, req: Request, auth?: { user: User; csrf: string }): View {
  const locale = consoleLocaleOf(req);
  return {
    locale,
    t: (key, values) => services.translator.t(locale, `console:${key}`, values),
    user: auth?.user,
    csrf: auth?.csrf,
    timeZone: services.config.TZ_SPREEKUUR,
  };
}

export function formatDateTime(view: View, date: Date): string {
  return new Intl.DateTimeFormat(view.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: view.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatWait(view: View, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return view.t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return view.t('time.hours', { count: hours, minutes: minutes % 60 });
  return view.t('time.days', { count: Math.floor(hours / 24) });
}

/** "Arabisch" / "Arabic" from the language code, so no list of names is kept by hand. */
export function languageName(view: View, code: string): string {
  try {
    return new Intl.DisplayNames([view.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name a person sees for a volunteer: the display name's first word, else the address before the @. */
export function firstNameOf(user: Pick<User, 'displayName' | 'email'>): string {
  const name = user.displayName?.trim().split(/\s+/)[0];
  return name || (user.email.split('@')[0] ?? user.email);
}
