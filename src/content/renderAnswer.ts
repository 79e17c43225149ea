// A node's answer as the person reads it: the text in their language (the
// tenant's own version where it has one), the local facts, and the source.
import type { TenantContent } from './loadContentTree.js';
import { renderLocalFacts, type Translate } from './renderLocalFacts.js';
import type { ContentNode, Locale, NodeLocale } from './schema.js';

export function localeEntry(node: ContentNode, locale: Locale): NodeLocale | undefined {
  return node.locales[locale] ?? node.locales.en ?? node.locales.nl;
}

/** `handingOff`: the bot passes the question to a volunteer now, so the node's handoff note is added. */
export function renderAnswer(node: ContentNode, locale: Locale, tenant: TenantContent | undefined, t: Translate, handingOff = false): string {
  const entry = localeEntry(node, locale);
  const override = tenant?.overrides.get(node.id)?.locales[locale]?.answer;
  const answer = (override ?? entry?.answer ?? '').trim();
  const local = renderLocalFacts(node, locale, tenant, t);
  const source = node.sources[0] ? t('answer.source', { url: node.sources[0] }) : '';
  const note = handingOff ? entry?.handoff_note?.trim() : undefined;
  return [answer, local, note, source].filter(Boolean).join('\n\n');
}

/** A handoff topic that also answers routine questions about itself (it has a handoff note). */
export function answersRoutineQuestions(node: ContentNode): boolean {
  return node.action === 'handoff' && Object.values(node.locales).some((entry) => entry?.handoff_note !== undefined);
}

export function nodeTitle(node: ContentNode, locale: Locale): string {
  return localeEntry(node, locale)?.title ?? node.id;
}
