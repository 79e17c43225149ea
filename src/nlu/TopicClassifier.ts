// A multinomial naive Bayes classifier over sparse, weighted features. It is
// natural's BayesClassifier idea, kept sparse: natural's classifier turns every
// text into a vector over the whole vocabulary, which with character n-grams in
// eight languages is far too slow for thousands of messages per second (ADR 0003).
// Log-probabilities are precomputed as "unseen" per label plus a sparse row of
// corrections per feature, so classifying costs only the labels a feature occurs with.
// Besides the ranking it reports how much better the best topic explains the
// message than all content pooled together: the evidence for "not covered".
import { type Features, featureBuckets } from './extractFeatures.js';

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
  /** Bucket → dense feature id (-1: never seen in training). */
  private readonly featureIds = new Int32Array(featureBuckets).fill(-1);
  private featureCount = 0;
  private readonly unseen: Float64Array;
  private rowStart = new Int32Array(1);
  private rowLabels = new Int32Array(0);
  private rowDeltas = new Float64Array(0);
  private pooled = new Float64Array(0);
  private idf = new Float64Array(0);
  private maxIdf = 1;

  constructor(documents: readonly TrainingDocument[], options: Partial<ClassifierOptions> = {}) {
    this.options = { ...defaultClassifierOptions, ...options };
    this.labels = [...new Set(documents.map((doc) => doc.label))].sort();
    this.unseen = new Float64Array(this.labels.length);
    this.train(documents);
  }

  get vocabularySize(): number {
    return this.featureCount;
  }

  private idOf(bucket: number): number {
    return this.featureIds[bucket] ?? -1;
  }

  private train(documents: readonly TrainingDocument[]): void {
    const n = this.labels.length;
    const labelIndex = new Map(this.labels.map((label, i) => [label, i]));
    for (const doc of documents) for (const bucket of doc.features.buckets) if (this.idOf(bucket) < 0) this.featureIds[bucket] = this.featureCount++;
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
    this.rowStart = new Int32Array(size + 1);
    this.rowLabels = new Int32Array(nonZero);
    this.rowDeltas = new Float64Array(nonZero);
    this.pooled = new Float64Array(size);
    let at = 0;
    for (let id = 0; id < size; id++) {
      this.rowStart[id] = at;
      let rowSum = 0;
      for (let i = 0; i < n; i++) rowSum += counts[id * n + i] ?? 0;
      for (let i = 0; i < n; i++) {
        const count = counts[id * n + i] ?? 0;
        if (count <= 0) continue;
        this.rowLabels[at] = i;
        this.rowDeltas[at] = Math.log((count + alpha) / (denominators[i] ?? 1)) - (this.unseen[i] ?? 0);
        at++;
      }
      this.pooled[id] = Math.log((rowSum + alpha) / pooledTotal);
    }
    this.rowStart[size] = at;
  }

  classify(features: Features): Classification {
    const n = this.labels.length;
    const scores = new Float64Array(n);
    let known = 0;
    let total = 0;
    let pooled = 0;
    for (let i = 0; i < features.buckets.length; i++) {
      const raw = features.weights[i] ?? 0;
      const id = this.idOf(features.buckets[i] ?? 0);
      // A feature training never saw is as rare as can be: it gets the highest idf.
      const weight = raw * (id < 0 ? this.maxIdf : (this.idf[id] ?? 1));
      total += weight;
      if (id < 0) continue;
      known += weight;
      pooled += weight * (this.pooled[id] ?? 0);
      const end = this.rowStart[id + 1] ?? 0;
      for (let at = this.rowStart[id] ?? 0; at < end; at++) {
        const label = this.rowLabels[at] ?? 0;
        scores[label] = (scores[label] ?? 0) + weight * (this.rowDeltas[at] ?? 0);
      }
    }
    for (let i = 0; i < n; i++) scores[i] = (scores[i] ?? 0) + known * (this.unseen[i] ?? 0);
    return this.summarise(scores, known, total, pooled);
  }

  /** Whether training saw the feature in `bucket` with `label`. */
  hasSeen(bucket: number, label: string): boolean {
    const id = this.idOf(bucket);
    if (id < 0) return false;
    const index = this.labels.indexOf(label);
    const end = this.rowStart[id + 1] ?? 0;
    for (let at = this.rowStart[id] ?? 0; at < end; at++) if (this.rowLabels[at] === index) return true;
    return false;
  }

  /** Share of the features' weight that training saw with `label` (how much of the message the topic explains). */
  support(features: Features, label: string): number {
    const index = this.labels.indexOf(label);
    let seen = 0;
    let total = 0;
    for (let i = 0; i < features.buckets.length; i++) {
      const weight = features.weights[i] ?? 0;
      total += weight;
      const id = this.idOf(features.buckets[i] ?? 0);
      if (id < 0) continue;
      const end = this.rowStart[id + 1] ?? 0;
      for (let at = this.rowStart[id] ?? 0; at < end; at++) {
        if (this.rowLabels[at] === index) {
          seen += weight;
          break;
        }
      }
    }
    return total > 0 ? seen / total : 0;
  }

  private summarise(scores: Float64Array, known: number, total: number, pooled: number): Classification {
    let best = -Infinity;
    for (const score of scores) best = Math.max(best, score);
    // Per unit of known feature weight, so that long and short messages are equally sure.
    const scale = known > 0 ? this.options.temperature * known : 1;
    const exps = Array.from(scores, (score) => Math.exp((score - best) / scale));
    const sum = exps.reduce((a, b) => a + b, 0);
    const ranked = this.labels
      .map((label, i) => ({ label, probability: known > 0 ? (exps[i] ?? 0) / sum : 1 / this.labels.length }))
      .sort((a, b) => b.probability - a.probability);
    return { ranked, evidence: known > 0 ? (best - pooled) / known : 0, coverage: total > 0 ? known / total : 0 };
  }
}
