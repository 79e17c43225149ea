// Turns a message into weighted features for the topic classifier. The same
// function runs on training examples and on incoming messages, so everything
// the classifier learns is in the same space as what it will see.
// Features are hashed into numbered buckets (the "hashing trick"): no string is
// built for a character n-gram and lookups are array reads, which is what lets
// routing handle thousands of messages per second. Collisions between the
// ~60,000 features in 2^20 buckets are rare and cost next to nothing in accuracy.
import type { Locale } from '../content/schema.js';
import { skeletonOfArabic, skeletonOfArabizi } from './arabicSkeleton.js';
import { scriptOf } from './normalizeText.js';
import { ethiopicConsonants, stemToken } from './stemToken.js';

/** Bucket number → weight. */
export type Features = Map<number, number>;

export const featureBuckets = 1 << 20;

/** How much each kind of feature counts, relative to a stemmed word. */
export interface FeatureWeights {
  word: number;
  ngram: number;
  /** Longest character n-gram (the shortest is 3, or 2 for Ge'ez syllables). */
  ngramMax: number;
  skeleton: number;
  concept: number;
}

export const defaultFeatureWeights: FeatureWeights = { word: 1, ngram: 0.7, ngramMax: 4, skeleton: 0.6, concept: 3 };

export interface FeatureContext {
  lang: Locale;
  /** Latin-script Arabic: add skeleton features for Latin words too. */
  arabizi: boolean;
  /** Words kept as they are (Dutch domain terms), not stemmed with the message's language. */
  verbatim: ReadonlySet<string>;
  /** Concepts found in the message (from the concept lexicon). */
  concepts: Iterable<string>;
  weights?: FeatureWeights;
  /** Per-token features already computed (training sees the same words thousands of times). */
  cache?: Map<string, Features>;
}

// Distinct seeds keep a word, an n-gram and a concept with the same letters apart.
const enum Kind {
  Word = 0x9e3779b1,
  Ngram = 0x85ebca6b,
  Skeleton = 0xc2b2ae35,
  Concept = 0x27d4eb2f,
}

/** Features of a tokenised message (typos already corrected, see analyseMessage). */
export function extractFeatures(tokens: readonly string[], context: FeatureContext): Features {
  const weights = context.weights ?? defaultFeatureWeights;
  const features: Features = new Map();
  for (const token of tokens) {
    if (/^\d+$/.test(token)) continue;
    const key = context.cache ? `${context.lang}${context.arabizi ? '+' : ''}:${token}` : '';
    let own = context.cache?.get(key);
    if (!own) {
      own = tokenFeatures(token, context, weights);
      context.cache?.set(key, own);
    }
    for (const [bucket, weight] of own) features.set(bucket, (features.get(bucket) ?? 0) + weight);
  }
  for (const concept of context.concepts) {
    const bucket = hashString(Kind.Concept, concept, 0, concept.length);
    features.set(bucket, (features.get(bucket) ?? 0) + weights.concept);
  }
  return features;
}

function tokenFeatures(token: string, context: FeatureContext, weights: FeatureWeights): Features {
  const out: Features = new Map();
  const add = (bucket: number, weight: number): void => {
    out.set(bucket, (out.get(bucket) ?? 0) + weight);
  };
  const script = scriptOf(token);
  const stem = context.verbatim.has(token) ? token : stemToken(token, context.lang);
  add(hashString(Kind.Word, stem, 0, stem.length), weights.word);
  const ethiopic = script === 'ethiopic';
  const padded = `^${ethiopic ? ethiopicConsonants(token) : token}$`;
  const min = ethiopic ? 2 : 3;
  const max = ethiopic ? weights.ngramMax - 1 : weights.ngramMax;
  for (let n = min; n <= max; n++) {
    for (let at = 0; at + n <= padded.length; at++) add(hashString(Kind.Ngram, padded, at, at + n), weights.ngram);
  }
  const skeleton = script === 'arabic' ? skeletonOfArabic(token) : context.arabizi && script === 'latin' ? skeletonOfArabizi(token) : '';
  if (skeleton.length >= 2) add(hashString(Kind.Skeleton, skeleton, 0, skeleton.length), weights.skeleton);
  return out;
}

/** FNV-1a over text[from, to), seeded by the feature kind, folded into the bucket range. */
function hashString(seed: number, text: string, from: number, to: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (featureBuckets - 1);
}
