// What `content check` finds: the problems (each kind has one fixed severity)
// and, for editors and coordinators, a summary per topic of locales, examples
// and local gaps. `content check --json` prints this object as it is.
import type { Locale, LocalFact, NodeLocale } from './schema.js';

/** Twilio refuses a body over 1600 characters; over 600 a WhatsApp answer stops being "short". */
export const answerLimits = { max: 1600, comfortable: 600 } as const;
/** Fewer examples than this per locale and the router has too little to learn a topic from. */
export const minExamplesPerLocale = 12;

export type Severity = 'error' | 'warning';

export const problemSeverity = {
  'invalid-file': 'error',
  'missing-node': 'error',
  'missing-locale': 'error',
  'unknown-topic': 'error',
  'broken-reference': 'error',
  'answer-too-long': 'error',
  'invalid-phone': 'error',
  'unlisted-phone': 'error',
  'invalid-calendar': 'error',
  'false-alarm': 'error',
  'missed-alarm': 'error',
  'long-answer': 'warning',
  'review-overdue': 'warning',
  'stale-translation': 'warning',
  'few-examples': 'warning',
  'local-gap': 'warning',
} as const satisfies Record<string, Severity>;
export type ProblemKind = keyof typeof problemSeverity;

export interface ContentProblem {
  severity: Severity;
  kind: ProblemKind;
  /** 'node <id>', 'tenant <key>', 'topic <key>' or a file under the content folder. */
  where: string;
  message: string;
}

export function problem(kind: ProblemKind, where: string, message: string): ContentProblem {
  return { severity: problemSeverity[kind], kind, where, message };
}

export interface LocaleSummary {
  status: NodeLocale['status'];
  from_revision?: number;
  examples: number;
  answer_chars: number;
}

export interface NodeSummary {
  id: string;
  revision: number;
  review_by: string;
  locales: Partial<Record<Locale, LocaleSummary>>;
  /** Per tenant key, the local facts this node needs that the tenant lacks (tenants without gaps left out). */
  gaps: Record<string, LocalFact[]>;
}

export interface TopicSummary {
  /** From topics.yaml; 'unknown' for a key a node uses that the spec does not have. */
  scope: 'national' | 'local' | 'unknown';
  nodes: NodeSummary[];
}

export interface ContentReport {
  ok: boolean;
  today: string;
  errors: number;
  warnings: number;
  problems: ContentProblem[];
  topics: Record<string, TopicSummary>;
}
