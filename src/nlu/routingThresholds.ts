// The numbers that decide between a confident answer and "let me offer choices
// or a person". Measured with `spreekuur eval` and the content's own examples;
// change them only with a measurement (docs/adr/0003-understanding.md).
export interface RoutingThresholds {
  /** Posterior probability the best topic needs for a confident answer. */
  minProbability: number;
  /** Evidence (log-likelihood ratio per feature weight) the best topic needs against pooled content. */
  minEvidence: number;
  /** An emergency topic from the classifier alone is trusted from this probability (recall first). */
  emergencyProbability: number;
  /** Personal-case weight from which the thread goes to a person. */
  personalCase: number;
  /** How many alternatives to offer when unsure. */
  alternatives: number;
}

export const defaultThresholds: RoutingThresholds = {
  minProbability: 0.45,
  minEvidence: -10,
  emergencyProbability: 0.5,
  personalCase: 1,
  alternatives: 3,
};
