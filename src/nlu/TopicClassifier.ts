// A multinomial naive Bayes classifier over sparse, weighted features. It is
// natural's BayesClassifier idea, kept sparse: natural's classifier turns every
// text into a vector over the whole vocabulary, which with character n-grams in
// eight languages is far too slow for thousands of messages per second (ADR 0003).
// Log-probabilities are precomputed as "unseen" per label plus a sparse row of
// corrections per feature, so classifying costs only the labels a feature occurs with.
// Besides the ranking it reports how much better the best topic explains the
// message than all content pooled together: the evidence for "not covered".
import { BucketIds } from './BucketIds.js';
import type { Features } from './extractFeatures.js';
import { WordEvidenceTable } from './WordEvidenceTable.js';

export interface TrainingDocument {
  label: string;
  features: Features;
}

export interface Classification {
  /** Labels from most to least likely, with posterior probabilities. */
  ranked: { label: string; probability: number }[];
  /** Log-likelihood ratio of the best label against pooled content, per unit of known feature weight. */
  evidence: number;
  /** Share of the message's feature weight that training has seen (0..1). */
  coverage: number;
}

/**
 * What a message (or one word of it) tells about each label, before the softmax.
 * Naive Bayes is linear in the feature weights, so the evidence of a message is the
 * sum of its words' evidence: routing adds up precomputed word evidence for the words
 * training knows and computes only the rest (see `accumulate` and `merge`).
 */
export interface LabelEvidence {
  /** Per label: the sum of weight × (log P(feature | label) − unseen). */
  scores: Float64Array;
  /** Per label: the raw weight of the (featurised) features training saw with that label. */
  seen: Float64Array;
  /**
   * The first `count` word records added (WordEvidenceTable): their "seen" weights are read
   * for one label when `supportIn` asks, not added up for every label of every word.
   */
  words: { tables: Float32Array[]; at: number[]; count: number };
  /**
   * Model blocks of the first `count` features added with their "seen" weight left for
   * `supportIn` (and their raw weights). Emptying sets the counts to 0 and keeps the arrays.
   */
  features: { blocks: number[]; raws: number[]; count: number };
  /** idf-scaled weight of the features training saw, of all features, and the pooled log-likelihood. */
  known: number;
  total: number;
  pooled: number;
  /** Raw weight of all features. */
  weight: number;
}

export interface ClassifierOptions {
  /** Additive smoothing. */
  alpha: number;
  /** Divides log-likelihoods per unit of feature weight before the softmax: naive Bayes is far too sure of itself otherwise. */
  temperature: number;
  /** Scale features by inverse document frequency and normalise training documents to unit length. */
  idf: boolean;
}

export const defaultClassifierOptions: ClassifierOptions = { alpha: 0.3, temperature: 0.05, idf: true };

export class TopicClassifier {
  readonly labels: string[];
  private readonly options: ClassifierOptions;
  /** Bucket → dense feature id (-1: never seen in training); used while training. */
  private readonly featureIds = new BucketIds();
  private featureCount = 0;
  private readonly unseen: Float64Array;
  private idf = new Float64Array(0);
  private maxIdf = 1;
  /**
   * The trained model, one block per feature so that classifying a feature reads one
   * stretch of memory: [idf, pooled log-probability, k, label 1, delta 1, ..., label k, delta k]
   * where the deltas are the feature's log-probability per label minus that label's "unseen".
   */
  private model = new Float32Array(0);
  /** Bucket → offset of its block in `model` (-1: never seen in training). */
  private readonly blocks = new BucketIds();
  private readonly scratch: Float64Array;
  private readonly exps: Float64Array;
  private readonly order: Uint16Array;
  /** The evidence `reuseEvidence` hands out (routing is synchronous: one message at a time). */
  private readonly shared: LabelEvidence;

  constructor(documents: readonly TrainingDocument[], options: Partial<ClassifierOptions> = {}) {
    this.options = { ...defaultClassifierOptions, ...options };
    this.labels = [...new Set(documents.map((doc) => doc.label))].sort();
    this.unseen = new Float64Array(this.labels.length);
    this.scratch = new Float64Array(this.labels.length);
    this.exps = new Float64Array(this.labels.length);
    this.order = new Uint16Array(this.labels.length);
    this.shared = this.newEvidence();
    this.train(documents);
  }

  get vocabularySize(): number {
    return this.featureCount;
  }

  private idOf(bucket: number): number {
    return this.featureIds.get(bucket);
  }

  private train(documents: readonly TrainingDocument[]): void {
    const n = this.labels.length;
    const labelIndex = new Map(this.labels.map((label, i) => [label, i]));
    for (const doc of documents) for (const bucket of doc.features.buckets) if (this.idOf(bucket) < 0) this.featureIds.set(bucket, this.featureCount++);
    const size = this.featureCount;
    this.idf = this.inverseDocumentFrequencies(documents, size);
    const counts = new Float64Array(size * n);
    const totals = new Float64Array(n);
    for (const doc of documents) {
      const label = labelIndex.get(doc.label) ?? 0;
      const { buckets, weights } = doc.features;
      let norm = 0;
      for (let i = 0; i < buckets.length; i++) norm += ((weights[i] ?? 0) * (this.idf[this.idOf(buckets[i] ?? 0)] ?? 1)) ** 2;
      const scale = this.options.idf && norm > 0 ? 1 / Math.sqrt(norm) : 1;
      for (let i = 0; i < buckets.length; i++) {
        const id = this.idOf(buckets[i] ?? 0);
        const value = (weights[i] ?? 0) * (this.idf[id] ?? 1) * scale;
        counts[id * n + label] = (counts[id * n + label] ?? 0) + value;
        totals[label] = (totals[label] ?? 0) + value;
      }
    }
    this.compress(counts, totals, size);
  }

  private inverseDocumentFrequencies(documents: readonly TrainingDocument[], size: number): Float64Array<ArrayBuffer> {
    const idf = new Float64Array(size).fill(1);
    if (!this.options.idf) return idf;
    const df = new Float64Array(size);
    for (const doc of documents) {
      for (const bucket of doc.features.buckets) {
        const id = this.idOf(bucket);
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    for (let id = 0; id < size; id++) idf[id] = Math.log((documents.length + 1) / ((df[id] ?? 0) + 1)) + 1;
    this.maxIdf = Math.log(documents.length + 1) + 1;
    return idf;
  }

  private compress(counts: Float64Array, totals: Float64Array, size: number): void {
    const n = this.labels.length;
    const { alpha } = this.options;
    const denominators = Array.from(totals, (total) => total + alpha * size);
    const pooledTotal = totals.reduce((a, b) => a + b, 0) + alpha * size;
    denominators.forEach((denominator, i) => (this.unseen[i] = Math.log(alpha / denominator)));
    let nonZero = 0;
    for (const count of counts) if (count > 0) nonZero++;
    const model = new Float32Array(3 * size + 2 * nonZero);
    const offsets = new Int32Array(size);
    let at = 0;
    for (let id = 0; id < size; id++) {
      offsets[id] = at;
      let rowSum = 0;
      let k = 0;
      for (let i = 0; i < n; i++) rowSum += counts[id * n + i]!;
      model[at] = this.idf[id]!;
      model[at + 1] = Math.log((rowSum + alpha) / pooledTotal);
      for (let i = 0; i < n; i++) {
        const count = counts[id * n + i]!;
        if (count <= 0) continue;
        model[at + 3 + 2 * k] = i;
        model[at + 4 + 2 * k] = Math.log((count + alpha) / denominators[i]!) - this.unseen[i]!;
        k++;
      }
      model[at + 2] = k;
      at += 3 + 2 * k;
    }
    this.model = model;
    this.featureIds.forEach((bucket, id) => this.blocks.set(bucket, offsets[id]!));
  }

  /** Empty evidence, to `accumulate` features and `merge` word evidence into. */
  newEvidence(): LabelEvidence {
    const n = this.labels.length;
    return { scores: new Float64Array(n), seen: new Float64Array(n), known: 0, total: 0, pooled: 0, weight: 0, words: { tables: [], at: [], count: 0 }, features: { blocks: [], raws: [], count: 0 } };
  }

  /**
   * The classifier's one reusable evidence, emptied: for a caller that is done with it
   * before it asks again (routing one message), so that a message allocates none.
   */
  reuseEvidence(): LabelEvidence {
    const evidence = this.shared;
    evidence.scores.fill(0);
    evidence.seen.fill(0);
    evidence.known = evidence.total = evidence.pooled = evidence.weight = 0;
    evidence.words.count = 0;
    evidence.features.count = 0;
    return evidence;
  }

  /** Adds the evidence of `features` to `into`. */
  accumulate(features: Features, into: LabelEvidence, { deferSeen = false } = {}): void {
    const { buckets, weights } = features;
    const { blocks, model, maxIdf } = this;
    const { scores, seen } = into;
    for (let i = 0; i < buckets.length; i++) {
      const raw = weights[i]!;
      into.weight += raw;
      const at = blocks.get(buckets[i]!);
      // A feature training never saw is as rare as can be: it gets the highest idf.
      if (at < 0) {
        into.total += raw * maxIdf;
        continue;
      }
      const weight = raw * model[at]!;
      into.total += weight;
      into.known += weight;
      into.pooled += weight * model[at + 1]!;
      const end = at + 3 + 2 * model[at + 2]!;
      for (let pair = at + 3; pair < end; pair += 2) {
        const label = model[pair]!;
        scores[label] = scores[label]! + weight * model[pair + 1]!;
      }
      if (deferSeen) {
        // Routing needs the seen weight of one label only (supportIn): keep the block.
        const { features } = into;
        features.blocks[features.count] = at;
        features.raws[features.count++] = raw;
      } else {
        for (let pair = at + 3; pair < end; pair += 2) seen[model[pair]!] = seen[model[pair]!]! + raw;
      }
    }
  }

  /** The evidence of each word's features, packed for routing (see WordEvidenceTable). */
  wordTable(words: ReadonlyMap<string, Features>): WordEvidenceTable {
    const n = this.labels.length;
    const stride = 4 + 2 * n;
    const data = new Float32Array(words.size * stride);
    const offsets = new Map<string, number>();
    let at = 0;
    for (const [word, features] of words) {
      const evidence = this.reuseEvidence();
      this.accumulate(features, evidence);
      data[at] = evidence.known;
      data[at + 1] = evidence.total;
      data[at + 2] = evidence.pooled;
      data[at + 3] = evidence.weight;
      data.set(evidence.scores, at + 4);
      data.set(evidence.seen, at + 4 + n);
      offsets.set(word, at);
      at += stride;
    }
    return new WordEvidenceTable(offsets, data, n);
  }

  classify(features: Features): Classification {
    const evidence = this.newEvidence();
    this.accumulate(features, evidence);
    return this.rank(evidence);
  }

  /**
   * The labels ranked by the posterior the evidence gives them: all of them, or the `top`
   * most likely. `prefer`: a label whose probability counts 1.5 times (then renormalised),
   * enough to break a near tie (the previous turn's topic).
   */
  rank(evidence: LabelEvidence, options: RankOptions = {}): Classification {
    const n = this.labels.length;
    const scores = this.scratch;
    for (let i = 0; i < n; i++) scores[i] = evidence.scores[i]! + evidence.known * this.unseen[i]!;
    return this.summarise(scores, evidence, options);
  }

  /** Share of the evidence's raw feature weight that training saw with `label`. */
  supportIn(evidence: LabelEvidence, label: string): number {
    const index = this.labels.indexOf(label);
    if (!(evidence.weight > 0) || index < 0) return 0;
    let seen = 0;
    const { tables, at, count: words } = evidence.words;
    const n = this.labels.length;
    for (let w = 0; w < words; w++) seen += tables[w]![at[w]! + 4 + n + index]!;
    let featureSeen = evidence.seen[index]!;
    const { blocks, raws, count: features } = evidence.features;
    for (let f = 0; f < features; f++) if (this.seenWith(blocks[f]!, index)) featureSeen += raws[f]!;
    return (seen + featureSeen) / evidence.weight;
  }

  /** Whether training saw the feature in `bucket` with `label`. */
  hasSeen(bucket: number, label: string): boolean {
    return this.seenWith(this.blocks.get(bucket), this.labels.indexOf(label));
  }

  /** Where the model keeps the feature in `bucket` (-1: training never saw it), for `seenAt`. */
  blockOf(bucket: number): number {
    return this.blocks.get(bucket);
  }

  /** Whether training saw the feature at `block` (see `blockOf`) with the label numbered `label` (see `labelIndex`). */
  seenAt(block: number, label: number): boolean {
    return this.seenWith(block, label);
  }

  /** The number of a label in `labels` (-1: none). */
  labelIndex(label: string): number {
    return this.labels.indexOf(label);
  }

  /** Share of the features' weight that training saw with `label` (how much of the message the topic explains). */
  support(features: Features, label: string): number {
    const evidence = this.newEvidence();
    this.accumulate(features, evidence);
    return this.supportIn(evidence, label);
  }

  private seenWith(at: number, label: number): boolean {
    if (at < 0) return false;
    const end = at + 3 + 2 * this.model[at + 2]!;
    for (let pair = at + 3; pair < end; pair += 2) if (this.model[pair] === label) return true;
    return false;
  }

  private summarise(scores: Float64Array, { known, total, pooled }: LabelEvidence, { top, prefer }: RankOptions): Classification {
    const n = scores.length;
    let best = -Infinity;
    for (let i = 0; i < n; i++) best = Math.max(best, scores[i]!);
    // Per unit of known feature weight, so that long and short messages are equally sure.
    const scale = known > 0 ? this.options.temperature * known : 1;
    const probabilities = this.exps;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += probabilities[i] = Math.exp((scores[i]! - best) / scale);
    for (let i = 0; i < n; i++) probabilities[i] = known > 0 ? probabilities[i]! / sum : 1 / n;
    const order = this.order;
    const preferred = prefer === undefined ? -1 : this.labels.indexOf(prefer);
    const length = Math.min(n, top ?? n);
    // Without a preferred label only the first `length` places are needed.
    if (preferred < 0 && length < n) selectMostProbable(order, probabilities, length);
    else {
      for (let i = 0; i < n; i++) order[i] = i;
      sortByProbability(order, probabilities);
    }
    if (preferred >= 0) {
      // Boosted, then renormalised over the ranking (summed in its order) and ranked again.
      probabilities[preferred] = probabilities[preferred]! * 1.5;
      let boostedSum = 0;
      for (let r = 0; r < n; r++) boostedSum += probabilities[order[r]!]!;
      for (let i = 0; i < n; i++) probabilities[i] = probabilities[i]! / boostedSum;
      sortByProbability(order, probabilities);
    }
    const ranked = new Array<{ label: string; probability: number }>(length);
    for (let r = 0; r < length; r++) ranked[r] = { label: this.labels[order[r]!]!, probability: probabilities[order[r]!]! };
    return { ranked, evidence: known > 0 ? (best - pooled) / known : 0, coverage: total > 0 ? known / total : 0 };
  }
}

export interface RankOptions {
  /** Only the most likely labels (default: all). */
  top?: number;
  /** A label whose probability counts 1.5 times before renormalising. */
  prefer?: string;
}

/** The first `k` label numbers of sortByProbability over all labels, in order[0, k), without sorting the rest. */
function selectMostProbable(order: Uint16Array, probabilities: Float64Array, k: number): void {
  let count = 0;
  for (let label = 0; label < probabilities.length; label++) {
    const probability = probabilities[label]!;
    // A label as probable as the last one kept comes after it in a stable order: it stays out.
    if (count === k && !(probability > probabilities[order[k - 1]!]!)) continue;
    let at = count < k ? count++ : k - 1;
    while (at > 0 && probabilities[order[at - 1]!]! < probability) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = label;
  }
}

/** Most probable first, ties keeping their present order: a stable insertion sort of label numbers. */
function sortByProbability(order: Uint16Array, probabilities: Float64Array): void {
  for (let i = 1; i < order.length; i++) {
    const label = order[i]!;
    let at = i;
    while (at > 0 && probabilities[order[at - 1]!]! < probabilities[label]!) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = label;
  }
}
