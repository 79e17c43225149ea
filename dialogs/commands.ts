// Whole-message commands that work in any state and any language: stop,
// start, menu and language, plus a language typed by its own name.
import { type Locale, localeCodes } from '../src/content/schema.js';
import type { Translate } from './ports.js';
import { languageNames } from './replies.js';

export type Command =
  /** `locales`: the languages whose word this is; one means the word itself tells the language. */
  | { kind: 'stop' | 'start' | 'menu' | 'language'; locales: Locale[] }
  | { kind: 'switch-language'; locale: Locale };

export type CommandWords = Record<'stop' | 'start' | 'menu' | 'language', ReadonlyMap<string, Locale[]>>;

export function buildCommandWords(t: Translate): CommandWords {
  const collect = (key: string) => {
    const words = new Map<string, Locale[]>();
    for (const locale of localeCodes) {
      for (const word of t(locale, `commands.${key}`).split('|').map(normalizeCommand).filter(Boolean)) {
        words.set(word, [...(words.get(word) ?? []), locale]);
      }
    }
    return words;
  };
  return { stop: collect('stop'), start: collect('start'), menu: collect('menu'), language: collect('language') };
}

const languageAliases: Record<string, Locale> = Object.fromEntries([
  ...localeCodes.map((code) => [normalizeCommand(languageNames[code]), code] as const),
  ...localeCodes.map((code) => [code, code] as const),
  ['dutch', 'nl'], ['english', 'en'], ['engels', 'en'], ['arabic', 'ar'], ['arabisch', 'ar'], ['عربي', 'ar'], ['tigrinya', 'ti'], ['tigrinja', 'ti'],
  ['farsi', 'fa'], ['persian', 'fa'], ['perzisch', 'fa'], ['dari', 'fa'], ['فارسی', 'fa'], ['دری', 'fa'], ['turkish', 'tr'], ['turks', 'tr'],
  ['ukrainian', 'uk'], ['oekraïens', 'uk'], ['українська', 'uk'], ['somali', 'so'], ['somalisch', 'so'], ['af soomaali', 'so'],
]);

export function matchCommand(text: string, words: CommandWords): Command | undefined {
  const normalized = normalizeCommand(text);
  if (!normalized) return undefined;
  for (const kind of ['stop', 'start', 'menu', 'language'] as const) {
    const locales = words[kind].get(normalized);
    if (locales) return { kind, locales };
  }
  const locale = languageAliases[normalized];
  return locale ? { kind: 'switch-language', locale } : undefined;
}

function normalizeCommand(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u200c\u200f\u200e]+/g, ' ')
    .replace(/[!?.,؟،]+$/u, '')
    .trim()
    .replace(/^[٠۰]$/, '0');
}
