// Reads content/signals/*.yaml synchronously (start-up only), so that building
// the router index stays a plain function call. Several files may contribute
// groups of one kind; every problem is reported at once, as for the content tree.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlText } from '../content/parseYamlText.js';
import { ContentError } from '../errors.js';
import type { Locale } from '../content/schema.js';
import { type Signals, notCoveredFileSchema, signalFileSchema } from './signalsSchema.js';

function isNotCoveredFile(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { signal?: unknown }).signal === 'not-covered';
}

export function emptySignals(): Signals {
  return { emergency: {}, person: {}, appointment: {}, 'personal-case': {}, concepts: {}, smalltalk: {}, notCovered: {} };
}

/** Loads every signal file in `dir` (usually content/signals); a missing folder gives empty signals. */
export function loadSignals(dir: string): Signals {
  const signals = emptySignals();
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return signals;
  }
  for (const name of files) {
    let raw: unknown;
    try {
      raw = parseYamlText(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`signals/${name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (isNotCoveredFile(raw)) {
      const examples = notCoveredFileSchema.safeParse(raw);
      if (!examples.success) {
        for (const issue of examples.error.issues) problems.push(`signals/${name}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
        continue;
      }
      for (const [lang, texts] of Object.entries(examples.data.examples) as [Locale, string[]][]) (signals.notCovered[lang] ??= []).push(...texts);
      continue;
    }
    const parsed = signalFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`signals/${name}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    const target = signals[parsed.data.signal];
    for (const [key, group] of Object.entries(parsed.data.groups)) {
      if (target[key]) problems.push(`signals/${name}: group ${key} is already defined in another ${parsed.data.signal} file`);
      target[key] = group;
    }
  }
  if (problems.length > 0) throw new ContentError(`The signal lexicons in ${dir} have ${problems.length} problem(s)`, problems);
  return signals;
}
