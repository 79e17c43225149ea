// Routing: text + conversation context → language, topic, action, confidence.
// Pure and synchronous; the live bot and `spreekuur route` call exactly this.
// Order (routing-contract.md): emergencies first, then explicit requests for a
// person or an appointment, then the topic classifier, with personal cases
// handed to a person and uncertain guesses turned into a choice of topics.
// A message of small talk only ("hoi", "dank je wel") gets the menu; a message
// whose words the index does not know at all ("Noor") gets no guessed topic,
// because the classifier's posterior over a few stray n-grams means nothing.
import type { Action, Locale } from '../content/schema.js';
import { type AnalysedMessage, analyseTokens, matchesIn } from './analyseMessage.js';
import { type RouterIndex, type TokenFacts, type TopicInfo, notCoveredLabel } from './buildRouterIndex.js';
import { pickEmergency } from './detectEmergency.js';
import { type LanguageGuess, detectLanguageOfTokens } from './detectLanguage.js';
import { conceptBucket, extractFeatures, featureTableKey, messageStemmer, wordBucket } from './extractFeatures.js';
import type { Classification, LabelEvidence } from './TopicClassifier.js';

type Stemmer = (token: string) => string;

export interface RouteContext {
  /** The language of the conversation so far (kept when a message is too short to tell). */
  conversationLang?: Locale;
  /** A language the person chose explicitly: always answered in. */
  chosenLang?: Locale;
  tenantKey?: string;
  /** The topic of the previous turn: a slight preference when the classifier hesitates. */
  previousTopic?: string;
}

export type RouteReason = 'emergency' | 'person' | 'appointment' | 'personal-case' | 'classifier' | 'keyword' | 'low-confidence' | 'empty' | 'smalltalk';

export interface RouteResult {
  text: string;
  /** The language to answer in. */
  lang: Locale;
  /** The language the message itself appears to be in, and whether that was clear. */
  detectedLang: Locale;
  langDecided: boolean;
  topic: string | null;
  action: Action;
  confidence: number;
  /** The best topics, most likely first: the numbered choices when reason is 'low-confidence'. */
  alternatives: { topic: string; confidence: number }[];
  /**
   * 'empty' (no words) and 'smalltalk' (only greetings, thanks, yes/no, goodbyes: content/signals/smalltalk.yaml)
   * come with action 'ask' (the dialog shows the menu); they and 'low-confidence' come with topic null.
   */
  reason: RouteReason;
  /** The lexicon phrase behind a signal (emergency, person, appointment, personal case), for logs. */
  signal?: string;
}

export function routeMessage(text: string, context: RouteContext, index: RouterIndex): RouteResult {
  const { message, facts } = analyseTokens(text, (token) => index.tokenFacts.get(token), true);
  const guess = detectLanguageOfTokens(text, message.tokens, context.conversationLang, {
    domainTerms: index.domainTerms,
    traitsOf: (_, i) => facts[i]!.traits,
  });
  const stem = messageStemmer(guess.lang, index.domainTerms, index.stemTables.get(guess.lang));
  const base: RouteBase = { text, lang: context.chosenLang ?? guess.lang, detectedLang: guess.lang, langDecided: guess.decided, alternatives: [] };
  if (message.tokens.length === 0) return routed(base, null, 'ask', 0, 'empty');
  const emergencyHits = index.emergency.detectIn(message);
  const emergency = emergencyHits.length === 0 ? null : pickEmergency(emergencyHits.filter((hit) => hit.onlyWithTopics.length === 0));
  if (emergency) return routed(base, emergency.topic, 'emergency', 1, 'emergency', emergency.phrase);
  if (isSmallTalk(message, index)) return routed(base, null, 'ask', 0, 'smalltalk');
  const { classification, covered, concepts, notCovered } = classifyMessage(message, facts, guess, context, index, stem);
  // A hit bound to topics counts when the best topic is one of them; a group without a topic of its own ("help me") takes that one.
  const best = classification.ranked[0]?.label ?? '';
  const conditional = emergencyHits.length === 0 ? null : pickEmergency(emergencyHits.filter((hit) => hit.onlyWithTopics.includes(best)).map((hit) => ({ ...hit, topic: hit.topic ?? best })));
  if (conditional) return routed(base, conditional.topic, 'emergency', 0.8, 'emergency', conditional.phrase);
  const alternatives = classification.ranked
    .slice(0, index.thresholds.alternatives)
    .map(({ label, probability }) => ({ topic: label, confidence: round(probability) }));
  const withBase: RouteBase = { text, lang: base.lang, detectedLang: base.detectedLang, langDecided: base.langDecided, alternatives };
  const evidence = weighEvidence(message, facts, guess, concepts, index, stem, notCovered);
  const request = detectRequest(message, classification, withBase, index);
  if (request) return request;
  // Out of vocabulary: no word of the message is known, so whatever the classifier
  // ranks first rests on a few shared letters. Offer the choices, claim nothing.
  if (evidence.known === 0) return routed(withBase, null, 'handoff', 0, 'low-confidence');
  return decideTopic(message, classification, covered, withBase, index, evidence);
}

/**
 * How much of the message the index knows: `known` of the `words` (non-numeric tokens)
 * occur in the training texts, keywords, lexicons or concepts (or their stem in training),
 * and whether any content word or concept occurs in the examples of an emergency topic.
 */
interface Evidence {
  known: number;
  words: number;
  emergency: boolean;
  /** The message resembles the not-covered examples more than any topic. */
  notCovered?: boolean;
}

function weighEvidence(
  message: AnalysedMessage,
  facts: readonly TokenFacts[],
  guess: LanguageGuess,
  concepts: ReadonlySet<string>,
  index: RouterIndex,
  stem: Stemmer,
  notCovered: boolean,
): Evidence {
  const inPhrase = tokenMarks(message.tokens.length);
  for (const match of matchesIn(message, index.concepts)) inPhrase.fill(1, match.start, match.end + 1);
  for (const match of matchesIn(message, index.keywords)) inPhrase.fill(1, match.start, match.end + 1);
  let known = 0;
  let words = 0;
  let emergency = false;
  for (const concept of concepts) if (index.emergencyTopics.some((topic) => index.classifier.hasSeen(conceptBucket(concept), topic))) emergency = true;
  const noIds: readonly number[] = [];
  for (let i = 0; i < message.tokens.length; i++) {
    const token = message.tokens[i]!;
    if (isNumber(token)) continue;
    words++;
    // The token's forms include its correction (analyseMessage).
    const forms = message.forms[i] ?? [token];
    const ids = message.formIds?.[i] ?? noIds;
    // Stems only when the words themselves say nothing (the stemmer is the costly part).
    const isKnown = inPhrase[i] === 1 || index.wordFacts.anyKnown(ids) || anyStemKnown(forms, index, stem);
    if (!isKnown) continue;
    known++;
    if (emergency || !facts[i]!.contentWord) continue;
    if (index.wordFacts.anyEmergency(forms, ids, guess.lang, stem)) emergency = true;
  }
  return { known, words, emergency, notCovered };
}

function anyStemKnown(forms: readonly string[], index: RouterIndex, stem: Stemmer): boolean {
  for (const form of forms) if (index.knownStems.has(stem(form))) return true;
  return false;
}

function isNumber(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** At least one mark per token, the first `count` 0: routing is synchronous, so one buffer serves every message. */
let marks = new Uint8Array(64);
function tokenMarks(count: number): Uint8Array {
  if (marks.length < count) marks = new Uint8Array(2 * count);
  marks.fill(0, 0, count);
  return marks;
}

/**
 * Only small talk: at least one phrase of the small-talk lexicon, and every other word
 * unknown to the index (a name: "hallo Noor"). A known word next to a greeting is a
 * question ("hallo, hoe vraag ik zorgtoeslag aan") and goes to the classifier.
 */
function isSmallTalk(message: AnalysedMessage, index: RouterIndex): boolean {
  const matches = matchesIn(message, index.smalltalk);
  if (matches.length === 0) return false;
  const covered = new Set<number>();
  for (const match of matches) for (let i = match.start; i <= match.end; i++) covered.add(i);
  return message.tokens.every((token, i) => {
    if (covered.has(i)) return true;
    const fix = message.corrected[i] ?? token;
    return !/\d/.test(token) && fix === token && !(message.forms[i] ?? [token]).some((form) => index.knownWords.has(form));
  });
}

function classifyMessage(
  message: AnalysedMessage,
  facts: readonly TokenFacts[],
  guess: LanguageGuess,
  context: RouteContext,
  index: RouterIndex,
  stem: Stemmer,
): { classification: Classification; covered: boolean; concepts: Set<string>; notCovered: boolean } {
  const concepts = new Set<string>();
  for (const match of matchesIn(message, index.concepts)) concepts.add(match.group);
  const arabizi = guess.arabizi === true;
  // Words training knows bring their evidence ready-made; the rest (and the concepts) are featurised.
  const evidence = index.classifier.reuseEvidence();
  const known = index.wordEvidence.get(featureTableKey(guess.lang, arabizi));
  const unknown: string[] = [];
  for (let i = 0; i < message.corrected.length; i++) {
    const token = message.corrected[i]!;
    if (!known?.addWord(token, facts[i]!.analysis.correctedId, evidence)) unknown.push(token);
  }
  const features = extractFeatures(unknown, { lang: guess.lang, arabizi, verbatim: index.domainTerms, concepts, weights: index.featureWeights, stem, transient: true });
  index.classifier.accumulate(features, evidence, { deferSeen: true });
  // Routing reads the best few: the best, the runner-up and the alternatives, one more for the not-covered label.
  const top = Math.max(3, index.thresholds.alternatives) + 1;
  const ranked = index.classifier.rank(evidence, { top, prefer: context.previousTopic });
  const notCovered = ranked.ranked[0]?.label === notCoveredLabel;
  const classification = withoutNotCovered(ranked);
  const best = classification.ranked[0]?.label ?? '';
  const covered = isCovered(classification, evidence, concepts.size, index) && contentWordShare(message, facts, guess, best, index, stem) >= index.thresholds.minContentWords;
  return { classification, covered, concepts, notCovered };
}

/** Share of the message's content words whose stem occurs in the examples of `topic` (1 when there are none). */
function contentWordShare(message: AnalysedMessage, facts: readonly TokenFacts[], guess: LanguageGuess, topic: string, index: RouterIndex, stem: Stemmer): number {
  const { classifier } = index;
  const label = classifier.labelIndex(topic);
  let content = 0;
  let seen = 0;
  const context = { lang: guess.lang, verbatim: index.domainTerms, stem };
  const find = (token: string): number => classifier.blockOf(wordBucket(token, context));
  for (let i = 0; i < message.corrected.length; i++) {
    if (!facts[i]!.topicWord) continue;
    content++;
    const block = index.wordFacts.stemBlock(guess.lang, facts[i]!.analysis.correctedId, message.corrected[i]!, find);
    if (classifier.seenAt(block, label)) seen++;
  }
  return content === 0 ? 1 : seen / content;
}

/** An explicit request for an appointment or for a person, unless the topic itself is about such things. */
function detectRequest(message: AnalysedMessage, classification: Classification, partial: RouteBase, index: RouterIndex): RouteResult | undefined {
  // A confident topic whose own examples talk about appointments (or people) keeps the
  // message: "afspraak bij de huisarts" is huisarts.afspraak, not the spreekuur's agenda.
  const best = classification.ranked[0];
  const topicOwns = (topics: ReadonlySet<string>): boolean => best !== undefined && best.probability >= 0.35 && topics.has(best.label);
  const appointment = topicOwns(index.signalTopics.appointment) ? undefined : index.appointment.detectIn(message)[0];
  if (appointment) {
    return routed(partial, appointment.topic ?? 'spreekuur.afspraak', 'appointment', 0.9, 'appointment', appointment.phrase);
  }
  const person = topicOwns(index.signalTopics.person) ? undefined : index.person.detectIn(message)[0];
  if (person) {
    return routed(partial, person.topic ?? 'mens.spreken', 'handoff', 0.9, 'person', person.phrase);
  }
  return undefined;
}

type RouteBase = Pick<RouteResult, 'text' | 'lang' | 'detectedLang' | 'langDecided' | 'alternatives'>;

/**
 * A route result, built with its fields always in one order: every outcome then has one
 * object shape, where spreading a partial result gave V8 several and made the stores slow.
 */
function routed(base: RouteBase, topic: string | null, action: Action, confidence: number, reason: RouteReason, signal?: string): RouteResult {
  const { text, lang, detectedLang, langDecided, alternatives } = base;
  return { text, lang, detectedLang, langDecided, topic, action, confidence, alternatives, reason, signal };
}

/**
 * Whether the best topic explains the message well enough to answer: probable
 * enough, sharing enough of the message's features with the topic's examples,
 * and, without any known concept in the message, clearly ahead.
 */
function isCovered(classification: Classification, evidence: LabelEvidence, conceptCount: number, index: RouterIndex): boolean {
  const { thresholds } = index;
  const best = classification.ranked[0];
  if (!best) return false;
  const needed = conceptCount > 0 ? thresholds.minProbability : thresholds.minProbabilityWithoutConcept;
  return best.probability >= needed && index.classifier.supportIn(evidence, best.label) >= thresholds.minSupport;
}

function decideTopic(
  message: AnalysedMessage,
  classification: Classification,
  covered: boolean,
  partial: RouteBase,
  index: RouterIndex,
  evidence: Evidence,
): RouteResult {
  const { thresholds } = index;
  const best = classification.ranked[0];
  const bestTopic = best ? index.topics.get(best.label) : undefined;
  const probability = best?.probability ?? 0;
  // No answer is surer than the share of the message's words the index knows.
  const share = evidence.words > 0 ? evidence.known / evidence.words : 0;
  const capped = Math.min(probability, share);
  // An emergency topic from the classifier alone needs a word its examples use;
  // without one it is a guess, and the message gets the non-emergency handling.
  const emergencyLead = bestTopic?.action === 'emergency';
  const confident = covered && !emergencyLead;
  // Topic-bound markers ("it did not arrive" for an allowance) count when the topic is
  // among the likely ones: the marker itself is better evidence than a near tie.
  const likely: string[] = [];
  const { ranked } = classification;
  for (let r = 0; r < Math.min(3, ranked.length); r++) if (ranked[r]!.probability >= 0.1) likely.push(ranked[r]!.label);
  const personal = index.personalCase.score(message, likely);

  // A marker of the person's own paperwork (a fine, a letter, a rejection) outweighs an
  // emergency guessed by the classifier alone ("I was fined in the bus"); the emergency
  // lexicon has already spoken, and the thread still goes to a person.
  const ownCase = personal.score >= thresholds.personalCase;
  // Safety first: an emergency topic that leads the ranking is trusted when the
  // classifier is fairly sure, and also when it is unsure of everything else.
  // A message that looks not covered at all needs the full emergency probability.
  if (!ownCase && best && emergencyLead && evidence.emergency && (probability >= thresholds.emergencyProbability || (!covered && !evidence.notCovered))) {
    return routed(partial, best.label, 'emergency', round(capped), 'classifier');
  }
  // Unsure of every topic, with an emergency topic close behind: recall first as well.
  const runnerUp = classification.ranked[1];
  const unsure = !covered && !evidence.notCovered && probability < thresholds.minProbability;
  if (!ownCase && unsure && evidence.emergency && runnerUp && index.topics.get(runnerUp.label)?.action === 'emergency' && runnerUp.probability >= thresholds.emergencyRunnerUp) {
    return routed(partial, runnerUp.label, 'emergency', round(runnerUp.probability), 'classifier');
  }
  if (ownCase) {
    const topic = best && !emergencyLead && (confident || probability >= thresholds.minProbability / 2) ? best.label : null;
    return routed(partial, topic, 'handoff', round(Math.min(1, personal.score / 2 + 0.4)), 'personal-case', personal.hits[0]?.phrase);
  }
  if (best && bestTopic && confident) {
    return routed(partial, best.label, routineAction(bestTopic), round(capped), 'classifier');
  }
  // A lone keyword does not outweigh a message that resembles the not-covered examples most.
  const keywordTopic = evidence.notCovered ? undefined : uniqueKeywordTopic(message, index);
  // Emergencies come from the lexicon or a confident classifier, never from a lone keyword.
  if (keywordTopic && index.topics.get(keywordTopic)?.action !== 'emergency') {
    const info = index.topics.get(keywordTopic);
    if (info) return routed(partial, keywordTopic, routineAction(info), round(Math.max(probability, 0.5)), 'keyword');
  }
  return routed(partial, null, 'handoff', round(Math.min(capped, thresholds.minProbability)), 'low-confidence');
}

/**
 * The action for a recognised topic with no sign of the person's own case: its default,
 * except that a handoff topic with routine answers ("is debt help free?") answers
 * (routing-contract.md: routine information is answered, the own case is handed off).
 */
function routineAction(info: TopicInfo): Action {
  return info.answersRoutine ? 'answer' : info.action;
}

/** The one topic whose content keywords occur in the message, if exactly one does. */
function uniqueKeywordTopic(message: AnalysedMessage, index: RouterIndex): string | undefined {
  const topics = new Set(matchesIn(message, index.keywords).map((match) => match.group));
  return topics.size === 1 ? [...topics][0] : undefined;
}

// Questions like the not-covered examples take probability from every topic; the
// label itself is no topic and leaves the ranking (of a classification routing owns).
function withoutNotCovered(classification: Classification): Classification {
  const at = classification.ranked.findIndex((entry) => entry.label === notCoveredLabel);
  if (at >= 0) classification.ranked.splice(at, 1);
  return classification;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
