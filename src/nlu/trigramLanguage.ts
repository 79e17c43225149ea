// franc's trigram language scores (francAll with `only`), for the two scripts language
// identification asks about, without franc's per-call overhead: franc counts every
// script of the world with a regular expression each and rebuilds its language table
// on every call, which made it the slowest step of routing. The scores are franc's
// own (its data, its distance and normalisation); a text this shortcut does not cover
// (letters of another script inside it) goes to franc itself.
import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

type Script = 'Latin' | 'Arabic';

/** franc's maximum sample length and its distance for a trigram a language lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** A language's trigrams and their rank (franc's "numeric data"), by script and language code. */
const models = new Map<string, Map<string, number>>();

function modelOf(script: Script, language: string): Map<string, number> | undefined {
  const key = `${script}/${language}`;
  let model = models.get(key);
  if (!model) {
    const source = data[script]?.[language];
    if (source === undefined) return undefined;
    model = new Map(source.split('|').map((trigram, rank) => [trigram, rank]));
    models.set(key, model);
  }
  return model;
}

function lettersOf(script: Script): string {
  const expression = expressions[script];
  if (!expression) throw new Error(`franc has no expression for ${script}`);
  return expression.source;
}

// Every character that is not a space or a digit belongs to `script`: then franc picks that script too.
const onlyScript: Record<Script, RegExp> = {
  Latin: new RegExp(`^(?:[ 0-9]|${lettersOf('Latin')})+$`),
  Arabic: new RegExp(`^(?:[ 0-9]|${lettersOf('Arabic')})+$`),
};
const hasLetter: Record<Script, RegExp> = { Latin: new RegExp(lettersOf('Latin')), Arabic: new RegExp(lettersOf('Arabic')) };

/**
 * francAll(text, { only, minLength: 1 }) for a text written in `script`: language codes
 * with scores from 1 (closest) down, in franc's order.
 */
export function trigramScores(text: string, script: Script, only: readonly string[]): [string, number][] {
  const value = text.slice(0, MAX_LENGTH);
  if (!onlyScript[script].test(value) || !hasLetter[script].test(value)) return francAll(text, { only: [...only], minLength: 1 });
  const trigrams = trigramCounts(value);
  const distances: [string, number][] = [];
  for (const language of languagesOf(script, only)) {
    const model = modelOf(script, language);
    if (!model) continue;
    let distance = 0;
    trigrams.forEach((count, trigram) => {
      const rank = model.get(trigram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    });
    distances.push([language, distance]);
  }
  if (distances.length === 0) return [['und', 1]];
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0]![1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of distances) entry[1] = 1 - (entry[1] - min) / max || 0;
  return distances;
}

/** The languages of `only` that franc has for `script`, in franc's order (which breaks ties), worked out once. */
const languageLists = new Map<string, string[]>();
function languagesOf(script: Script, only: readonly string[]): string[] {
  const key = `${script}:${only.join(',')}`;
  let languages = languageLists.get(key);
  if (!languages) languageLists.set(key, (languages = Object.keys(data[script] ?? {}).filter((language) => only.includes(language))));
  return languages;
}

/**
 * trigram-utils' asTuples as a map: the padded, cleaned text's trigrams with their counts.
 * franc sorts them, fewest first; the distance is a sum of whole numbers, so the order does not matter.
 */
function trigramCounts(value: string): Map<string, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let at = 0; at + 3 <= cleaned.length; at++) {
    const trigram = cleaned.slice(at, at + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}
