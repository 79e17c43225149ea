// The targets of issue #4: fails when routing accuracy drops, on the shared
// development set and on this project's own held-out sets (tests/fixtures/holdout.jsonl
// holdout2.jsonl to holdout11.jsonl, and the emergencies-only sets emergencies7.jsonl and emergencies8.jsonl, each written by a
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
   * Missed emergencies allowed: 0 everywhere except on emergencies7 and emergencies8, hard
   * sets of emergencies told indirectly or of new kinds, where the misses left after their
   * lexicon rounds are documented (ADR 0003, addenda 5 and 6) and may only go down.
   */
  maxMissed?: number;
}

const sets: EvalSet[] = [
  { name: '../shared/eval/dev.jsonl', file: resolve('..', 'shared', 'eval', 'dev.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout.jsonl', file: resolve('tests', 'fixtures', 'holdout.jsonl'), overallFloor: 0.88, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout2.jsonl', file: resolve('tests', 'fixtures', 'holdout2.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout3.jsonl', file: resolve('tests', 'fixtures', 'holdout3.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout4.jsonl', file: resolve('tests', 'fixtures', 'holdout4.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout5.jsonl', file: resolve('tests', 'fixtures', 'holdout5.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout6.jsonl', file: resolve('tests', 'fixtures', 'holdout6.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout7.jsonl', file: resolve('tests', 'fixtures', 'holdout7.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout8.jsonl', file: resolve('tests', 'fixtures', 'holdout8.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout9.jsonl', file: resolve('tests', 'fixtures', 'holdout9.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout10.jsonl', file: resolve('tests', 'fixtures', 'holdout10.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/holdout11.jsonl', file: resolve('tests', 'fixtures', 'holdout11.jsonl'), overallFloor: 0.9, perLanguageFloor: 0.8 },
  { name: 'tests/fixtures/emergencies7.jsonl', file: resolve('tests', 'fixtures', 'emergencies7.jsonl'), overallFloor: 0.85, perLanguageFloor: 0.75, maxMissed: 9 },
  { name: 'tests/fixtures/emergencies8.jsonl', file: resolve('tests', 'fixtures', 'emergencies8.jsonl'), overallFloor: 0.8, perLanguageFloor: 0.65, maxMissed: 11 },
];

let index: RouterIndex;
beforeAll(async () => {
  index = buildRouterIndex(await loadContentTree('content'));
});

describe.each(sets)('routing on $name', ({ file, overallFloor, perLanguageFloor, maxMissed = 0 }) => {
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
