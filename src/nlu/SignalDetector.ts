// Runs one signal lexicon (content/signals/<kind>.yaml) on a message: every
// group whose phrases or patterns occur, minus the groups an `unless` phrase
// cancels. Phrases of all locales are tried on every message, because the
// language guess of a short message can be wrong and a signal must not be missed.
import { type AnalysedMessage, analyseMessage } from './analyseMessage.js';
import { PhraseMatcher } from './PhraseMatcher.js';
import type { SignalGroup } from './signalsSchema.js';

export interface SignalHit {
  group: string;
  topic: string | undefined;
  weight: number;
  /** The hit counts only when the best topic is one of these (empty: always). */
  onlyWithTopics: readonly string[];
  /** The lexicon phrase (or pattern) that matched, for logs and tests. */
  phrase: string;
}

export class SignalDetector {
  private readonly phrases: PhraseMatcher;
  private readonly unless: PhraseMatcher;
  private readonly patterns: { group: string; pattern: RegExp }[] = [];

  constructor(private readonly groups: Readonly<Record<string, SignalGroup>>) {
    const phrases: Record<string, string[]> = {};
    const unless: Record<string, string[]> = {};
    for (const [key, group] of Object.entries(groups)) {
      phrases[key] = Object.values(group.phrases).flat();
      unless[key] = Object.values(group.unless).flat();
      for (const source of group.patterns) this.patterns.push({ group: key, pattern: new RegExp(source, 'u') });
    }
    this.phrases = new PhraseMatcher(phrases);
    this.unless = new PhraseMatcher(unless, 3);
  }

  /** Signals in a raw message. */
  detect(text: string): SignalHit[] {
    return this.detectIn(analyseMessage(text));
  }

  /** The words this lexicon's phrases contain: typo correction may aim at them. */
  get words(): ReadonlySet<string> {
    return this.phrases.words;
  }

  /** Signals in an analysed message (one hit per group, first phrase found). */
  detectIn(message: Pick<AnalysedMessage, 'forms' | 'normalized'>): SignalHit[] {
    const { forms, normalized } = message;
    const found = new Map<string, string>();
    for (const match of this.phrases.match(forms)) if (!found.has(match.group)) found.set(match.group, match.phrase);
    for (const { group, pattern } of this.patterns) {
      if (!found.has(group) && pattern.test(normalized)) found.set(group, pattern.source);
    }
    if (found.size === 0) return [];
    const cancelled = this.unless.groupsIn(forms);
    const hits: SignalHit[] = [];
    for (const [key, phrase] of found) {
      const group = this.groups[key];
      if (!group || cancelled.has(key)) continue;
      hits.push({ group: key, topic: group.topic, weight: group.weight, onlyWithTopics: group.only_with_topics, phrase });
    }
    return hits;
  }

  /** Sum of the weights of the groups found; groups bound to topics count only when `bestTopic` is one of them. */
  score(message: Pick<AnalysedMessage, 'forms' | 'normalized'>, bestTopic?: string): { score: number; hits: SignalHit[] } {
    const hits = this.detectIn(message).filter((hit) => hit.onlyWithTopics.length === 0 || (bestTopic !== undefined && hit.onlyWithTopics.includes(bestTopic)));
    return { score: hits.reduce((sum, hit) => sum + hit.weight, 0), hits };
  }
}
