// The shipped content tree against the shared topics spec (../shared/spec/topics.yaml).
import { existsSync, readFileSync } from 'node:fs';
import { checkContentTree } from '../../../src/content/checkContentTree.js';
import { todayInAmsterdam } from '../../../src/content/isoDate.js';
import { readContentTree } from '../../../src/content/loadContentTree.js';
import { loadTopicsSpec, resolveTopicsFile } from '../../../src/content/topicsSpec.js';
import { buildRouterIndex } from '../../../src/nlu/buildRouterIndex.js';
import { checkEmergencyExamples } from '../../../src/nlu/checkEmergencyExamples.js';


describe('the shipped content tree', () => {
  // Including the routing check: every example of an emergency topic raises the alarm, no other example does.
  it('passes content check with no errors', async () => {
    const topics = await loadTopicsSpec(resolveTopicsFile('content', process.env.CONTENT_TOPICS_FILE));
    const { tree, problems } = await readContentTree('content');
    const report = checkContentTree(tree, topics, {
      today: todayInAmsterdam(),
      readFile: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
      loadProblems: problems,
      routingProblems: checkEmergencyExamples(tree, buildRouterIndex(tree)),
    });
    const errors = report.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
  });
});
