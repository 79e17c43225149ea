// Which words of a message carry meaning for the evidence checks of routing.
import { allMarkerWords } from './languageMarkers.js';
import { scriptOf } from './normalizeText.js';

/** Not a function word, not a number, and long enough to mean something (two Ge'ez or Arabic letters are a word). */
export function isContentWord(token: string): boolean {
  if (allMarkerWords.has(token) || /^\d+$/.test(token)) return false;
  return token.length > 2 || (token.length === 2 && scriptOf(token) !== 'latin');
}

/** A word a topic's examples should share with the message: three letters or more, no function word, no number. */
export function isTopicWord(token: string): boolean {
  return token.length > 2 && !allMarkerWords.has(token) && !/^\d+$/.test(token);
}
