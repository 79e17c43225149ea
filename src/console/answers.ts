// Answers from the content tree that a volunteer can insert into a reply, in
// the person's language, with the tenant's local version where there is one.
import type { ContentTree } from '../content/loadContentTree.js';
import { type Locale, localeSchema } from '../content/schema.js';

export interface AnswerChoice {
  nodeId: string;
  title: string;
  /** The person's language has no text (or only a draft): Dutch, or the draft, is inserted. */
  missing: boolean;
  draft: boolean;
}

export interface AnswerText {
  text: string;
  locale: Locale;
  fallback: boolean;
}

export function toLocale(code: string | null | undefined): Locale {
  const parsed = localeSchema.safeParse(code);
  return parsed.success ? parsed.data : 'nl';
}

/** Every node with an answer, ordered by menu area and position, titled in the volunteer's language. */
export function answerChoices(content: ContentTree, consoleLocale: Locale, personLocale: Locale): AnswerChoice[] {
  const areaOrder = new Map(content.areas.map((area, index) => [area.key, index]));
  return [...content.nodes.values()]
    .filter((node) => node.locales.nl)
    .sort((a, b) => (areaOrder.get(a.area) ?? 99) - (areaOrder.get(b.area) ?? 99) || a.order - b.order || a.id.localeCompare(b.id))
    .map((node) => {
      const own = node.locales[personLocale];
      return {
        nodeId: node.id,
        title: node.locales[consoleLocale]?.title ?? node.locales.nl?.title ?? node.id,
        missing: !own,
        draft: own?.status === 'draft',
      };
    });
}

export function answerText(content: ContentTree, tenantKey: string, nodeId: string, locale: Locale): AnswerText | undefined {
  const node = content.nodes.get(nodeId);
  if (!node) return undefined;
  const overrides = content.tenants.get(tenantKey)?.overrides.get(nodeId)?.locales;
  const own = overrides?.[locale]?.answer ?? node.locales[locale]?.answer;
  if (own) return { text: own.trim(), locale, fallback: false };
  const dutch = overrides?.nl?.answer ?? node.locales.nl?.answer;
  return dutch ? { text: dutch.trim(), locale: 'nl', fallback: true } : undefined;
}
