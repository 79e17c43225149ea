// experiment: logistic regression / knn vs NB on same features
import { loadContentTree, type ContentTree } from '../src/content/loadContentTree.js';
import { loadSignals } from '../src/nlu/loadSignals.js';
import { buildDomainTerms } from '../src/nlu/domainTerms.js';
import { extractFeatures, defaultFeatureWeights, type Features } from '../src/nlu/extractFeatures.js';
import { normalizeAndTokenize } from '../src/nlu/normalizeText.js';
import { isMostlyLatin } from '../src/nlu/buildRouterIndex.js';
import { detectLanguage } from '../src/nlu/detectLanguage.js';
import { TopicClassifier } from '../src/nlu/TopicClassifier.js';
import type { Locale } from '../src/content/schema.js';
const tree = await loadContentTree('content');
const weights = { ...defaultFeatureWeights, ngram: Number(process.env.NG ?? 0.25) };
const kw: string[] = [];
for (const n of tree.nodes.values()) kw.push(...n.keywords, ...(n.locales.nl?.keywords ?? []));
const domainTerms = buildDomainTerms(kw);
type Ex = { text: string; lang: Locale; topic: string; kind: 'ex' | 'kw' };
const exs: Ex[] = [];
for (const n of tree.nodes.values()) {
  for (const k of n.keywords) exs.push({ text: k, lang: 'nl', topic: n.topic, kind: 'kw' });
  for (const [lang, loc] of Object.entries(n.locales)) { if (!loc) continue;
    for (const e of loc.examples) exs.push({ text: e, lang: lang as Locale, topic: n.topic, kind: 'ex' });
    for (const e of [...loc.keywords, loc.title]) exs.push({ text: e, lang: lang as Locale, topic: n.topic, kind: 'kw' });
  }
}
const feat = (text: string, lang: Locale, train: boolean): Features => {
  const tokens = normalizeAndTokenize(text);
  if (!train) { const g = detectLanguage(text); lang = g.lang; return extractFeatures(tokens, { lang, arabizi: !!g.arabizi, verbatim: domainTerms, concepts: [], weights }); }
  return extractFeatures(tokens, { lang, arabizi: lang === 'ar' && isMostlyLatin(tokens), verbatim: domainTerms, concepts: [], weights });
};
const all = exs.map((e) => ({ ...e, f: feat(e.text, e.lang, true), ft: e.kind === 'ex' ? feat(e.text, e.lang, false) : undefined }));
const labels = [...new Set(all.map((e) => e.topic))].sort();
const L = labels.length;
function trainLR(docs: typeof all, epochs: number, lr: number, l2: number) {
  const W = new Map<string, Float64Array>();
  const idfDf = new Map<string, number>();
  for (const d of docs) for (const k of d.f.keys()) idfDf.set(k, (idfDf.get(k) ?? 0) + 1);
  const idf = (k: string) => Math.log((docs.length + 1) / ((idfDf.get(k) ?? 0) + 1)) + 1;
  const vec = (f: Features) => { const out: [Float64Array, number][] = []; let norm = 0; const raw: [string, number][] = []; for (const [k, w] of f) { if (!idfDf.has(k)) continue; const v = w * idf(k); raw.push([k, v]); norm += v * v; } const s = norm > 0 ? 1 / Math.sqrt(norm) : 1; for (const [k, v] of raw) { let row = W.get(k); if (!row) { row = new Float64Array(L); W.set(k, row); } out.push([row, v * s]); } return out; };
  const bias = new Float64Array(L);
  const data = docs.map((d) => ({ x: vec(d.f), y: labels.indexOf(d.topic) }));
  const scores = new Float64Array(L);
  for (let ep = 0; ep < epochs; ep++) {
    const rate = lr / (1 + ep);
    for (let i = data.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [data[i], data[j]] = [data[j]!, data[i]!]; }
    for (const { x, y } of data) {
      scores.set(bias);
      for (const [row, v] of x) for (let c = 0; c < L; c++) scores[c] += row[c]! * v;
      let m = -Infinity; for (const s of scores) m = Math.max(m, s);
      let z = 0; for (let c = 0; c < L; c++) { scores[c] = Math.exp(scores[c]! - m); z += scores[c]!; }
      for (let c = 0; c < L; c++) { const g = scores[c]! / z - (c === y ? 1 : 0); bias[c] -= rate * g; for (const [row, v] of x) row[c] -= rate * (g * v + l2 * row[c]!); }
    }
  }
  return (f: Features) => { const s = new Float64Array(bias); let norm = 0; const xs: [Float64Array, number][] = []; for (const [k, w] of f) { const row = W.get(k); if (!row) continue; const v = w * idf(k); norm += v * v; xs.push([row, v]); } const sc = norm > 0 ? 1 / Math.sqrt(norm) : 1; for (const [row, v] of xs) for (let c = 0; c < L; c++) s[c] += row[c]! * v * sc; let b = 0; for (let c = 1; c < L; c++) if (s[c]! > s[b]!) b = c; return labels[b]; };
}
const folds = 4;
for (const cfg of JSON.parse(process.env.CFG ?? '[[5,0.5,0]]') as [number, number, number][]) {
  let right = 0, total = 0, nbRight = 0; const t0 = performance.now();
  for (let f = 0; f < folds; f++) {
    const train = all.filter((e, i) => e.kind === 'kw' || i % folds !== f);
    const test = all.filter((e, i) => e.kind === 'ex' && i % folds === f);
    const predict = trainLR(train, cfg[0], cfg[1], cfg[2]);
    const nb = new TopicClassifier(train.map((d) => ({ label: d.topic, features: d.f })), { alpha: 0.3 });
    for (const t of test) { total++; if (predict(t.ft!) === t.topic) right++; if (nb.classify(t.ft!).ranked[0]?.label === t.topic) nbRight++; }
  }
  console.log(cfg, 'LR', (right / total).toFixed(4), 'NB', (nbRight / total).toFixed(4), 'ms', ((performance.now() - t0) / folds).toFixed(0));
}
