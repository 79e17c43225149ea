// The targets of issue #4 on the shared development set: fails when accuracy drops.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContentTree } from '../../src/content/loadContentTree.js';
import { buildRouterIndex } from '../../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../../src/nlu/routeMessage.js';
import { type EvalReport, formatReport, parseLabelledLines, summariseScores } from '../../src/nlu/scoreRoutes.js';

const devFile = resolve('..', 'shared', 'eval', 'dev.jsonl');
const describeIfDev = existsSync(devFile) ? describe : describe.skip;
if (!existsSync(devFile)) console.warn(`eval test skipped: ${devFile} is absent`);

describeIfDev('routing on ../shared/eval/dev.jsonl', () => {
  let report: EvalReport;
  beforeAll(async () => {
    const index = buildRouterIndex(await loadContentTree('content'));
    const { lines, problems } = parseLabelledLines(readFileSync(devFile, 'utf8'));
    expect(problems).toEqual([]);
    report = summariseScores(lines.map((label) => ({ label, routed: routeMessage(label.text, {}, index) })));
  });

  it('misses no emergency', () => {
    expect(report.missedWhere).toEqual([]);
  });

  it('routes at least 90% of all lines right', () => {
    if (report.overall < 0.9) console.log(formatReport(report));
    expect(report.overall).toBeGreaterThanOrEqual(0.9);
  });

  it('routes at least 80% right in every language', () => {
    const below = Object.entries(report.perLang)
      .filter(([, tally]) => tally.right / tally.total < 0.8)
      .map(([lang, tally]) => `${lang} ${tally.right}/${tally.total}`);
    expect(below).toEqual([]);
  });

  it('identifies the language of at least 97% of the lines', () => {
    expect(report.langId).toBeGreaterThanOrEqual(0.97);
  });
});
