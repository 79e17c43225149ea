// The rules `content check` applies to one tenant layer: its references (partner
// topics, local answers, schedule locations, calendar files) and its local gaps.
import { ContentError } from '../errors.js';
import { checkAnswer, checkPhonesInText } from './checkNode.js';
import { type ContentProblem, problem } from './contentReport.js';
import { findLocalGaps } from './findLocalGaps.js';
import type { ContentTree, TenantContent } from './loadContentTree.js';
import type { LocalFact } from './schema.js';
import type { TopicsSpec } from './topicsSpec.js';
import { parseWasteCalendar, resolveCalendarFile } from './wasteCalendar.js';

/** Reads a file the tree refers to; undefined when it does not exist. */
export type ReadTreeFile = (absolutePath: string) => string | undefined;

export function checkTenant(tenantContent: TenantContent, tree: ContentTree, topics: TopicsSpec, readFile: ReadTreeFile): ContentProblem[] {
  const { tenant, schedule } = tenantContent;
  const where = `tenant ${tenant.key}`;
  const problems: ContentProblem[] = [];
  for (const partner of tenant.partners) {
    for (const topic of partner.topics.filter((key) => !topics.has(key))) {
      problems.push(problem('broken-reference', where, `partner ${partner.id} lists topic ${topic}, which is not in topics.yaml`));
    }
    if (!partner.does.nl) problems.push(problem('missing-locale', where, `partner ${partner.id} has no Dutch (nl) description`));
  }
  const locationIds = new Set(schedule.locations.map((location) => location.id));
  for (const session of schedule.sessions.filter((item) => !locationIds.has(item.location))) {
    problems.push(problem('broken-reference', where, `${schedule.sample ? 'sample ' : ''}session on ${session.weekday} is at location ${session.location}, which is not listed`));
  }
  problems.push(...checkTenantTexts(tenantContent), ...checkOverrides(tenantContent, tree), ...checkCalendars(tenantContent, readFile));
  return problems;
}

/** The numbers a tenant's own texts may mention: its partners' and its huisartsenpost. */
function tenantPhones({ tenant }: TenantContent): string[] {
  return [...tenant.partners.flatMap((partner) => (partner.phone ? [partner.phone] : [])), ...(tenant.huisartsenpost_phone ? [tenant.huisartsenpost_phone] : [])];
}

/** Partner descriptions, the schedule note and waste instructions reach people too. */
function checkTenantTexts(tenantContent: TenantContent): ContentProblem[] {
  const { tenant, schedule, waste } = tenantContent;
  const listed = tenantPhones(tenantContent);
  const texts: { what: string; byLocale: Partial<Record<string, string>> }[] = [
    ...tenant.partners.map((partner) => ({ what: `partner ${partner.id}`, byLocale: partner.does })),
    { what: 'schedule note', byLocale: schedule.note ?? {} },
    ...waste.streams.map((stream) => ({ what: `waste stream ${stream.key}`, byLocale: stream.how })),
  ];
  return texts.flatMap(({ what, byLocale }) =>
    Object.entries(byLocale).flatMap(([locale, text]) => checkPhonesInText(text ?? '', listed, `tenant ${tenant.key} ${what} (${locale})`)),
  );
}

/** A local answer may mention the node's numbers and the tenant's own (partners, huisartsenpost). */
function checkOverrides(tenantContent: TenantContent, tree: ContentTree): ContentProblem[] {
  const { tenant } = tenantContent;
  const listed = tenantPhones(tenantContent);
  const problems: ContentProblem[] = [];
  for (const override of tenantContent.overrides.values()) {
    const node = tree.nodes.get(override.node);
    if (!node) {
      problems.push(problem('broken-reference', `tenant ${tenant.key}`, `local answer for node ${override.node}, which does not exist`));
      continue;
    }
    for (const [locale, text] of Object.entries(override.locales)) {
      problems.push(...checkAnswer(text.answer, [...node.phones, ...listed], `tenant ${tenant.key} answer ${node.id} (${locale})`));
    }
  }
  return problems;
}

function checkCalendars(tenantContent: TenantContent, readFile: ReadTreeFile): ContentProblem[] {
  const where = `tenant ${tenantContent.tenant.key}`;
  const problems: ContentProblem[] = [];
  for (const entry of tenantContent.waste.calendars) {
    const file = resolveCalendarFile(tenantContent.dir, entry);
    const text = file === undefined ? undefined : readFile(file);
    if (text === undefined) {
      problems.push(problem('broken-reference', where, `waste calendar ${entry.file} (${entry.area}) does not exist in the tenant folder`));
      continue;
    }
    try {
      const calendar = parseWasteCalendar(text, entry.file);
      if (calendar.collections.length === 0) problems.push(problem('invalid-calendar', where, `waste calendar ${entry.file} has no collection of a known stream`));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(problem('invalid-calendar', where, error.problems.length > 0 ? error.problems.join('; ') : error.message));
    }
  }
  return problems;
}

/** One warning per missing fact (per topic for partners), naming the nodes that need it. */
export function checkLocalGaps(tenantContent: TenantContent, tree: ContentTree): ContentProblem[] {
  const gaps = new Map<string, { fact: LocalFact; topic: string; nodeIds: string[] }>();
  for (const node of tree.nodes.values()) {
    for (const fact of findLocalGaps(node, tenantContent)) {
      // Partners are per topic; every other fact is one field for the whole tenant.
      const key = fact === 'partners' ? `partners ${node.topic}` : fact;
      const gap = gaps.get(key) ?? { fact, topic: node.topic, nodeIds: [] };
      gap.nodeIds.push(node.id);
      gaps.set(key, gap);
    }
  }
  return [...gaps.values()].map(({ fact, topic, nodeIds }) => {
    const what = fact === 'partners' ? `no partner for topic ${topic}` : gapDescriptions[fact];
    return problem('local-gap', `tenant ${tenantContent.tenant.key}`, `${what} (needed by ${nodeIds.join(', ')})`);
  });
}

const gapDescriptions: Record<LocalFact, string> = {
  partners: 'no partner for the topic',
  schedule: 'no spreekuur sessions (or only sample ones) in schedule.yaml',
  waste: 'no waste calendar (or only sample ones) in waste.yaml',
  huisartsenpost: 'no huisartsenpost_phone in tenant.yaml',
  website: 'no municipality_website in tenant.yaml',
};
