import { readFileSync } from 'node:fs';
import { loadContentTree, type ContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex, type BuildOptions } from '../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../src/nlu/routeMessage.js';
import { parseLabelledLines, summariseScores } from '../src/nlu/scoreRoutes.js';
import { loadSignals } from '../src/nlu/loadSignals.js';
const tree = await loadContentTree('content');
const signals = loadSignals('content/signals');
const folds = Number(process.env.FOLDS ?? 4);
function split(fold: number): { train: ContentTree; test: { text: string; lang: string; topic: string }[] } {
  const nodes = new Map();
  const test: { text: string; lang: string; topic: string }[] = [];
  let k = 0;
  for (const [id, node] of tree.nodes) {
    const locales: Record<string, unknown> = {};
    for (const [lang, loc] of Object.entries(node.locales)) {
      if (!loc) continue;
      const keep: string[] = [];
      for (const ex of loc.examples) { if (k++ % folds === fold) test.push({ text: ex, lang, topic: node.topic }); else keep.push(ex); }
      locales[lang] = { ...loc, examples: keep };
    }
    nodes.set(id, { ...node, locales });
  }
  return { train: { ...tree, nodes }, test };
}
const { lines } = parseLabelledLines(readFileSync('../shared/eval/dev.jsonl', 'utf8'));
export function run(name: string, options: BuildOptions) {
  let right = 0, total = 0; const perLang: Record<string, [number, number]> = {};
  for (let f = 0; f < folds; f++) {
    const { train, test } = split(f);
    const index = buildRouterIndex(train, { ...options, signals });
    for (const t of test) {
      const r = routeMessage(t.text, {}, index);
      const ok = r.alternatives[0]?.topic === t.topic || (r.alternatives.length === 0 && r.topic === t.topic);
      right += ok ? 1 : 0; total++;
      const e = (perLang[t.lang] ??= [0, 0]); e[0] += ok ? 1 : 0; e[1]++;
    }
  }
  const index = buildRouterIndex(tree, { ...options, signals });
  const results = lines.map((l) => routeMessage(l.text, {}, index));
  const ans = lines.map((l, i) => [l, results[i]!] as const).filter(([l]) => l.action === 'answer');
  const top1 = ans.filter(([l, r]) => r.alternatives[0]?.topic === l.topic).length;
  const report = summariseScores(lines.map((label, i) => ({ label, routed: results[i]! })));
  console.log(name.padEnd(40), 'CV top1', (right / total).toFixed(4), Object.entries(perLang).map(([l, [a, b]]) => `${l}:${(a / b).toFixed(2)}`).join(' '), '| dev ans top1', top1, '/', ans.length, 'overall', report.overall.toFixed(3));
}
const configs: Record<string, BuildOptions> = JSON.parse(process.env.CONFIGS ?? '{"default":{}}');
for (const [name, opts] of Object.entries(configs)) run(name, opts);
