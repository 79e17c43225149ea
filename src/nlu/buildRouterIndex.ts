// Builds everything routing needs from the loaded content tree, once at start-up:
// the topic classifier (trained on the nodes' examples, keywords and titles),
// the keyword matcher and the signal detectors (content/signals). Synchronous,
// so the CLI and the bot can call it right after loadContentTree; it reads the
// signal files with readFileSync and takes well under a second for the shipped content.
import { join } from 'node:path';
import type { ContentTree } from '../content/loadContentTree.js';
import type { Action, Locale } from '../content/schema.js';
import { buildDomainTerms } from './domainTerms.js';
import { buildEmergencyDetector } from './detectEmergency.js';
import { type FeatureWeights, defaultFeatureWeights, extractFeatures } from './extractFeatures.js';
import { FuzzyLexicon } from './FuzzyLexicon.js';
import { loadSignals } from './loadSignals.js';
import { normalizeAndTokenize, scriptOf } from './normalizeText.js';
import { PhraseMatcher, tokenVariants } from './PhraseMatcher.js';
import { SignalDetector } from './SignalDetector.js';
import type { Signals } from './signalsSchema.js';
import { type ClassifierOptions, type TrainingDocument, TopicClassifier } from './TopicClassifier.js';
import { type RoutingThresholds, defaultThresholds } from './routingThresholds.js';

export interface TopicInfo {
  nodeId: string;
  action: Action;
}

export interface RouterIndex {
  classifier: TopicClassifier;
  featureWeights: FeatureWeights;
  /** Words of the training examples, for typo correction. */
  vocabulary: FuzzyLexicon;
  /** Dutch domain terms: ignored by language identification, never stemmed. */
  domainTerms: ReadonlySet<string>;
  concepts: PhraseMatcher;
  /** Content keywords; the group of a phrase is its topic. */
  keywords: PhraseMatcher;
  emergency: SignalDetector;
  person: SignalDetector;
  appointment: SignalDetector;
  personalCase: SignalDetector;
  /**
   * Topics whose own examples often ask for an appointment or a person (huisarts.afspraak,
   * afval.grofvuil): there such words are part of the topic, not a request to the spreekuur.
   */
  signalTopics: { appointment: ReadonlySet<string>; person: ReadonlySet<string> };
  topics: ReadonlyMap<string, TopicInfo>;
  thresholds: RoutingThresholds;
  stats: { documents: number; features: number; buildMs: number };
}

export interface BuildOptions {
  /** Signal lexicons; default: loaded from <tree.dir>/signals. */
  signals?: Signals;
  thresholds?: Partial<RoutingThresholds>;
  /** For measurements: other feature weights or classifier settings than the defaults. */
  featureWeights?: FeatureWeights;
  classifier?: Partial<ClassifierOptions>;
}

interface Example {
  text: string;
  lang: Locale;
  topic: string;
}

export function buildRouterIndex(tree: ContentTree, options: BuildOptions = {}): RouterIndex {
  const started = performance.now();
  const signals = options.signals ?? loadSignals(join(tree.dir, 'signals'));
  const topics = new Map<string, TopicInfo>();
  const examples: Example[] = [];
  const crossLingualKeywords: string[] = [];
  const keywordPhrases: Record<string, string[]> = {};
  for (const node of tree.nodes.values()) {
    if (!topics.has(node.topic)) topics.set(node.topic, { nodeId: node.id, action: node.action });
    const phrases = (keywordPhrases[node.topic] ??= []);
    phrases.push(...node.keywords);
    crossLingualKeywords.push(...node.keywords, ...(node.locales.nl?.keywords ?? []));
    for (const keyword of node.keywords) examples.push({ text: keyword, lang: 'nl', topic: node.topic });
    for (const [lang, locale] of localeEntries(node.locales)) {
      phrases.push(...locale.keywords);
      for (const text of [...locale.examples, ...locale.keywords, locale.title]) examples.push({ text, lang, topic: node.topic });
    }
  }
  const domainTerms = buildDomainTerms(crossLingualKeywords);
  const concepts = new PhraseMatcher(conceptPhrases(signals));
  const keywords = new PhraseMatcher(keywordPhrases, 0);
  const detectors = {
    emergency: buildEmergencyDetector(signals.emergency),
    person: new SignalDetector(signals.person),
    appointment: new SignalDetector(signals.appointment),
    personalCase: new SignalDetector(signals['personal-case']),
  };
  const tokenised = examples.map((example) => ({ ...example, tokens: normalizeAndTokenize(example.text) }));
  const vocabulary = new FuzzyLexicon([
    ...tokenised.flatMap((example) => example.tokens),
    ...concepts.words,
    ...keywords.words,
    ...Object.values(detectors).flatMap((detector) => [...detector.words]),
  ]);
  const cache = new Map<string, readonly (readonly [string, number])[]>();
  const weights = options.featureWeights ?? defaultFeatureWeights;
  const documents: TrainingDocument[] = tokenised.map(({ tokens, lang, topic }) => {
    const arabizi = lang === 'ar' && isMostlyLatin(tokens);
    const forms = tokens.map((token) => [token]);
    const features = extractFeatures(tokens, { lang, arabizi, verbatim: domainTerms, concepts: concepts.groupsIn(forms), cache, weights });
    return { label: topic, features };
  });
  const classifier = new TopicClassifier(documents, options.classifier);
  const signalTopics = {
    appointment: topicsWithSignal(tokenised, detectors.appointment, 'spreekuur.afspraak'),
    person: topicsWithSignal(tokenised, detectors.person, 'mens.spreken'),
  };
  return {
    classifier,
    featureWeights: weights,
    vocabulary,
    domainTerms,
    concepts,
    keywords,
    ...detectors,
    signalTopics,
    topics,
    thresholds: { ...defaultThresholds, ...options.thresholds },
    stats: { documents: documents.length, features: classifier.vocabularySize, buildMs: performance.now() - started },
  };
}

// A topic "bears" a signal when at least a tenth of its examples trigger it.
function topicsWithSignal(examples: readonly { tokens: string[]; topic: string }[], detector: SignalDetector, own: string): Set<string> {
  const hits = new Map<string, [number, number]>();
  for (const { tokens, topic } of examples) {
    const tally = hits.get(topic) ?? [0, 0];
    if (detector.detectIn({ forms: tokens.map((token) => tokenVariants(token)), normalized: tokens.join(' ') }).length > 0) tally[0]++;
    tally[1]++;
    hits.set(topic, tally);
  }
  return new Set([...hits].filter(([topic, [hit, total]]) => topic !== own && hit >= total / 10).map(([topic]) => topic));
}

function localeEntries<T>(locales: Partial<Record<Locale, T>>): [Locale, T][] {
  const out: [Locale, T][] = [];
  for (const lang of ['nl', 'en', 'ar', 'ti', 'fa', 'tr', 'uk', 'so'] as const) {
    const value = locales[lang];
    if (value) out.push([lang, value]);
  }
  return out;
}

function conceptPhrases(signals: Signals): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, group] of Object.entries(signals.concepts)) out[key] = Object.values(group.phrases).flat();
  return out;
}

/** Whether a text is written mostly in Latin letters (Arabizi among Arabic examples). */
export function isMostlyLatin(tokens: readonly string[]): boolean {
  let latin = 0;
  let other = 0;
  for (const token of tokens) {
    if (scriptOf(token) === 'latin') latin += token.length;
    else other += token.length;
  }
  return latin > other;
}
