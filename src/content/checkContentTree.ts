// `content check` as a pure function: the loaded tree, the topics spec and what
// failed to load go in, a report comes out. The only outside world it sees is
// the injected `today` and file reader, so tests can pin both.
import { checkNode } from './checkNode.js';
import { type ReadTreeFile, checkLocalGaps, checkTenant } from './checkTenant.js';
import { type ContentProblem, type ContentReport, type NodeSummary, type TopicSummary, problem } from './contentReport.js';
import { findLocalGaps } from './findLocalGaps.js';
import type { ContentTree, LoadProblem } from './loadContentTree.js';
import { type ContentNode, localeCodes } from './schema.js';
import type { TopicsSpec } from './topicsSpec.js';

export interface CheckOptions {
  /** YYYY-MM-DD, the day review dates are compared with. */
  today: string;
  /** Reads calendar files the tenants refer to. */
  readFile: ReadTreeFile;
  /** Files that did not load (from readContentTree); they are reported as errors. */
  loadProblems?: readonly LoadProblem[];
  /** What routing the content's own examples found (checkEmergencyExamples); the caller builds the router. */
  routingProblems?: readonly ContentProblem[];
}

export function checkContentTree(tree: ContentTree, topics: TopicsSpec, options: CheckOptions): ContentReport {
  const problems: ContentProblem[] = (options.loadProblems ?? []).map(convertLoadProblem);
  const coveredTopics = new Set([...tree.nodes.values()].map((node) => node.topic));
  for (const key of topics.keys()) {
    if (!coveredTopics.has(key)) problems.push(problem('missing-node', `topic ${key}`, 'no node answers this topic'));
  }
  const context = { nodeIds: new Set(tree.nodes.keys()), topics, today: options.today };
  for (const node of tree.nodes.values()) problems.push(...checkNode(node, context));
  for (const tenantContent of tree.tenants.values()) {
    problems.push(...checkTenant(tenantContent, tree, topics, options.readFile), ...checkLocalGaps(tenantContent, tree));
  }
  problems.push(...(options.routingProblems ?? []));
  const errors = problems.filter((item) => item.severity === 'error').length;
  return {
    ok: errors === 0,
    today: options.today,
    errors,
    warnings: problems.length - errors,
    problems,
    topics: summarizeTopics(tree, topics),
  };
}

// A bad phone number fails the schema at load time already; reporting it under
// its own kind keeps `content check` output the same whichever layer caught it.
const phoneFieldPattern = /(?:^|\.)(?:phones\.\d+|phone|huisartsenpost_phone)$/;

function convertLoadProblem({ file, path, message }: LoadProblem): ContentProblem {
  return problem(phoneFieldPattern.test(path) ? 'invalid-phone' : 'invalid-file', file, path ? `${path}: ${message}` : message);
}

function summarizeTopics(tree: ContentTree, topics: TopicsSpec): Record<string, TopicSummary> {
  const summaries: Record<string, TopicSummary> = {};
  for (const [key, spec] of topics) summaries[key] = { scope: spec.scope, nodes: [] };
  for (const node of tree.nodes.values()) {
    const summary = summaries[node.topic] ?? { scope: 'unknown', nodes: [] };
    summary.nodes.push(summarizeNode(node, tree));
    summaries[node.topic] = summary;
  }
  return summaries;
}

function summarizeNode(node: ContentNode, tree: ContentTree): NodeSummary {
  const summary: NodeSummary = { id: node.id, revision: node.revision, review_by: node.review_by, locales: {}, gaps: {} };
  for (const locale of localeCodes) {
    const text = node.locales[locale];
    if (!text) continue;
    summary.locales[locale] = {
      status: text.status,
      ...(text.from_revision === undefined ? {} : { from_revision: text.from_revision }),
      examples: text.examples.length,
      answer_chars: [...text.answer.trim()].length,
    };
  }
  for (const [key, tenantContent] of tree.tenants) {
    const gaps = findLocalGaps(node, tenantContent);
    if (gaps.length > 0) summary.gaps[key] = gaps;
  }
  return summary;
}
