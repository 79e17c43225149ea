// Places a conversation in a municipality (tenant): by the Twilio number the
// person wrote to, or by their postcode when one number serves several
// municipalities (a refugee organisation often does).
import type { ContentTree, TenantContent } from './loadContentTree.js';
import type { Partner } from './schema.js';
import { normalizePostcode } from './wasteCalendar.js';

export interface TenantHints {
  /** Twilio's `To`, with or without the whatsapp: prefix. */
  to?: string;
  postcode?: string;
}

/** The one tenant the hints point to, or undefined when none or several fit (then the bot asks). */
export function resolveTenant(tree: ContentTree, hints: TenantHints): TenantContent | undefined {
  const all = [...tree.tenants.values()];
  const number = hints.to?.replace(/^whatsapp:/i, '').replace(/[\s-]/g, '');
  const byNumber = number ? all.filter(({ tenant }) => tenant.numbers.includes(number)) : [];
  if (byNumber.length === 1) return byNumber[0];
  const postcode = hints.postcode === undefined ? undefined : normalizePostcode(hints.postcode);
  if (postcode === undefined) return undefined;
  return findByPostcode(byNumber.length > 1 ? byNumber : all, postcode);
}

/** The tenant with the longest postcode prefix matching; undefined on a tie between tenants. */
function findByPostcode(candidates: readonly TenantContent[], postcode: string): TenantContent | undefined {
  let best: TenantContent[] = [];
  let bestLength = 0;
  for (const candidate of candidates) {
    const length = Math.max(0, ...candidate.tenant.postcode_prefixes.filter((prefix) => postcode.startsWith(prefix)).map((prefix) => prefix.length));
    if (length === 0 || length < bestLength) continue;
    best = length > bestLength ? [candidate] : [...best, candidate];
    bestLength = length;
  }
  return best.length === 1 ? best[0] : undefined;
}

/** The tenant's partners that handle a topic, in the order the tenant lists them. */
export function partnersForTopic(tenantContent: TenantContent, topic: string): Partner[] {
  return tenantContent.tenant.partners.filter((partner) => partner.topics.includes(topic));
}
