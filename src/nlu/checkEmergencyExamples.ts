// Part of `content check`: the content's own examples are the questions coordinators
// expect, so each example of an emergency topic must raise the alarm and no everyday
// example may ("help me open DigiD" is not an emergency). A new phrase in
// content/signals/emergency.yaml that catches an everyday example, or an example the
// lexicon and classifier both miss, is reported before it reaches a person.
import { type ContentProblem, problem } from '../content/contentReport.js';
import type { ContentTree } from '../content/loadContentTree.js';
import type { RouterIndex } from './buildRouterIndex.js';
import { routeMessage } from './routeMessage.js';

export function checkEmergencyExamples(tree: ContentTree, index: RouterIndex): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const node of tree.nodes.values()) {
    const emergencyTopic = node.action === 'emergency';
    for (const [locale, content] of Object.entries(node.locales)) {
      for (const example of content?.examples ?? []) {
        const routed = routeMessage(example, {}, index);
        if ((routed.action === 'emergency') === emergencyTopic) continue;
        const where = `node ${node.id}`;
        problems.push(
          emergencyTopic
            ? problem('missed-alarm', where, `${locale} example "${example}" is not recognised as an emergency (routed ${routed.topic ?? 'no topic'}/${routed.action})`)
            : problem('false-alarm', where, `${locale} example "${example}" raises the emergency alarm (${routed.signal ? `lexicon phrase "${routed.signal}"` : 'classifier'})`),
        );
      }
    }
  }
  return problems;
}
