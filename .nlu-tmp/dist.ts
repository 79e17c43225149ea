import { readFileSync } from 'node:fs';
import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
import { analyseMessage } from '../src/nlu/analyseMessage.js';
import { detectLanguageOfTokens } from '../src/nlu/detectLanguage.js';
import { extractFeatures } from '../src/nlu/extractFeatures.js';
import { parseLabelledLines } from '../src/nlu/scoreRoutes.js';
const tree = await loadContentTree('content');
const index = buildRouterIndex(tree);
const { lines } = parseLabelledLines(readFileSync('../shared/eval/dev.jsonl', 'utf8'));
const rows: string[] = [];
for (const l of lines) {
  const m = analyseMessage(l.text, index.vocabulary);
  const g = detectLanguageOfTokens(l.text, m.tokens, undefined, { domainTerms: index.domainTerms });
  const f = extractFeatures(m.corrected, { lang: g.lang, arabizi: !!g.arabizi, verbatim: index.domainTerms, concepts: index.concepts.groupsIn(m.forms), weights: index.featureWeights });
  const c = index.classifier.classify(f);
  const cls = l.action === 'answer' ? (c.ranked[0]?.label === l.topic ? 'ans-right' : 'ans-wrong') : l.topic === null ? 'null' : 'other-' + l.action;
  const gap = 0; rows.push(`${cls}\t${c.ranked[0]!.probability.toFixed(2)}\t${c.evidence.toFixed(2)}\t${c.coverage.toFixed(2)}`);
}
// aggregate: for each class, quantiles of prob & evidence
const by: Record<string, number[][]> = {};
for (const r of rows) { const [k, p, e, cv] = r.split('\t'); (by[k!] ??= []).push([+p!, +e!, +cv!]); }
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(p * (s.length - 1))]!.toFixed(2); };
for (const [k, v] of Object.entries(by)) console.log(k.padEnd(18), v.length, 'prob q10/25/50', q(v.map((x) => x[0]!), 0.1), q(v.map((x) => x[0]!), 0.25), q(v.map((x) => x[0]!), 0.5), '| evid q10/25/50/75/90', [0.1, 0.25, 0.5, 0.75, 0.9].map((p) => q(v.map((x) => x[1]!), p)).join(' '), '| cov q10/50', q(v.map((x) => x[2]!), 0.1), q(v.map((x) => x[2]!), 0.5));
