// One lexicon's share of a phrase matcher that several lexicons fill.
import type { PhraseGroups, PhraseMatch, PhraseMatcher } from './PhraseMatcher.js';

/**
 * One lexicon's share of a matcher that several lexicons fill, each under its own
 * prefix, so that a message is matched once for all of them. Its matches come
 * without the prefix, as from a matcher of its own.
 */
export class PhraseSection {
  /** The exact words of the section's phrases. */
  readonly words: Set<string>;
  private readonly prefix: string;

  constructor(
    readonly matcher: PhraseMatcher,
    name: string,
    groups: PhraseGroups,
    maxGap = 2,
  ) {
    this.prefix = `${name}:`;
    this.words = matcher.addGroups(Object.fromEntries(Object.entries(groups).map(([group, phrases]) => [this.prefix + group, phrases])), maxGap);
  }

  /** This section's matches among the matches of the whole matcher, in their order. */
  pick(all: readonly PhraseMatch[]): PhraseMatch[] {
    const own: PhraseMatch[] = [];
    for (const match of all) if (match.group.startsWith(this.prefix)) own.push({ ...match, group: match.group.slice(this.prefix.length) });
    return own;
  }
}
