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

/** Distinct bucket numbers and their weights. */
export interface Features {
  buckets: Int32Array;
  weights: Float64Array;
}

export const featureBuckets = 1 << 20;

/**
 * Adds up weights per bucket without a Map: a small open-addressing table (keys and
 * sums in typed arrays) plus the list of slots touched, in order. Routing is
 * synchronous, so one accumulator serves every call. A table of a few kilobytes stays
 * in the processor's cache, where a dense array over all 2^20 buckets (8 MB) costs a
 * cache miss for nearly every feature.
 */
class FeatureAccumulator {
  private keys = new Int32Array(1024).fill(-1);
  private sums = new Float64Array(1024);
  private touched = new Int32Array(512);
  private count = 0;

  add(bucket: number, weight: number): void {
    let { keys } = this;
    let mask = keys.length - 1;
    let slot = (Math.imul(bucket, 0x9e3779b1) >>> 12) & mask;
    while (keys[slot] !== bucket && keys[slot] !== -1) slot = (slot + 1) & mask;
    if (keys[slot] === -1) {
      if (2 * (this.count + 1) > keys.length) {
        this.grow();
        ({ keys } = this);
        mask = keys.length - 1;
        slot = (Math.imul(bucket, 0x9e3779b1) >>> 12) & mask;
        while (keys[slot] !== -1) slot = (slot + 1) & mask;
      }
      keys[slot] = bucket;
      this.sums[slot] = 0;
      this.touched[this.count++] = slot;
    }
    this.sums[slot] = this.sums[slot]! + weight;
  }

  private outBuckets = new Int32Array(256);
  private outWeights = new Float64Array(256);

  /**
   * The features added since the last take, in the order first added, and a clean
   * accumulator. `transient`: in arrays the next transient take overwrites (no new
   * buffers for a message whose features are used at once).
   */
  take(transient = false): Features {
    if (transient && this.count > this.outBuckets.length) {
      this.outBuckets = new Int32Array(2 * this.count);
      this.outWeights = new Float64Array(2 * this.count);
    }
    const buckets = transient ? this.outBuckets.subarray(0, this.count) : new Int32Array(this.count);
    const weights = transient ? this.outWeights.subarray(0, this.count) : new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i]!;
      buckets[i] = this.keys[slot]!;
      weights[i] = this.sums[slot]!;
      this.keys[slot] = -1;
    }
    this.count = 0;
    return { buckets, weights };
  }

  /** Doubles the table, keeping the order of first additions. */
  private grow(): void {
    const order = Array.from(this.touched.subarray(0, this.count), (slot) => [this.keys[slot]!, this.sums[slot]!] as const);
    const size = this.keys.length * 2;
    this.keys = new Int32Array(size).fill(-1);
    this.sums = new Float64Array(size);
    this.touched = new Int32Array(size / 2);
    this.count = 0;
    const mask = size - 1;
    for (const [bucket, sum] of order) {
      let slot = (Math.imul(bucket, 0x9e3779b1) >>> 12) & mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = bucket;
      this.sums[slot] = sum;
      this.touched[this.count++] = slot;
    }
  }
}

const accumulator = new FeatureAccumulator();
const tokenAccumulator = new FeatureAccumulator();

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
  /** Per-token features already computed, by language (training sees the same words thousands of times). */
  cache?: Map<string, Map<string, Features>>;
  /** Stems tokens in this language (routing: a per-message memo over the training words' stems); default `stemToken`. */
  stem?: (token: string) => string;
  /** The features are used at once (routing): they may live in arrays the next call overwrites. */
  transient?: boolean;
}

/** The key of a language's table of token features (Arabizi has its own: it adds skeletons). */
export function featureTableKey(lang: Locale, arabizi: boolean): string {
  return arabizi ? `${lang}+` : lang;
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
  const byToken = cacheFor(context);
  for (const token of tokens) {
    if (/^\d+$/.test(token)) continue;
    if (!byToken) {
      // Routing: no cache, the token's features go straight into the message's.
      tokenFeatures(token, context, weights, accumulator);
      continue;
    }
    let own = byToken.get(token);
    if (!own) {
      tokenFeatures(token, context, weights, tokenAccumulator);
      own = tokenAccumulator.take();
      byToken.set(token, own);
    }
    for (let i = 0; i < own.buckets.length; i++) accumulator.add(own.buckets[i] ?? 0, own.weights[i] ?? 0);
  }
  for (const concept of context.concepts) accumulator.add(hashString(Kind.Concept, concept, 0, concept.length), weights.concept);
  return accumulator.take(context.transient === true);
}

function cacheFor(context: FeatureContext): Map<string, Features> | undefined {
  if (!context.cache) return undefined;
  const key = featureTableKey(context.lang, context.arabizi);
  let byToken = context.cache.get(key);
  if (!byToken) {
    byToken = new Map();
    context.cache.set(key, byToken);
  }
  return byToken;
}

/** The bucket of a token's word (stem) feature. */
export function wordBucket(token: string, context: Pick<FeatureContext, 'lang' | 'verbatim' | 'stem'>): number {
  const stem = stemOf(token, context);
  return hashString(Kind.Word, stem, 0, stem.length);
}

/** A token's stem in the context's language; Dutch domain terms stay as they are. */
export function stemOf(token: string, context: Pick<FeatureContext, 'lang' | 'verbatim' | 'stem'>): string {
  if (context.stem) return context.stem(token);
  return context.verbatim.has(token) ? token : stemToken(token, context.lang);
}

/**
 * A stemmer for one message: Dutch domain terms stay as they are, training words are
 * looked up in `known` (their stems in this language), and any other word is stemmed
 * once however often routing asks.
 */
export function messageStemmer(lang: Locale, verbatim: ReadonlySet<string>, known: ReadonlyMap<string, string> | undefined): (token: string) => string {
  let memo: Map<string, string> | undefined;
  return (token) => {
    if (verbatim.has(token)) return token;
    let stem = known?.get(token) ?? memo?.get(token);
    if (stem === undefined) {
      stem = stemToken(token, lang);
      (memo ??= new Map()).set(token, stem);
    }
    return stem;
  };
}

/** The bucket of a cross-lingual concept feature. */
export function conceptBucket(concept: string): number {
  return hashString(Kind.Concept, concept, 0, concept.length);
}

// Adds one token's features to an accumulator.
function tokenFeatures(token: string, context: FeatureContext, weights: FeatureWeights, target: FeatureAccumulator): void {
  const add = (bucket: number, weight: number): void => target.add(bucket, weight);
  const script = scriptOf(token);
  const stem = stemOf(token, context);
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
