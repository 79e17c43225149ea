// One lexicon's share of a phrase matcher that several lexicons fill.
import type { PhraseGroups, PhraseMatch, PhraseMatcher } from './PhraseMatcher.js';

/**
 * One lexicon's share of a matcher that several lexicons fill, each as a section of its
 * own, so that a message is matched once for all of them. Its matches are those of its section.
 */
export class PhraseSection {
  /** The exact words of the section's phrases. */
  readonly words: Set<string>;

  constructor(
    readonly matcher: PhraseMatcher,
    private readonly name: string,
    groups: PhraseGroups,
    maxGap = 2,
  ) {
    this.words = matcher.addGroups(groups, maxGap, name);
  }

  /** This section's matches among the matches of the whole matcher, in their order. */
  pick(all: readonly PhraseMatch[]): PhraseMatch[] {
    const own: PhraseMatch[] = [];
    for (const match of all) if (match.section === this.name) own.push(match);
    return own;
  }
}
