// The targets of issue #4: fails when routing accuracy drops, on the shared
// development set and on this project's own held-out sets (tests/fixtures/holdout.jsonl
// holdout2.jsonl to holdout11.jsonl, holdout13.jsonl and holdout14.jsonl, and the emergencies-only sets emergencies7.jsonl and emergencies8.jsonl, each written by a
// helper who saw neither the development set nor the content's examples nor the router's answers).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContentTree } from '../../src/content/loadContentTree.js';
import { type RouterIndex, buildRouterIndex } from '../../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../../src/nlu/routeMessage.js';
import { type EvalReport, formatReport, parseLabelledLines, summariseScores } from '../../src/nlu/scoreRoutes.js';

interface EvalSet {
  name: string;
  file: string;
  /**
   * The overall accuracy this set must keep: issue #4's targets (0.90 overall, 0.80 in
   * every language) on the dev set, and just under the measured level on the held-out
   * set (see the closing notes), so that a regression fails the build. Raise them as
   * the router improves, never lower them.
   */
  overallFloor: number;
  perLanguageFloor: number;
  /**
   * Missed emergencies allowed: 0 everywhere. emergencies7 and emergencies8, hard sets of
   * emergencies told indirectly or of new kinds, allowed the misses their lexicon rounds left
   * (ADR 0003, addenda 5 and 6) until round 13 closed them (addendum 7).
   */
  maxMissed?: number;
  /** False alarms allowed (lines that are no emergency given the emergency reply): the level measured when the limit was set; may only go down. */
  maxFalseAlarms?: number;
}

/** Issue #4's targets, the floors of every set unless it says otherwise. */
const targets = { overallFloor: 0.9, perLanguageFloor: 0.8 };

/** A held-out set in tests/fixtures. */
const fixture = (file: string, limits: Partial<Omit<EvalSet, 'name' | 'file'>> = {}): EvalSet => ({
  name: `tests/fixtures/${file}`,
  file: resolve('tests', 'fixtures', file),
  ...targets,
  ...limits,
});

const sets: EvalSet[] = [
  { name: '../shared/eval/dev.jsonl', file: resolve('..', 'shared', 'eval', 'dev.jsonl'), ...targets },
  fixture('holdout.jsonl', { overallFloor: 0.88 }),
  fixture('holdout2.jsonl'),
  fixture('holdout3.jsonl'),
  fixture('holdout4.jsonl'),
  fixture('holdout5.jsonl'),
  fixture('holdout6.jsonl', { maxFalseAlarms: 1 }),
  fixture('holdout7.jsonl', { maxFalseAlarms: 2 }),
  fixture('holdout8.jsonl'),
  fixture('holdout9.jsonl'),
  fixture('holdout10.jsonl'),
  fixture('holdout11.jsonl'),
  fixture('holdout13.jsonl'),
  fixture('holdout14.jsonl', { maxFalseAlarms: 3 }),
  fixture('emergencies7.jsonl', { maxFalseAlarms: 1 }),
  fixture('emergencies8.jsonl', { maxFalseAlarms: 1 }),
];

let index: RouterIndex;
beforeAll(async () => {
  index = buildRouterIndex(await loadContentTree('content'));
});

describe.each(sets)('routing on $name', ({ file, overallFloor, perLanguageFloor, maxMissed = 0, maxFalseAlarms = 0 }) => {
  const present = existsSync(file);
  if (!present) console.warn(`eval test skipped: ${file} is absent`);
  const itIfPresent = present ? it : it.skip;
  let report: EvalReport;
  beforeAll(() => {
    if (!present) return;
    const { lines, problems } = parseLabelledLines(readFileSync(file, 'utf8'));
    expect(problems).toEqual([]);
    report = summariseScores(lines.map((label) => ({ label, routed: routeMessage(label.text, {}, index) })));
  });

  itIfPresent(maxMissed === 0 ? 'misses no emergency' : `misses at most ${maxMissed} emergencies`, () => {
    if (maxMissed === 0) expect(report.missedWhere).toEqual([]);
    else expect(report.missedWhere.length).toBeLessThanOrEqual(maxMissed);
  });

  itIfPresent(`raises at most ${maxFalseAlarms} false alarms`, () => {
    expect(report.falseAlarms).toBeLessThanOrEqual(maxFalseAlarms);
  });

  itIfPresent(`routes at least ${overallFloor * 100}% of all lines right`, () => {
    if (report.overall < overallFloor) console.log(formatReport(report));
    expect(report.overall).toBeGreaterThanOrEqual(overallFloor);
  });

  itIfPresent(`routes at least ${perLanguageFloor * 100}% right in every language`, () => {
    const below = Object.entries(report.perLang)
      .filter(([, tally]) => tally.right / tally.total < perLanguageFloor)
      .map(([lang, tally]) => `${lang} ${tally.right}/${tally.total}`);
    expect(below).toEqual([]);
  });

  itIfPresent('identifies the language of at least 97% of the lines', () => {
    expect(report.langId).toBeGreaterThanOrEqual(0.97);
  });
});
