// The numbers that decide between a confident answer and "let me offer choices
// or a person". Measured with `spreekuur eval` and the content's own examples;
// change them only with a measurement (docs/adr/0003-understanding.md).
export interface RoutingThresholds {
  /** Posterior probability the best topic needs for a confident answer. */
  minProbability: number;
  /** Share of the message's features that training saw with the best topic (how much of the message it explains). */
  minSupport: number;
  /**
   * Share of the message's content words (not function words) that the best topic's
   * examples contain: a question about the weather shares none with any topic.
   */
  minContentWords: number;
  /** A message in which no cross-lingual concept occurs needs this probability (it is often about something the content does not cover). */
  minProbabilityWithoutConcept: number;
  /** An emergency topic from the classifier alone is trusted from this probability (recall first). */
  emergencyProbability: number;
  /**
   * When the classifier is unsure of every topic, an emergency topic in second place with
   * at least this probability (and a word of the emergency examples in the message) is
   * treated as an emergency: a wrong alarm costs one message, a missed one can cost a life.
   */
  emergencyRunnerUp: number;
  /** Personal-case weight from which the thread goes to a person. */
  personalCase: number;
  /** How many alternatives to offer when unsure. */
  alternatives: number;
}

export const defaultThresholds: RoutingThresholds = {
  minProbability: 0.4,
  minSupport: 0.3,
  minContentWords: 0.1,
  minProbabilityWithoutConcept: 0.95,
  emergencyProbability: 0.5,
  emergencyRunnerUp: 0.15,
  personalCase: 1,
  alternatives: 3,
};
