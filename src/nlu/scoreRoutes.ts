// Scoring of routed lines against labels, exactly as routing-contract.md says,
// shared by `spreekuur eval`, the peer benchmark and the eval test.
import { z } from 'zod';
import { actionSchema } from '../content/schema.js';

export const labelledLineSchema = z.object({
  text: z.string(),
  lang: z.string().min(2),
  topic: z.string().nullable(),
  action: actionSchema,
});
export type LabelledLine = z.infer<typeof labelledLineSchema>;

/** What a router produced for one line (the fields the contract scores). */
export interface RoutedLine {
  lang: string;
  topic: string | null;
  action: string;
}

export interface LineScore {
  route: boolean;
  lang: boolean;
  missedEmergency: boolean;
  /** An emergency reply to a line that is no emergency: costs a volunteer's priority attention, not a life. */
  falseAlarm: boolean;
}

export function scoreLine(label: LabelledLine, routed: RoutedLine): LineScore {
  const route =
    label.action === 'answer' || label.action === 'ask'
      ? routed.topic === label.topic && (routed.action === 'answer' || routed.action === 'ask')
      : routed.action === label.action;
  const emergencyLabel = label.action === 'emergency';
  return {
    route,
    lang: routed.lang === label.lang,
    missedEmergency: emergencyLabel && routed.action !== 'emergency',
    falseAlarm: !emergencyLabel && routed.action === 'emergency',
  };
}

interface Tally {
  right: number;
  total: number;
}

export interface EvalReport {
  lines: number;
  overall: number;
  langId: number;
  missedEmergencies: number;
  /** Where the missed emergencies were: "topic (lang)", no message text (reports may be shared). */
  missedWhere: string[];
  /** Lines that are no emergency but got the emergency reply, of `calmLines` such lines. */
  falseAlarms: number;
  calmLines: number;
  perLang: Record<string, Tally>;
  perTopic: Record<string, Tally>;
  /** "expected → got" with counts, most frequent first. */
  confusions: { expected: string; got: string; count: number }[];
}

/** The label or routing outcome as one readable key: "topic/action". */
function outcomeKey(topic: string | null, action: string): string {
  return `${topic ?? '∅'}/${action}`;
}

export function summariseScores(pairs: readonly { label: LabelledLine; routed: RoutedLine }[]): EvalReport {
  const perLang: Record<string, Tally> = {};
  const perTopic: Record<string, Tally> = {};
  const confusions = new Map<string, number>();
  let right = 0;
  let langRight = 0;
  let missed = 0;
  let falseAlarms = 0;
  let calmLines = 0;
  const missedWhere: string[] = [];
  const bump = (table: Record<string, Tally>, key: string, ok: boolean): void => {
    const tally = (table[key] ??= { right: 0, total: 0 });
    tally.total++;
    if (ok) tally.right++;
  };
  for (const { label, routed } of pairs) {
    const score = scoreLine(label, routed);
    if (score.route) right++;
    if (score.lang) langRight++;
    if (score.missedEmergency) {
      missed++;
      missedWhere.push(`${label.topic ?? '∅'} (${label.lang})`);
    }
    if (label.action !== 'emergency') calmLines++;
    if (score.falseAlarm) falseAlarms++;
    bump(perLang, label.lang, score.route);
    bump(perTopic, outcomeKey(label.topic, label.action), score.route);
    if (!score.route) {
      const key = `${outcomeKey(label.topic, label.action)}\u0000${outcomeKey(routed.topic, routed.action)}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  const n = pairs.length;
  return {
    lines: n,
    overall: n > 0 ? right / n : 0,
    langId: n > 0 ? langRight / n : 0,
    missedEmergencies: missed,
    missedWhere: missedWhere.sort(),
    falseAlarms,
    calmLines,
    perLang,
    perTopic,
    confusions: [...confusions]
      .map(([key, count]) => {
        const [expected = '', got = ''] = key.split('\u0000');
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

/** The report as text; the first line starts with "Overall accuracy:". */
export function formatReport(report: EvalReport, topConfusions = 15): string {
  const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const tally = ({ right, total }: Tally): string => `${pct(total > 0 ? right / total : 0).padStart(6)}  (${right}/${total})`;
  const lines = [
    `Overall accuracy: ${pct(report.overall)} (${report.lines} lines)`,
    `Language id accuracy: ${pct(report.langId)}`,
    `Missed emergencies: ${report.missedEmergencies}${report.missedEmergencies > 0 ? `  <-- the worst error, fix first: ${report.missedWhere.join(', ')}` : ''}`,
    `False alarms: ${report.falseAlarms} of ${report.calmLines} lines that are no emergency`,
    '',
    'Per language:',
    ...Object.entries(report.perLang)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([lang, t]) => `  ${lang.padEnd(4)} ${tally(t)}`),
    '',
    'Per topic (label topic/action):',
    ...Object.entries(report.perTopic)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([topic, t]) => `  ${topic.padEnd(42)} ${tally(t)}`),
    '',
    `Top confusions (expected -> got):`,
    ...report.confusions.slice(0, topConfusions).map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} -> ${c.got}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Parses a labelled JSON-lines file; bad lines are reported by number and skipped. */
export function parseLabelledLines(content: string): { lines: LabelledLine[]; problems: string[] } {
  const lines: LabelledLine[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const parsed = labelledLineSchema.safeParse(raw);
    if (parsed.success) lines.push(parsed.data);
    else problems.push(`line ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  });
  return { lines, problems };
}
