// Builds everything routing needs from the loaded content tree, once at start-up:
// the topic classifier (trained on the nodes' examples, keywords and titles),
// the keyword matcher and the signal detectors (content/signals). Synchronous,
// so the CLI and the bot can call it right after loadContentTree; it reads the
// signal files with readFileSync and takes well under a second for the shipped content.
import { join } from 'node:path';
import type { ContentTree } from '../content/loadContentTree.js';
import { answersRoutineQuestions } from '../content/renderAnswer.js';
import { type Action, type Locale, localeCodes } from '../content/schema.js';
import { buildDomainTerms } from './domainTerms.js';
import { type FeatureWeights, type Features, defaultFeatureWeights, extractFeatures } from './extractFeatures.js';
import { FuzzyLexicon } from './FuzzyLexicon.js';
import { loadSignals } from './loadSignals.js';
import { normalizeAndTokenize, scriptOf } from './normalizeText.js';
import { type TokenForms, analyseToken, idsOf, matchesIn } from './analyseMessage.js';
import { type LanguageTraits, languageTraits } from './detectLanguage.js';
import { KnownWordMemo } from './KnownWordMemo.js';
import { WordFacts } from './WordFacts.js';
import { isContentWord, isTopicWord } from './wordKinds.js';
import { PhraseMatcher, tokenVariants } from './PhraseMatcher.js';
import { PhraseSection } from './PhraseSection.js';
import { SignalDetector } from './SignalDetector.js';
import { stemToken } from './stemToken.js';
import type { Signals } from './signalsSchema.js';
import { type ClassifierOptions, type TrainingDocument, TopicClassifier } from './TopicClassifier.js';
import type { WordEvidenceTable } from './WordEvidenceTable.js';
import { type RoutingThresholds, defaultThresholds } from './routingThresholds.js';

/**
 * The classifier's label for content/signals/not-covered.yaml: never a topic. Routing drops
 * it from the ranking, so the probability it takes is missing from every real topic.
 */
export const notCoveredLabel = '∅';

export interface TopicInfo {
  nodeId: string;
  action: Action;
  /** A handoff topic whose routine questions get an answer (the node has a handoff note). */
  answersRoutine: boolean;
}

export interface RouterIndex {
  classifier: TopicClassifier;
  featureWeights: FeatureWeights;
  /** Words of the training examples and lexicons, for typo correction before classifying. */
  vocabulary: FuzzyLexicon;
  /** Dutch domain terms: ignored by language identification, never stemmed. */
  domainTerms: ReadonlySet<string>;
  /** One matcher for every phrase lexicon (concepts, keywords, small talk, signals): a message is matched once. */
  phrases: PhraseMatcher;
  concepts: PhraseSection;
  /** Greetings, thanks, yes/no, goodbyes (content/signals/smalltalk.yaml), words in a row; the group is the kind. */
  smalltalk: PhraseSection;
  /**
   * Every word the index knows (training texts, keywords, all lexicons), at any length:
   * a message none of whose words is known gives the classifier nothing to go on.
   */
  knownWords: ReadonlySet<string>;
  /** Stems of every word of the training texts, as each text's language stems them. */
  knownStems: ReadonlySet<string>;
  /** Every known word and its variants without attached prefixes, numbered: the phrase matchers' table of known words. */
  wordIds: ReadonlyMap<string, number>;
  /** Which known words are known words of training or lexicons, or emergency words, by word id. */
  wordFacts: WordFacts;
  /** The analysis (correction, forms, ids) and language traits of every known word, kept from its first use. */
  tokenFacts: KnownWordMemo<TokenFacts>;
  /** The same stems by language and word: routing looks a known word's stem up instead of stemming it again. */
  stemTables: ReadonlyMap<Locale, ReadonlyMap<string, string>>;
  /**
   * The classifier's evidence of every training word, by `featureTableKey` (language, Arabizi):
   * routing adds these up for the words it knows instead of featurising and scoring them again.
   */
  wordEvidence: ReadonlyMap<string, WordEvidenceTable>;
  /**
   * Words and stems of the texts of the topics whose action is 'emergency' (nood.*):
   * an emergency from the classifier alone needs one of them in the message.
   */
  emergencyWords: ReadonlySet<string>;
  /** The topics whose action is 'emergency' (nood.*, ...). */
  emergencyTopics: readonly string[];
  /** Content keywords; the group of a phrase is its topic. */
  keywords: PhraseSection;
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
  /** Size of the model and how long building it took, in total and per phase (milliseconds). */
  stats: { documents: number; features: number; buildMs: number; phases: Record<string, number> };
}

/** What routing needs of one token before it knows the message's language. */
export interface TokenFacts {
  analysis: TokenForms;
  traits: LanguageTraits;
  /** Its correction carries meaning (isContentWord), and is a word a topic should share with it (isTopicWord). */
  contentWord: boolean;
  topicWord: boolean;
}

function tokenFacts(token: string, vocabulary: FuzzyLexicon, wordIds: ReadonlyMap<string, number>, domainTerms: ReadonlySet<string>): TokenFacts {
  const analysis = analyseToken(token, vocabulary, wordIds);
  return {
    analysis,
    traits: languageTraits(token, domainTerms),
    contentWord: isContentWord(analysis.corrected),
    topicWord: isTopicWord(analysis.corrected),
  };
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
  /** An example question (not a keyword or title). */
  isExample: boolean;
}

export function buildRouterIndex(tree: ContentTree, options: BuildOptions = {}): RouterIndex {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const lap = (name: string): void => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const signals = options.signals ?? loadSignals(join(tree.dir, 'signals'));
  lap('signals');
  const { topics, examples, crossLingualKeywords, keywordPhrases } = collectExamples(tree);
  for (const [lang, texts] of localeEntries(signals.notCovered)) {
    for (const text of texts) examples.push({ text, lang, topic: notCoveredLabel, isExample: false });
  }
  const domainTerms = buildDomainTerms(crossLingualKeywords);
  // One matcher for all phrase lexicons: a message is matched once, not once per lexicon.
  const phrases = new PhraseMatcher();
  const concepts = new PhraseSection(phrases, 'concept', conceptPhrases(signals));
  const keywords = new PhraseSection(phrases, 'keyword', keywordPhrases, 0);
  const smalltalk = new PhraseSection(phrases, 'smalltalk', conceptPhrases(signals, 'smalltalk'), 0);
  const shared = { phrases, unless: phrases };
  const detectors = {
    emergency: new SignalDetector(signals.emergency, 'emergency', shared),
    person: new SignalDetector(signals.person, 'person', shared),
    appointment: new SignalDetector(signals.appointment, 'appointment', shared),
    personalCase: new SignalDetector(signals['personal-case'], 'personal-case', shared),
  };
  lap('matchers');
  const tokenised = examples.map((example) => ({ ...example, tokens: normalizeAndTokenize(example.text) }));
  lap('tokenise');
  const signalWords = [...concepts.words, ...keywords.words, ...smalltalk.words, ...Object.values(detectors).flatMap((detector) => [...detector.words])];
  // Signal words are typo targets from 6 letters on, as in phrase matching: "miyim" must not become "miyir".
  const longSignalWords = signalWords.filter((word) => word.length >= 6);
  const vocabulary = new FuzzyLexicon([...tokenised.flatMap((example) => example.tokens), ...concepts.words, ...keywords.words, ...longSignalWords]);
  const knownWords = new Set([...tokenised.flatMap((example) => example.tokens), ...signalWords, ...domainTerms]);
  const { knownStems, stemTables, emergencyWords } = collectStems(tokenised, topics, domainTerms);
  const wordIds = new Map<string, number>();
  for (const form of [...knownWords].flatMap(tokenVariants)) if (!wordIds.has(form)) wordIds.set(form, wordIds.size);
  phrases.prime(wordIds);
  lap('vocabulary');
  const weights = options.featureWeights ?? defaultFeatureWeights;
  const training = featuriseExamples(tokenised, { domainTerms, concepts, weights, wordIds, appointment: detectors.appointment, person: detectors.person });
  lap('features');
  const classifier = new TopicClassifier(training.documents, options.classifier);
  const wordEvidence = evidenceOfWords(training.featureTables, classifier);
  for (const table of wordEvidence.values()) table.numberWords(wordIds);
  lap('train');
  return {
    classifier,
    featureWeights: weights,
    vocabulary,
    domainTerms,
    phrases,
    concepts,
    smalltalk,
    knownWords,
    knownStems,
    wordIds,
    wordFacts: new WordFacts(wordIds, knownWords, emergencyWords),
    tokenFacts: new KnownWordMemo(wordIds, (token) => tokenFacts(token, vocabulary, wordIds, domainTerms)),
    stemTables,
    wordEvidence,
    emergencyWords,
    emergencyTopics: [...topics].filter(([, info]) => info.action === 'emergency').map(([topic]) => topic),
    keywords,
    ...detectors,
    signalTopics: training.signalTopics,
    topics,
    thresholds: { ...defaultThresholds, ...options.thresholds },
    stats: { documents: training.documents.length, features: classifier.vocabularySize, buildMs: performance.now() - started, phases },
  };
}

/** Every example, keyword and title of the tree as a labelled text, plus the keyword lists. */
function collectExamples(tree: ContentTree): {
  topics: Map<string, TopicInfo>;
  examples: Example[];
  crossLingualKeywords: string[];
  keywordPhrases: Record<string, string[]>;
} {
  const topics = new Map<string, TopicInfo>();
  const examples: Example[] = [];
  const crossLingualKeywords: string[] = [];
  const keywordPhrases: Record<string, string[]> = {};
  for (const node of tree.nodes.values()) {
    if (!topics.has(node.topic)) topics.set(node.topic, { nodeId: node.id, action: node.action, answersRoutine: answersRoutineQuestions(node) });
    const phrases = (keywordPhrases[node.topic] ??= []);
    phrases.push(...node.keywords);
    crossLingualKeywords.push(...node.keywords, ...(node.locales.nl?.keywords ?? []));
    for (const keyword of node.keywords) examples.push({ text: keyword, lang: 'nl', topic: node.topic, isExample: false });
    for (const [lang, locale] of localeEntries(node.locales)) {
      phrases.push(...locale.keywords);
      for (const text of locale.examples) examples.push({ text, lang, topic: node.topic, isExample: true });
      for (const text of [...locale.keywords, locale.title]) examples.push({ text, lang, topic: node.topic, isExample: false });
    }
  }
  return { topics, examples, crossLingualKeywords, keywordPhrases };
}

/** Strings, not feature buckets: a hash collision must not make a name look like a known word. */
function collectStems(
  examples: readonly (Example & { tokens: string[] })[],
  topics: ReadonlyMap<string, TopicInfo>,
  domainTerms: ReadonlySet<string>,
): { knownStems: Set<string>; stemTables: Map<Locale, Map<string, string>>; emergencyWords: Set<string> } {
  const knownStems = new Set<string>();
  const stemTables = new Map<Locale, Map<string, string>>();
  const emergencyWords = new Set<string>();
  for (const { tokens, lang, topic } of examples) {
    const emergency = topics.get(topic)?.action === 'emergency';
    let table = stemTables.get(lang);
    if (!table) stemTables.set(lang, (table = new Map()));
    for (const token of tokens) {
      let stem = table.get(token);
      if (stem === undefined) {
        stem = domainTerms.has(token) ? token : stemToken(token, lang);
        table.set(token, stem);
        knownStems.add(stem);
      }
      if (emergency) emergencyWords.add(token).add(stem);
    }
  }
  return { knownStems, stemTables, emergencyWords };
}

interface FeaturiseContext {
  domainTerms: ReadonlySet<string>;
  wordIds: ReadonlyMap<string, number>;
  concepts: PhraseSection;
  weights: FeatureWeights;
  appointment: SignalDetector;
  person: SignalDetector;
}

/** Training documents, and which topics' own examples carry appointment or person words. */
function featuriseExamples(
  examples: readonly (Example & { tokens: string[] })[],
  context: FeaturiseContext,
): { documents: TrainingDocument[]; signalTopics: RouterIndex['signalTopics']; featureTables: Map<string, Map<string, Features>> } {
  const cache = new Map<string, Map<string, Features>>();
  const appointmentHits = new Map<string, [number, number]>();
  const personHits = new Map<string, [number, number]>();
  const documents = examples.map(({ tokens, lang, topic, isExample }) => {
    // One view per example: the concept lexicon and the signal lexicons share its matches.
    const forms = tokens.map(tokenVariants);
    const view = { forms, formIds: idsOf(forms, context.wordIds), normalized: tokens.join(' '), matches: new Map() };
    if (isExample) {
      tally(appointmentHits, topic, context.appointment.detectIn(view).length > 0);
      tally(personHits, topic, context.person.detectIn(view).length > 0);
    }
    const arabizi = lang === 'ar' && isMostlyLatin(tokens);
    const concepts = new Set(matchesIn(view, context.concepts).map((match) => match.group));
    const features = extractFeatures(tokens, { lang, arabizi, verbatim: context.domainTerms, concepts, cache, weights: context.weights });
    return { label: topic, features };
  });
  return {
    documents,
    signalTopics: { appointment: bearers(appointmentHits, 'spreekuur.afspraak'), person: bearers(personHits, 'mens.spreken') },
    featureTables: cache,
  };
}

function evidenceOfWords(tables: ReadonlyMap<string, ReadonlyMap<string, Features>>, classifier: TopicClassifier): Map<string, WordEvidenceTable> {
  return new Map([...tables].map(([key, words]) => [key, classifier.wordTable(words)]));
}

function tally(table: Map<string, [number, number]>, topic: string, hit: boolean): void {
  const counts = table.get(topic) ?? [0, 0];
  if (hit) counts[0]++;
  counts[1]++;
  table.set(topic, counts);
}

// A topic "bears" a signal when at least 1 in 40 of its examples trigger it.
function bearers(table: Map<string, [number, number]>, own: string): Set<string> {

  return new Set([...table].filter(([topic, [hit, total]]) => topic !== own && hit >= total / 40).map(([topic]) => topic));
}

function localeEntries<T>(locales: Partial<Record<Locale, T>>): [Locale, T][] {
  const out: [Locale, T][] = [];
  for (const lang of localeCodes) {
    const value = locales[lang];
    if (value) out.push([lang, value]);
  }
  return out;
}

/** The phrases of every group of a lexicon, all locales together, by group. */
function conceptPhrases(signals: Signals, kind: 'concepts' | 'smalltalk' = 'concepts'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, group] of Object.entries(signals[kind])) out[key] = Object.values(group.phrases).flat();
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
