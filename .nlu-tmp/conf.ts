import { readFileSync } from 'node:fs';
import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../src/nlu/routeMessage.js';
import { parseLabelledLines, summariseScores } from '../src/nlu/scoreRoutes.js';
const tree = await loadContentTree('content');
const index = buildRouterIndex(tree);
const { lines } = parseLabelledLines(readFileSync('../shared/eval/dev.jsonl', 'utf8'));
const pairs = lines.map((label) => ({ label, routed: routeMessage(label.text, {}, index) }));
const rep = summariseScores(pairs);
console.log(rep.confusions.map((c) => `${c.count} ${c.expected} -> ${c.got}`).join('\n'));
// reasons of wrong by label-class
const agg: Record<string, number> = {};
for (const { label, routed } of pairs) { const ok = label.action === 'answer' ? routed.topic === label.topic && (routed.action === 'answer' || routed.action === 'ask') : routed.action === label.action; if (!ok) { const k = `${label.action}:${routed.reason}`; agg[k] = (agg[k] ?? 0) + 1; } }
console.log(agg);
const fp: Record<string, number> = {};
for (const { label, routed } of pairs) if (routed.action === 'emergency' && label.action !== 'emergency') { const k = `${routed.reason}:${routed.signal ?? routed.topic}`; fp[k] = (fp[k] ?? 0) + 1; }
console.log('false emergencies by phrase', fp);
const pc: Record<string, number> = {};
for (const { label, routed } of pairs) if (routed.reason === 'personal-case') { const k = `${label.action === 'handoff' ? 'TP' : 'FP'}:${routed.signal}`; pc[k] = (pc[k] ?? 0) + 1; }
console.log('personal-case phrases', pc);
const er: Record<string, number> = {};
for (const { label, routed } of pairs) if (label.action === 'emergency') { const k = `${routed.action}:${routed.reason}:${routed.reason === 'classifier' ? routed.confidence : ''}`; er[k] = (er[k] ?? 0) + 1; }
console.log('emergency lines by reason', er);
const fpc: string[] = [];
for (const { label, routed } of pairs) if (routed.action === 'emergency' && label.action !== 'emergency') fpc.push(`${routed.reason} ${routed.confidence}`);
console.log('false emergency confidences', fpc);
const ap: Record<string, number> = {};
for (const { label, routed } of pairs) if (label.action === 'appointment' || routed.action === 'appointment') { const k = `${label.action}->${routed.action}:${routed.reason}:${routed.signal ?? ''}`; ap[k] = (ap[k] ?? 0) + 1; }
console.log('appointment', ap);
