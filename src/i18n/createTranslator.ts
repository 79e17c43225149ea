// Fixed texts of the bot and the console, from locales/<lng>/<namespace>.json
// through i18next. Keys are `namespace:dotted.key`; missing keys fall back to
// English, then Dutch, so a half-translated locale still answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { z } from 'zod';
import { ContentError } from '../errors.js';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const localeFileSchema: z.ZodType<Record<string, unknown>> = z.record(z.string(), z.unknown());

export interface Translator {
  t(locale: string, key: string, values?: Record<string, string | number>): string;
  /** A t bound to one locale. */
  fixed(locale: string): TFunction;
  /** Locales that have a bot namespace. */
  locales: string[];
}

export function loadLocaleResources(dir: string): Resources {
  const resources: Resources = {};
  for (const locale of readdirSync(dir, { withFileTypes: true })) {
    if (!locale.isDirectory()) continue;
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(dir, locale.name)).filter((name) => name.endsWith('.json'))) {
      const parsed = localeFileSchema.safeParse(JSON.parse(readFileSync(join(dir, locale.name, file), 'utf8')));
      if (!parsed.success) throw new ContentError(`locales/${locale.name}/${file} is not a JSON object`);
      namespaces[file.replace(/\.json$/, '')] = parsed.data;
    }
    resources[locale.name] = namespaces;
  }
  return resources;
}

export async function createTranslator(dir: string): Promise<Translator> {
  const resources = loadLocaleResources(dir);
  const instance: i18n = i18next.createInstance();
  await instance.init({
    resources,
    lng: 'nl',
    fallbackLng: ['en', 'nl'],
    ns: [...new Set(Object.values(resources).flatMap((namespaces) => Object.keys(namespaces)))],
    defaultNS: 'bot',
    nsSeparator: ':',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return {
    t: (locale, key, values) => instance.getFixedT(locale)(key, values ?? {}),
    fixed: (locale) => instance.getFixedT(locale),
    locales: Object.keys(resources).filter((locale) => resources[locale]?.bot),
  };
}
