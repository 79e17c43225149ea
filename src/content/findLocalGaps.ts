// Which local facts an answer needs that a tenant cannot supply yet. The bot then
// says where to ask instead (never an invented fact), and `content check` lists
// the gap so the coordinator can fill it.
import type { TenantContent } from './loadContentTree.js';
import type { ContentNode, LocalFact } from './schema.js';
import { partnersForTopic } from './resolveTenant.js';

export function findLocalGaps(node: ContentNode, tenantContent: TenantContent): LocalFact[] {
  return node.local_facts.filter((fact) => !hasLocalFact(fact, node.topic, tenantContent));
}

/** Sample schedules and calendars do not count: they exist to try the bot out, not to inform anyone. */
export function hasLocalFact(fact: LocalFact, topic: string, tenantContent: TenantContent): boolean {
  const { tenant, schedule, waste } = tenantContent;
  switch (fact) {
    case 'partners':
      return partnersForTopic(tenantContent, topic).length > 0;
    case 'schedule':
      return schedule.sessions.length > 0 && !schedule.sample;
    case 'waste':
      return waste.calendars.some((calendar) => !calendar.sample);
    case 'huisartsenpost':
      return tenant.huisartsenpost_phone !== undefined;
    case 'website':
      return tenant.municipality_website !== undefined;
  }
}
