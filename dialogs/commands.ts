// Whole-message commands that work in any state and any language: stop,
// start, menu and language, plus a language typed by its own name.
import { type Locale, localeCodes } from '../src/content/schema.js';
import type { Translate } from './ports.js';
import { languageNames } from './replies.js';

export type Command = { kind: 'stop' | 'start' | 'menu' | 'language' } | { kind: 'switch-language'; locale: Locale };

export type CommandWords = Record<'stop' | 'start' | 'menu' | 'language', ReadonlySet<string>>;

export function buildCommandWords(t: Translate): CommandWords {
  const collect = (key: string) =>
    new Set(localeCodes.flatMap((locale) => t(locale, `commands.${key}`).split('|').map(normalizeCommand).filter(Boolean)));
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
    if (words[kind].has(normalized)) return { kind };
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
