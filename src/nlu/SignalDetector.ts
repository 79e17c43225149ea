// Runs one signal lexicon (content/signals/<kind>.yaml) on a message: every
// group whose phrases or patterns occur, minus the groups an `unless` phrase
// cancels. Phrases of all locales are tried on every message, because the
// language guess of a short message can be wrong and a signal must not be missed.
// Detectors of one router share their phrase matchers (each lexicon's groups
// under its own namespace), so a message is matched once for all lexicons.
import { type AnalysedMessage, analyseMessage, matchesIn } from './analyseMessage.js';
import { FuzzyLexicon } from './FuzzyLexicon.js';
import { PatternGate } from './PatternGate.js';
import { PhraseMatcher } from './PhraseMatcher.js';
import type { SignalGroup } from './signalsSchema.js';

export interface SignalHit {
  group: string;
  topic: string | undefined;
  weight: number;
  /** The hit counts only when the best topic is one of these (empty: always). */
  onlyWithTopics: readonly string[];
  /** The hit does not count when the best topic is one of these (personal-case markers only). */
  notWithTopics: readonly string[];
  /** The lexicon phrase (or pattern) that matched, for logs and tests. */
  phrase: string;
}

/** Phrase matchers several detectors add their groups to. */
export interface SharedMatchers {
  phrases: PhraseMatcher;
  unless: PhraseMatcher;
}

type MessageView = Pick<AnalysedMessage, 'forms' | 'formIds' | 'normalized' | 'matches'>;

export class SignalDetector {
  private readonly matchers: SharedMatchers;
  /** The section of the shared matchers that holds this lexicon's phrases (see PhraseSection). */
  private readonly section: string;
  /** `unless` phrases are a section of their own, so that the two may share one matcher. */
  private readonly unlessSection: string;
  private readonly patterns: { group: string; pattern: RegExp }[] = [];
  /** Lets a pattern run only on a message with a word it can start with (see PatternGate). */
  private readonly gate: PatternGate;
  /** Exact words of this lexicon's phrases: typo correction may aim at them. */
  readonly words = new Set<string>();
  private ownVocabulary: FuzzyLexicon | undefined;
  /** The groups by key, in a Map (a look-up by key in a large object is slow in V8 after other code ran). */
  private readonly groups: ReadonlyMap<string, SignalGroup>;

  constructor(groups: Readonly<Record<string, SignalGroup>>, namespace = 'signal', shared?: SharedMatchers) {
    this.groups = new Map(Object.entries(groups));
    this.matchers = shared ?? { phrases: new PhraseMatcher(), unless: new PhraseMatcher() };
    this.section = namespace;
    this.unlessSection = `unless:${namespace}`;
    const phrases: Record<string, string[]> = {};
    const unless: Record<string, string[]> = {};
    for (const [key, group] of Object.entries(groups)) {
      phrases[key] = Object.values(group.phrases).flat();
      unless[key] = Object.values(group.unless).flat();
      for (const source of group.patterns) this.patterns.push({ group: key, pattern: new RegExp(source, 'u') });
    }
    for (const word of this.matchers.phrases.addGroups(phrases, 2, this.section)) this.words.add(word);
    this.matchers.unless.addGroups(unless, 3, this.unlessSection);
    this.gate = new PatternGate(this.patterns.map(({ pattern }) => pattern.source));
  }

  /** Signals in a raw message (typos in this lexicon's words are corrected first). */
  detect(text: string): SignalHit[] {
    this.ownVocabulary ??= new FuzzyLexicon(this.words);
    return this.detectIn(analyseMessage(text, this.ownVocabulary));
  }

  /** Signals in an analysed message (one hit per group, first phrase found). */
  detectIn(message: MessageView): SignalHit[] {
    // Most messages have no signal: nothing is allocated for them.
    let found: Map<string, string> | undefined;
    for (const match of matchesIn(message, this.matchers.phrases)) {
      if (match.section !== this.section) continue;
      found ??= new Map();
      if (!found.has(match.group)) found.set(match.group, match.phrase);
    }
    if (this.patterns.length > 0) {
      this.gate.open(message.normalized);
      for (let i = 0; i < this.patterns.length; i++) {
        const { group, pattern } = this.patterns[i]!;
        if (found?.has(group) !== true && this.gate.isOpen(i) && pattern.test(message.normalized)) (found ??= new Map()).set(group, pattern.source);
      }
    }
    if (!found) return [];
    const cancelled = new Set<string>();
    for (const match of matchesIn(message, this.matchers.unless)) if (match.section === this.unlessSection) cancelled.add(match.group);
    const hits: SignalHit[] = [];
    for (const [key, phrase] of found) {
      const group = this.groups.get(key);
      if (!group || cancelled.has(key)) continue;
      hits.push({ group: key, topic: group.topic, weight: group.weight, onlyWithTopics: group.only_with_topics, notWithTopics: group.not_with_topics, phrase });
    }
    return hits;
  }

  /**
   * Sum of the weights of the groups found; groups bound to topics count only when one of `likelyTopics`
   * (most likely first) is one of them, and groups excepting topics not when the most likely one is.
   */
  score(message: MessageView, likelyTopics: readonly string[] = []): { score: number; hits: SignalHit[] } {
    const best = likelyTopics[0];
    const counts = (hit: SignalHit): boolean =>
      (hit.onlyWithTopics.length === 0 || likelyTopics.some((topic) => hit.onlyWithTopics.includes(topic))) && (best === undefined || !hit.notWithTopics.includes(best));
    const hits = this.detectIn(message).filter(counts);
    return { score: hits.reduce((sum, hit) => sum + hit.weight, 0), hits };
  }
}
